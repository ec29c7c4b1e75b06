import { runInProcess } from '../../support/in-process-cli.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourcesTestCommand } from '../../../src/cli/commands/sources-test.js';
import { configSchema } from '../../../src/config/schema.js';
import { textLine } from '../../../src/core/html-to-text.js';
import { blogManifest } from '../../../src/connectors/blog/manifest.js';
import { normaliseItem, type NormalisedItem } from '../../../src/core/normalise.js';
import { allowPort, testFetcher } from './fetcher.js';
import { fetchContext } from './fetch-context.js';
import { startLoopbackServer } from './loopback-server.js';

/** ../shared/data/feeds relative to the project root (never copied into the project). */
export const FEEDS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/feeds');

export interface CorpusEntry {
  file: string;
  format: string;
  expectedText: string;
  computedCount: number;
}

export interface CorpusResult {
  file: string;
  expectation: string;
  outcome: string;
  pass: boolean;
  /** What hubwatch stores for the first item (normalised title and text), when it stores one. */
  stored?: { title: string; text: string };
}

export function readManifest(): CorpusEntry[] | null {
  const path = join(FEEDS_DIR, 'MANIFEST.tsv');
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .map((cells) => ({ file: cells[0]!, format: cells[3]!, expectedText: cells[5] ?? '', computedCount: Number(/^(\d+)/.exec(cells[6] ?? '')?.[1] ?? Number.NaN) }));
}

/** A configuration with the politeness delay shortened: every request of the corpus goes to one loopback host. */
const CONFIG = configSchema.parse({ fetch: { perHost: { concurrency: 2, minDelay: 0.01 } } });

