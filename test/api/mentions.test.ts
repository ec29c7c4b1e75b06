import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idOf } from '../contract/fixtures.js';
import { json, startTestApi, type TestApi } from './api-fixture.js';

interface Page {
  total: number;
  totalIsExact: boolean;
  hits: { id: string; title: string; source: string; channel: string; snippets: { text: string; highlights: [number, number][] }[]; entities: { id: string }[] }[];
  nextCursor: string | null;
}
interface ErrorBody {
  error: { code: string; message: string; parameter?: string; position?: number };
}

const NAMES = ['rachat', 'rachat-copie', 'outage', 'globex-results', 'tweet', 'greve'];
const nameOf = new Map(NAMES.map((name) => [idOf(name), name]));
const names = (page: Page): string[] => page.hits.map((hit) => nameOf.get(hit.id) ?? hit.id);

describe('GET /api/mentions', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  }, 60_000);
  afterAll(async () => api.close());
  const page = async (query: string): Promise<Page> => {
    const response = await api.get(`/api/mentions${query}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return json<Page>(response);
  };

  it('lists the newest first, in the HitView shape, with the total', async () => {
    const all = await page('');
    expect(all.total).toBe(6);
    expect(all.totalIsExact).toBe(true);
    expect(names(all)).toEqual(['tweet', 'globex-results', 'outage', 'rachat-copie', 'rachat', 'greve']);
    expect(Object.keys(all.hits[0]!).sort()).toEqual(
      ['author', 'channel', 'entities', 'id', 'language', 'publishedAt', 'reach', 'sentiment', 'snippets', 'source', 'sourceName', 'sources', 'storyId', 'storyRole', 'title', 'url'].sort(),
    );
    // Every delivering source and the part in the story reach the client (the response schema once dropped them).
    const hits = all.hits as unknown as { id: string; source: string; sourceName: string; sources: { id: string; name: string }[]; storyRole: string }[];
    for (const hit of hits) expect(hit.sources[0]).toEqual({ id: hit.source, name: hit.sourceName });
    const roles = new Map(hits.map((hit) => [nameOf.get(hit.id), hit.storyRole]));
    // The two share a story named after neither of them: both are copies of it; the others stand alone.
    expect(roles.get('rachat')).toBe('copy');
    expect(roles.get('rachat-copie')).toBe('copy');
    expect(roles.get('outage')).toBe('origin');
    expect(all.nextCursor).toBeNull();
  });

  it('highlights matches as offsets into plain text', async () => {
    const result = await page('?q=outage');
    expect(names(result).sort()).toEqual(['outage', 'tweet']);
    const snippet = result.hits.flatMap((hit) => hit.snippets).find((s) => s.highlights.length > 0)!;
    const [start, end] = snippet.highlights[0]!;
    expect(snippet.text.slice(start, end).toLowerCase()).toBe('outage');
    expect(snippet.text).not.toMatch(/[\u0002\u0003]/);
  });

  it('ANDs filters with each other and the query, and ORs the values of a repeated filter', async () => {
    expect(names(await page('?brand=globex')).sort()).toEqual(['globex-results', 'outage']);
    expect(names(await page('?brand=globex&sentiment=negative'))).toEqual(['outage']);
    expect(names(await page('?source=tech-wire&source=x-search')).sort()).toEqual(['globex-results', 'outage', 'tweet']);
    expect(names(await page('?channel=social&channel=blog&q=outage')).sort()).toEqual(['outage', 'tweet']);
    expect(names(await page('?lang=fr&person=claire-dubois')).sort()).toEqual(['rachat', 'rachat-copie']);
    // A filter value is a value, never query syntax.
    expect((await page('?brand=acme%20OR%20globex')).total).toBe(0);
  });

  it('cuts by date: a bare date as `to` includes that day; `from` takes relative durations', async () => {
    expect(names(await page('?from=2026-03-01&to=2026-03-01')).sort()).toEqual(['rachat', 'rachat-copie']);
    expect(names(await page('?from=2026-03-05T12:00:00Z'))).toEqual(['tweet', 'globex-results']);
    // The test clock is 2026-03-20T12:00Z: 12 days back is 2026-03-08T12:00Z.
    expect(names(await page('?from=12d'))).toEqual(['tweet']);
  });

  it('pages through the cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const result: Page = await page(`?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(result.hits.length).toBeLessThanOrEqual(2);
      seen.push(...names(result));
      cursor = result.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual(['tweet', 'globex-results', 'outage', 'rachat-copie', 'rachat', 'greve']);
    expect(pages).toBe(3);
  });

  it('sorts by relevance on request', async () => {
    const result = await page('?q=acme&sort=relevance');
    expect(result.hits.length).toBeGreaterThan(1);
    expect(result.hits.every((hit) => typeof (hit as { score?: number }).score === 'number')).toBe(true);
  });

  it('answers a bad query with 400, what is wrong and the parser position, never 500', async () => {
    const cases: [string, number][] = [['acme AND (globex', 9], ['acme)', 4], ['"open quote', 0], ['brand:', 0], ['intitle:acme', 0]];
    for (const [q, position] of cases) {
      const response = await api.get(`/api/mentions?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(400);
      const body = await json<ErrorBody>(response);
      expect(body.error.code).toBe('bad-query');
      expect(body.error.parameter).toBe('q');
      expect(body.error.position, q).toBe(position);
      expect(body.error.message).toMatch(/^q: .+ at \d+/);
    }
  });

  it('answers bad parameters with 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['limit=0', 'limit'], ['limit=101', 'limit'], ['limit=ten', 'limit'], ['sort=oldest', 'sort'], ['sentiment=angry', 'sentiment'],
      ['channel=tv', 'channel'], ['from=yesterday', 'from'], ['from=2026-03-05&to=2026-03-01', 'to'], ['cursor=garbage', 'cursor'],
    ];
    for (const [query, parameter] of cases) {
      const response = await api.get(`/api/mentions?${query}`);
      expect(response.status, query).toBe(400);
      const body = await json<ErrorBody>(response);
      expect(body.error.code, query).toBe('bad-parameter');
      if (parameter !== 'cursor') expect(body.error.parameter, query).toBe(parameter);
      expect(body.error.message, query).toMatch(new RegExp(parameter));
    }
  });
});

describe('GET /api/mentions/:id', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  }, 60_000);
  afterAll(async () => api.close());

  it('gives the mention with its text and its story: origin and the other copies', async () => {
    const response = await api.get(`/api/mentions/${idOf('rachat-copie')}`);
    expect(response.status).toBe(200);
    const detail = await json<{ mention: { id: string; text: string }; story: { id: string; origin: { id: string }; members: { id: string }[]; size: number } }>(response);
    expect(detail.mention.id).toBe(idOf('rachat-copie'));
    expect(detail.mention.text).toContain("Acme Cloud a confirmé l'acquisition");
    expect(detail.story).toMatchObject({ id: 'story-rachat', size: 2, members: [] });
    expect(detail.story.origin.id).toBe(idOf('rachat'));
    const origin = await json<{ story: { origin: { id: string }; members: unknown[] } }>(await api.get(`/api/mentions/${idOf('rachat')}`));
    expect(origin.story.origin.id).toBe(idOf('rachat'));
  });

  it('gives a mention without a story as a story of one', async () => {
    const detail = await json<{ story: unknown }>(await api.get(`/api/mentions/${idOf('greve')}`));
    expect(detail.story).toEqual({ id: null, origin: null, members: [], size: 1 });
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await api.get(`/api/mentions/${'0'.repeat(32)}`);
    expect(missing.status).toBe(404);
    expect((await json<ErrorBody>(missing)).error.code).toBe('not-found');
    const malformed = await api.get('/api/mentions/..%2F..%2Fetc');
    expect(malformed.status).toBe(400);
    expect((await json<ErrorBody>(malformed)).error).toMatchObject({ code: 'bad-parameter', parameter: 'id' });
  });
});
