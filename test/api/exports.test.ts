import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/app/csv-export.js';
import type { Mention } from '../../src/core/mention.js';
import type { MentionIndex } from '../../src/index/mention-index.js';
import { corpus, idOf, mention } from '../contract/fixtures.js';
import { startTestApi, type TestApi } from './api-fixture.js';

const HOSTILE = ['=HYPERLINK("http://evil.example","click")', '+1+2', '-3-4', '@SUM(A1)', '\tTabbed', '\rCarriage'];

describe('CSV cells', () => {
  it('neutralise what a spreadsheet would run as a formula, and quote what needs it', () => {
    expect(HOSTILE.map(csvCell)).toEqual([`"'=HYPERLINK(""http://evil.example"",""click"")"`, "'+1+2", "'-3-4", "'@SUM(A1)", "'\tTabbed", `"'\rCarriage"`]);
    expect(csvCell('plain, with comma')).toBe('"plain, with comma"');
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(null)).toBe('');
  });
});

describe('GET /api/mentions.csv and .ndjson', () => {
  let api: TestApi;
  beforeAll(async () => {
    const hostile = HOSTILE.map((title, i) => mention(`hostile-${i}`, { title, author: i === 0 ? '=cmd|"/c calc"!A1' : null, publishedAt: `2026-03-1${i}T10:00:00.000Z` }));
    api = await startTestApi({ mentions: [...corpus(), ...hostile] });
  }, 60_000);
  afterAll(async () => api.close());

  it('writes CSV with a header, one line per mention, formulas neutralised', async () => {
    const response = await api.get('/api/mentions.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="hubwatch-mentions-2026-03-20\.csv"$/);
    const text = await response.text();
    const lines = text.split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toBe('id,publishedAt,title,url,source,sourceName,channel,author,language,sentiment,sentimentScore,brands,persons,topics,storyId,reach');
    // The carriage-return title is quoted, so it is one record across two physical lines.
    expect(text.split(/\r\n(?=[0-9a-f]{32},)/).length - 1).toBe(12);
    expect(text).toContain(`${idOf('hostile-0')},2026-03-10T10:00:00.000Z,"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).toContain(`"'=cmd|""/c calc""!A1"`);
    for (const title of ["'+1+2", "'-3-4", "'@SUM(A1)", "'\tTabbed"]) expect(text).toContain(`,${title},`);
    expect(text).not.toMatch(/,[=+@-][^,]*HYPERLINK/);
  });

  it('writes NDJSON of full mentions (what import reads back), with the filters', async () => {
    const response = await api.get('/api/mentions.ndjson?brand=globex');
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as Mention);
    expect(lines.map((m) => m.id).sort()).toEqual([idOf('outage'), idOf('globex-results')].sort());
    expect(lines[0]).toEqual(corpus().find((m) => m.id === lines[0]!.id));
  });

  it('answers a bad query with 400 before streaming anything', async () => {
    const response = await api.get('/api/mentions.csv?q=%22unclosed');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad-query', position: 0 } });
  });
});

describe('a large export', () => {
  const TOTAL = 3_000;
  let api: TestApi;
  let pagesRead = 0;
  beforeAll(async () => {
    const body = 'Acme Cloud ' + 'lorem ipsum dolor sit amet '.repeat(300); // ~8 KB a mention: 24 MB in all
    const mentions = Array.from({ length: TOTAL }, (_, i) =>
      mention(`bulk-${i}`, { text: `${body} ${i}`, publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 600_000).toISOString() }),
    );
    // Counts the pages the export reads from the index, to see how far it runs ahead of the reader.
    const counting = (index: MentionIndex): MentionIndex =>
      new Proxy(index, {
        get(target, key, receiver) {
          if (key === 'search') return (request: Parameters<MentionIndex['search']>[0]) => ((pagesRead += 1), target.search(request));
          const value = Reflect.get(target, key, receiver) as unknown;
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
    api = await startTestApi({ mentions, wrapIndex: counting });
  }, 180_000);
  afterAll(async () => api.close());

  it('streams in chunks and waits for a slow reader (bounded memory), then delivers every mention', async () => {
    pagesRead = 0;
    const response = await api.get('/api/mentions.ndjson');
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    // The reader stops: the server must stop too once the socket's buffers are full.
    const pages = Math.ceil(TOTAL / 100);
    let before = -1;
    for (let waited = 0; waited < 10_000 && pagesRead !== before; waited += 500) {
      before = pagesRead;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(pagesRead, 'the export kept reading pages while nobody read the response').toBeLessThan(pages / 2);
    let bytes = first.value!.byteLength;
    let chunks = 1;
    let text = new TextDecoder().decode(first.value, { stream: true });
    let lines = 0;
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      chunks += 1;
      bytes += next.value.byteLength;
      text += new TextDecoder().decode(next.value);
      const cut = text.lastIndexOf('\n');
      lines += text.slice(0, cut + 1).split('\n').length - 1;
      text = text.slice(cut + 1);
    }
    expect(chunks).toBeGreaterThan(10);
    expect(bytes).toBeGreaterThan(20_000_000);
    expect(lines).toBe(TOTAL);
    expect(pagesRead).toBeGreaterThanOrEqual(pages);
  }, 120_000);
});
