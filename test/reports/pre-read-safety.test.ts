import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computePreRead, planPreRead } from '../../src/app/report-service.js';
import { SqliteMentionIndex } from '../../src/index/sqlite/sqlite-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { renderHtml } from '../../src/reports/render/render-html.js';
import { renderMarkdown } from '../../src/reports/render/render-markdown.js';
import { brand, mention } from '../contract/fixtures.js';
import { fixtureConfig, fixtureMentions } from './pre-read-fixture.js';

const HOSTILE_TITLE = '<script>alert(1)</script><img src=x onerror=alert(2)> **bold** [click](javascript:alert(3)) | pipe `code` # not a heading';
const HOSTILE_AUTHOR = '"><svg onload=alert(4)>';

/** Outside content (titles, authors, URLs) stays text in every format; an empty period is reported as such. */
describe('pre-read: hostile content and empty periods', () => {
  let dir: string;
  let index: SqliteMentionIndex;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-preread-safety-'));
    index = await SqliteMentionIndex.open({ path: join(dir, 'index.db'), logger: silentLogger() });
    const hostile = mention('hostile', {
      sourceId: 'news-1', sourceName: '<b>Evil</b> News', url: 'javascript:alert(5)', canonicalUrl: null, author: HOSTILE_AUTHOR,
      title: HOSTILE_TITLE, text: 'Acme </style><script>alert(6)</script>', publishedAt: '2026-03-04T09:00:00.000Z',
      entities: [brand('acme', 'Acme')], sentiment: { score: 0.9, label: 'positive' }, reach: 50,
    });
    await index.upsert([...fixtureMentions(), hostile]);
  });

  afterAll(async () => {
    await index.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function report(from: string, to: string) {
    return computePreRead(index, planPreRead({ from, to, brands: [], language: 'en' }, fixtureConfig(), new Date('2026-03-10T00:00:00Z')));
  }

  it('keeps hostile titles, authors and URLs inert in HTML', async () => {
    const html = renderHtml(await report('2026-03-01', '2026-03-08'));
    expect(html).not.toMatch(/<script|<img|<svg onload|href="javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('&quot;&gt;&lt;svg onload=alert(4)&gt;');
    // The most reached positive mention is the hostile one: shown as text, without its javascript: link.
    expect(html).toMatch(/<td>&lt;script&gt;alert\(1\)/);
  });

  it('keeps hostile titles inert in Markdown', async () => {
    const md = renderMarkdown(await report('2026-03-01', '2026-03-08'));
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).toContain('\\[click\\](javascript:alert(3))');
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('\\*\\*bold\\*\\*');
    expect(md).toContain('\\| pipe \\`code\\` \\# not a heading');
    // Every table row keeps its column count: a "|" in a title cannot add a cell.
    const rows = md.split('\n').filter((line) => line.includes('alert(1)') && line.startsWith('|'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(7);
  });

  it('writes an honest "no data" report for a period without mentions', async () => {
    const empty = await report('2027-01-01', '2027-01-31');
    expect(empty.empty).toBe(true);
    expect(empty.summary.mentions.current.value).toBe(0);
    const md = renderMarkdown(empty);
    expect(md).toContain('No mention of these brands was indexed in this period');
    expect(md.split('\n').filter((line) => /^## \d\./.test(line))).toHaveLength(9);
    const html = renderHtml(empty);
    expect(html.match(/<h2>\d\./g)).toHaveLength(9);
    expect(html).toContain('No mention of these brands was indexed in this period');
  });

  it('refuses an unknown brand, a bad language or a period that ends before it starts, naming the option', () => {
    const plan = (input: Partial<Parameters<typeof planPreRead>[0]>) => () =>
      planPreRead({ from: '2026-03-01', to: '2026-03-08', brands: [], language: 'en', ...input }, fixtureConfig(), new Date('2026-03-10T00:00:00Z'));
    expect(plan({ brands: ['nope'] })).toThrow(/--brand: no watchlist brand has id "nope"/);
    expect(plan({ language: 'de' })).toThrow(/--lang: must be one of en, fr/);
    expect(plan({ to: '2026-02-01' })).toThrow(/--to must be after --from/);
  });
});
