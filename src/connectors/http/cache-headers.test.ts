import { describe, expect, it } from 'vitest';
import { freshnessSeconds, parseRetryAfter } from './cache-headers.js';

const now = new Date('2026-11-27T12:00:00Z');

describe('cache headers', () => {
  it('reads Retry-After as seconds or a date, capped', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('99999999', now)).toBe(7 * 24 * 3600);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it('reads max-age, no-cache and Expires', () => {
    expect(freshnessSeconds({ 'cache-control': 'public, max-age=300' }, now)).toBe(300);
    expect(freshnessSeconds({ 'cache-control': 'no-cache' }, now)).toBe(0);
    expect(freshnessSeconds({ expires: '0' }, now)).toBe(0);
    expect(freshnessSeconds({ expires: 'Fri, 27 Nov 2026 13:00:00 GMT', date: 'Fri, 27 Nov 2026 12:30:00 GMT' }, now)).toBe(1800);
    expect(freshnessSeconds({}, now)).toBeUndefined();
  });
});
