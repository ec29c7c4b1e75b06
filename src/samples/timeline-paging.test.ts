import { describe, expect, it } from 'vitest';
import type { MastodonStatus } from './render-mastodon.js';
import { pageTimeline } from './timeline-paging.js';

// Newest first, as Mastodon orders a timeline; ids are large enough to need BigInt comparison.
const timeline: MastodonStatus[] = Array.from({ length: 50 }, (_v, i) => ({ id: String(117684031979521696n - BigInt(i) * 65536n) }));
const SELF = 'http://127.0.0.1:4719/api/v1/timelines/tag/acme?limit=10';
const page = (query: string) => pageTimeline(timeline, new URLSearchParams(query), SELF);

describe('pageTimeline', () => {
  it('defaults to 20 and caps limit at 40', () => {
    expect(page('').statuses).toHaveLength(20);
    expect(page('limit=500').statuses).toHaveLength(40);
    expect(page('limit=-3').statuses).toHaveLength(20);
  });

  it('links to the next (older) and previous (newer) pages', () => {
    const first = page('limit=10');
    expect(first.link).toBe(
      `<http://127.0.0.1:4719/api/v1/timelines/tag/acme?limit=10&max_id=${timeline[9]?.id}>; rel="next", ` +
        `<http://127.0.0.1:4719/api/v1/timelines/tag/acme?limit=10&min_id=${timeline[0]?.id}>; rel="prev"`,
    );
    expect(page(`limit=10&max_id=${timeline[9]?.id}`).statuses[0]).toBe(timeline[10]);
  });

  it('since_id gives the newest statuses; min_id the ones right after it', () => {
    const id = timeline[30]?.id ?? '';
    expect(page(`since_id=${id}&limit=5`).statuses).toEqual(timeline.slice(0, 5));
    expect(page(`min_id=${id}&limit=5`).statuses).toEqual(timeline.slice(25, 30));
  });

  it('ignores malformed ids and answers an empty page without a Link header past the end', () => {
    expect(page('max_id=abc').statuses).toHaveLength(20);
    expect(page(`max_id=${timeline[49]?.id}`)).toEqual({ statuses: [], link: null });
  });
});
