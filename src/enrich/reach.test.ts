import { describe, expect, it } from 'vitest';
import { computeReach } from './reach.js';

describe('computeReach', () => {
  it('weighs sources by audience, then tier, then a default', () => {
    expect(computeReach({ tier: 1 })).toBe(6);
    expect(computeReach({ tier: 3 })).toBe(4);
    expect(computeReach({})).toBe(3);
    expect(computeReach({ tier: 3, audience: 250_000 })).toBe(5.4);
  });

  it('lets an item with a bigger audience of its own count more, ignoring bad figures', () => {
    expect(computeReach({ tier: 3 }, { followers: 2_000_000 })).toBe(6.3);
    expect(computeReach({}, { views: 5_000, shares: 100, comments: 10, score: 50 })).toBe(Math.round(Math.log10(1 + 6_100) * 100) / 100);
    expect(computeReach({ tier: 2 }, { followers: -5, views: Number.NaN })).toBe(5);
    expect(computeReach({ audience: -1 }, null)).toBe(3);
  });
});
