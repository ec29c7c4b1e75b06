import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import type { CliContext } from '../../../src/cli/cli-context.js';
import { sourcesTestCommand } from '../../../src/cli/commands/sources-test.js';
import { configSchema } from '../../../src/config/schema.js';
import { textLine } from '../../../src/core/html-to-text.js';
import { silentLogger } from '../../../src/platform/logger.js';
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
  const context: CliContext = {
    env: {},
    config: () => CONFIG,
    configPath: () => 'hubwatch.yaml',
    logger: () => silentLogger(),
    openIndex: () => Promise.reject(new Error('not used')),
    clock: () => new Date(),
    out: (line) => lines.push(JSON.parse(line) as Record<string, unknown>),
    err: () => undefined,
    note: () => undefined,
    interactive: false,
  };
  const program = new Command('hubwatch').exitOverride();
  sourcesTestCommand.register(program, context);
  try {
    await program.parseAsync(['sources', 'test', url, '--allow-private', '--json'], { from: 'user' });
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
      if (expected.error) {
        pass = error !== null && /not a feed|no feed found/.test(error.message);
        outcome = error ? `error: ${error.message.replace(server.origin, '')}` : `no error (${items.length} items)`;
      } else if (error) {
        pass = false;
        outcome = `error: ${error.message.replace(server.origin, '')}`;
      } else {
        const firstTitle = String(items[0]?.['title'] ?? '');
        const problems = [
          count !== null && items.length !== count ? `${items.length} items` : null,
          expected.title !== null && !titleMatches(expected.title, firstTitle) ? `first title ${JSON.stringify(firstTitle)}` : null,
          expected.extra?.(items) ?? null,
        ].filter((problem): problem is string => problem !== null);
        pass = problems.length === 0;
        outcome = pass ? `${items.length} items${expected.title !== null ? ', first title matches' : ''}` : problems.join('; ');
      }
      const expectation = expected.error ? 'clear "not a feed" error' : `${count ?? '?'} items${expected.title !== null ? ` + first title` : ''}${expected.extra ? ' + quoted field' : ''}`;
      results.push({ file: entry.file, expectation, outcome, pass });
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