/** Runs `hubwatch sources test URL --allow-private --json` in process and returns its lines. */
async function sourcesTest(url: string): Promise<{ lines: Record<string, unknown>[]; error: Error | null }> {
  const lines: Record<string, unknown>[] = [];
  const out = (line: string): void => void lines.push(JSON.parse(line) as Record<string, unknown>);
  try {
    await runInProcess(sourcesTestCommand, ['sources', 'test', url, '--allow-private', '--json'], { config: () => CONFIG, configPath: () => 'hubwatch.yaml', clock: () => new Date(), out });
    return { lines, error: null };
  } catch (error) {
    return { lines, error: error as Error };
  }
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
const unescape = (text: string): string => text.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');

/**
 * U+FFFD in an expected title stands for characters the source project's decoder lost: any
 * characters match it. Source projects quote titles as their parsers return them, markup and
 * entities included; `sources test` prints them as they will be indexed, as a reader shows them.
 */
function titleMatches(expected: string, got: string): boolean {
  const pattern = squash(textLine(expected, /[<&]/.test(expected))).split('\uFFFD').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.{1,3}');
  return new RegExp(`^${pattern}$`, 's').test(squash(got));
}

/** What each file must give, from the MANIFEST's quotation of its source project's tests. */
function expectationOf(entry: CorpusEntry): { error: boolean; count: number | null; title: string | null; extra?: (items: Record<string, unknown>[]) => string | null } {
  const text = entry.expectedText;
  if (/must fail|error 'Not a feed', no items/.test(text) && !/un-gunzipped/.test(text)) return { error: true, count: null, title: null };
  const count = /(\d+) (?:items?|entry links|item links)\b/.exec(text);
  const title = /first title "(.*)"$/.exec(text);
  const expected = { error: false, count: count ? Number(count[1]) : Number.isNaN(entry.computedCount) ? null : entry.computedCount, title: title ? unescape(title[1]!) : null };
  const itemTitle = /item title '(.*)'$/.exec(text);
  if (itemTitle) return { ...expected, extra: (items) => (items[0]?.['title'] === itemTitle[1] ? null : `first title ${JSON.stringify(items[0]?.['title'])}`) };
  const guid = /first item guid == '(.*)'$/.exec(text);
  if (guid) return { ...expected, extra: (items) => (items[0]?.['guid'] === guid[1] ? null : `first guid ${JSON.stringify(items[0]?.['guid'])}`) };
  const link = /entries\[0\]\.link == '(.*?)'/.exec(text);
  if (link) return { ...expected, extra: (items) => (items[0]?.['link'] === `${link[1]}` || items[0]?.['link'] === `${link[1]!.replace('http://link/', 'http://link/')}` ? null : `first link ${JSON.stringify(items[0]?.['link'])}`) };
  return expected;
}

/**
 * Known disagreements with the naive `<item>` count of the MANIFEST, each checked by hand:
 * node-feedparser's illegally-nested.xml nests an empty `<item />` inside each of its 10 items.
 */
const NAIVE_COUNT_OVERRIDES: Record<string, number> = { 'node-feedparser__illegally-nested.xml': 10 };

/**
 * Files whose only expectation upstream is "bozo" (malformed) and whose right reading is a clear
 * error, checked by hand: rss_incomplete_cdata.xml ends inside the CDATA of its only item's title
 * (`<item><title><![CD`), a document cut off before any complete item.
 */
const ERROR_OVERRIDES: Record<string, RegExp> = { 'feedparser__rss_incomplete_cdata.xml': /truncated document: it ends inside <title> of an unfinished item/ };

/**
 * What a reader shows for the first item where it differs from the raw title quoted upstream,
 * checked by hand in a browser: craigslist escapes its HTML title once more (`&amp;#x0024;`,
 * `&lt;sup&gt;`), which rss-parser's expected output keeps as raw text.
 */
const STORED_TITLES: Record<string, string> = {
  'rss-parser__craigslist.rss': 'Bright, Spacious Beautiful Victorian (oakland north / temescal) $4300 3bd 1930ft2',
};

/** What is stored for the first item's text, from the upstream tests' quoted `description` expectations. */
function storedTextExpectation(text: string): ((stored: string) => boolean) | null {
  const equals = /entries\[0\]\['description'\] == '(.*?)'/.exec(text);
  if (equals) return (stored) => stored === JSON.parse(`"${equals[1]}"`);
  const ord = /ord\(entries\[0\]\['description'\]\) == (\d+)/.exec(text);
  if (ord) return (stored) => stored === String.fromCodePoint(Number(ord[1]));
  return null;
}

/**
 * The first item as `run` would store it: the same connector as `sources test`, then the
 * normaliser. Items with neither link nor guid are dropped by design; for them (two upstream
 * encoding tests) the normaliser is given a stand-in guid so that their text is still checked.
 */
async function storedFirst(url: string, port: number): Promise<NormalisedItem | null> {
  const fetcher = testFetcher({ allow: [allowPort(port)] });
  try {
    const source = { id: 'corpus', name: 'corpus', type: 'blog', url, channel: 'blog' as const, options: { maxProbes: 0 } };
    const outcome = await blogManifest.create().fetch(source, {}, fetchContext(fetcher));
    for (const [index, raw] of outcome.items.entries()) {
      const result = normaliseItem(raw.link || raw.guid ? raw : { ...raw, guid: `stand-in-${index}` }, source, { now: new Date(), index });
      if (result.ok) return result.item;
    }
    return null;
  } finally {
    await fetcher.close();
  }
}

/**
 * Serves every MANIFEST feed from a loopback server (gzip files with `Content-Encoding: gzip`, as
 * a web server sends them) and reads each through `hubwatch sources test`, comparing item count,
 * first title and the other quoted expectations. Returns null when ../shared/data is absent.
 */
export async function checkCorpus(): Promise<CorpusResult[] | null> {
  const entries = readManifest();
  if (!entries) return null;
  const server = await startLoopbackServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').replace(/^\/(raw\/)?/, ''));
    const entry = entries.find((candidate) => candidate.file === name);
    if (!entry) {
      res.writeHead(404);
      return void res.end();
    }
    const bytes = readFileSync(join(FEEDS_DIR, entry.file));
    const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b && !(req.url ?? '').startsWith('/raw/');
    res.writeHead(200, { 'content-type': entry.file.endsWith('.html') ? 'text/html' : 'application/xml', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    res.end(bytes);
  });
  const results: CorpusResult[] = [];
  try {
    for (const entry of entries) {
      const expected = expectationOf(entry);
      const { lines, error } = await sourcesTest(server.url(`/${encodeURIComponent(entry.file)}`));
      const items = lines.filter((line) => line['kind'] === 'item');
      const count = NAIVE_COUNT_OVERRIDES[entry.file] ?? expected.count;
      let outcome: string;
      let pass: boolean;
      const errorPattern = ERROR_OVERRIDES[entry.file] ?? (expected.error ? /not a feed|no feed found/ : null);
      let stored: CorpusResult['stored'];
      if (errorPattern) {
        pass = error !== null && errorPattern.test(error.message);
        outcome = error ? `error: ${error.message.replace(server.origin, '')}` : `no error (${items.length} items)`;
      } else if (error) {
        pass = false;
        outcome = `error: ${error.message.replace(server.origin, '')}`;
      } else {
        const firstTitle = String(items[0]?.['title'] ?? '');
        const first = items.length > 0 ? await storedFirst(server.url(`/${encodeURIComponent(entry.file)}`), server.port) : null;
        if (first) stored = { title: first.title, text: first.text };
        const storedTitle = STORED_TITLES[entry.file] ?? expected.title;
        const storedText = storedTextExpectation(entry.expectedText);
        const problems = [
          count !== null && items.length !== count ? `${items.length} items` : null,
          expected.title !== null && !titleMatches(expected.title, firstTitle) ? `first title ${JSON.stringify(firstTitle)}` : null,
          expected.extra?.(items) ?? null,
          storedTitle && first && !titleMatches(storedTitle, first.title) ? `stored title ${JSON.stringify(first.title)}` : null,
          storedText && !(first && storedText(first.text)) ? `stored text ${JSON.stringify(first?.text ?? null)}` : null,
        ].filter((problem): problem is string => problem !== null);
        pass = problems.length === 0;
        const shown = [
          expected.title !== null ? `first title matches${first ? ` (stored ${JSON.stringify(first.title)})` : ''}` : null,
          storedText && first ? `stored text ${JSON.stringify(first.text)}` : null,
        ].filter((part): part is string => part !== null);
        outcome = pass ? [`${items.length} items`, ...shown].join(', ') : problems.join('; ');
      }
      const expectation = errorPattern
        ? `clear "${ERROR_OVERRIDES[entry.file] ? 'truncated document' : 'not a feed'}" error`
        : `${count ?? '?'} items${expected.title !== null ? ` + first title (as read and as stored)` : ''}${expected.extra ? ' + quoted field' : ''}${storedTextExpectation(entry.expectedText) ? ' + stored text' : ''}`;
      results.push({ file: entry.file, expectation, outcome, pass, ...(stored ? { stored } : {}) });
    }
    // node-feedparser's test: the gzip bytes served raw (no Content-Encoding) must be refused as not a feed.
    const raw = await sourcesTest(server.url('/raw/node-feedparser__invalid-characters-gzipped.xml'));
    results.push({
      file: 'node-feedparser__invalid-characters-gzipped.xml (raw, no Content-Encoding)',
      expectation: 'clear "not a feed" error',
      outcome: raw.error ? `error: ${raw.error.message.replace(server.origin, '')}` : 'no error',
      pass: raw.error !== null && /not a feed|no feed found/.test(raw.error.message),
    });
  } finally {
    await server.close();
  }
  return results;
}
