import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idOf } from '../contract/fixtures.js';
import { json, startTestApi, type TestApi } from './api-fixture.js';

describe('GET /api/stats/*', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  }, 60_000);
  afterAll(async () => api.close());
  const stats = async <T>(path: string): Promise<T> => {
    const response = await api.get(path);
    expect(response.status, await response.clone().text()).toBe(200);
    return json<T>(response);
  };
  const window = 'from=2026-03-01&to=2026-03-09';

  it('counts volume per day in the window, with the filters', async () => {
    const volume = await stats<{ report: string; rows: { key: string; count: number }[] }>(`/api/stats/volume?${window}`);
    expect(volume.report).toBe('volume');
    expect(volume.rows.filter((r) => r.count > 0)).toEqual([
      { key: '2026-03-01', count: 2 }, { key: '2026-03-02', count: 1 }, { key: '2026-03-05', count: 1 }, { key: '2026-03-09', count: 1 },
    ]);
    const acme = await stats<{ rows: { key: string; count: number }[] }>(`/api/stats/volume?${window}&brand=acme&sentiment=negative`);
    expect(acme.rows.filter((r) => r.count > 0)).toEqual([{ key: '2026-03-02', count: 1 }, { key: '2026-03-09', count: 1 }]);
    // Cut in Tokyo, the 23:30 UTC outage falls on the 3rd.
    const tokyo = await stats<{ rows: { key: string; count: number }[] }>(`/api/stats/volume?${window}&q=outage&tz=Asia%2FTokyo`);
    expect(tokyo.rows.filter((r) => r.count > 0).map((r) => r.key)).toEqual(['2026-03-03', '2026-03-09']);
  });

  it('defaults to the last 30 days (the clock is 2026-03-20)', async () => {
    const volume = await stats<{ rows: { key: string; count: number }[] }>('/api/stats/volume?interval=week');
    expect(volume.rows.reduce((sum, r) => sum + r.count, 0)).toBe(6);
    const recent = await stats<{ rows: { count: number }[] }>('/api/stats/volume?from=12d');
    expect(recent.rows.reduce((sum, r) => sum + r.count, 0)).toBe(1);
  });

  it('counts sentiment per bucket', async () => {
    const sentiment = await stats<{ report: string; rows: { key: string; positive: number; negative: number; neutral: number; unscored: number }[] }>(`/api/stats/sentiment?${window}&interval=month`);
    expect(sentiment).toEqual({ report: 'sentiment', rows: [{ key: '2026-03-01', positive: 3, neutral: 0, negative: 2, unscored: 0 }] });
  });

  it("gives each watched brand's share of voice", async () => {
    const sov = await stats<{ report: string; rows: { key: string; count: number; share: number }[]; total: number }>(`/api/stats/share-of-voice?${window}`);
    expect(sov.report).toBe('sov');
    expect(sov.total).toBe(6);
    expect(sov.rows.map((r) => [r.key, r.count, r.share])).toEqual([['acme', 4, 4 / 6], ['globex', 2, 2 / 6]]);
  });

  it('ranks sources, authors and stories', async () => {
    const sources = await stats<{ report: string; rows: { key: string; count: number }[] }>(`/api/stats/sources?${window}&limit=1`);
    expect(sources).toEqual({ report: 'sources', rows: [{ key: 'tech-wire', count: 2 }] });
    const authors = await stats<{ rows: { key: string; count: number }[] }>(`/api/stats/authors?${window}`);
    expect(authors.rows[0]).toEqual({ key: 'Sam Lee', count: 2 });
    const stories = await stats<{ report: string; rows: { storyId: string; title: string; size: number; firstPublishedAt: string; originId: string }[] }>(`/api/stats/stories?${window}&limit=1`);
    expect(stories).toEqual({
      report: 'stories',
      rows: [{ storyId: 'story-rachat', title: 'Acme Cloud annonce le rachat de Nimbus', size: 2, firstPublishedAt: '2026-03-01T08:00:00.000Z', originId: idOf('rachat') }],
    });
  });

  it('answers bad parameters with 400, a bad query with its position', async () => {
    for (const [path, parameter] of [['/api/stats/volume?tz=Mars%2FOlympus', 'tz'], ['/api/stats/volume?interval=hour', 'interval'], ['/api/stats/sources?limit=0', 'limit']] as const) {
      const response = await api.get(path);
      expect(response.status, path).toBe(400);
      expect((await json<{ error: { parameter: string } }>(response)).error.parameter).toBe(parameter);
    }
    const bad = await api.get('/api/stats/share-of-voice?q=acme%20AND');
    expect(bad.status).toBe(400);
    expect(await json(bad)).toMatchObject({ error: { code: 'bad-query', parameter: 'q', position: 8 } });
  });
});
