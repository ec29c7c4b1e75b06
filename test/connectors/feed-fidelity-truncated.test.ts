import { runInProcess } from '../support/in-process-cli.js';
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourcesTestCommand } from '../../src/cli/commands/sources-test.js';
import { ParseError } from '../../src/core/errors.js';
import { startLoopbackServer, type LoopbackServer } from './support/loopback-server.js';
import { readStored } from './support/read-stored.js';

/** A national daily's RSS, as its CMS writes it; the cuts below are where a crashed backend stopped. */
const items = Array.from(
  { length: 4 },
  (_, i) => `
    <item>
      <title>Acme : résultats du trimestre n°${i + 1}</title>
      <link>https://quotidien.example/eco/acme-${i + 1}</link>
      <guid isPermaLink="true">https://quotidien.example/eco/acme-${i + 1}</guid>
      <pubDate>Thu, 26 Nov 2026 0${i}:30:00 +0100</pubDate>
      <description><![CDATA[<p>Le groupe publie ses comptes. Le chiffre d'affaires progresse de ${i + 2} %.</p>]]></description>
    </item>`,
);
const whole = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Le Quotidien – Économie</title><link>https://quotidien.example/eco</link>${items.join('')}
</channel></rss>`;
const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><id>tag:b.example,2026:f</id>
<entry><title>Un</title><id>tag:b.example,2026:1</id><link href="https://b.example/1"/><updated>2026-11-26T08:00:00Z</updated></entry>
<entry><title>Deux</title><id>tag:b.example,2026:2</id><link href="https://b.example/2"/><updated>2026-11-26T09:00:00Z</updated></entry>
<entry><title>Tro`;

const bodies: Record<string, string> = {
  // Cut inside the first item's description: nothing complete.
  '/cut-in-first-item.xml': whole.slice(0, whole.indexOf('Le groupe publie')),
  // Cut inside the fourth item: three complete items before the cut.
  '/cut-after-three.xml': whole.slice(0, whole.indexOf('acme-4</link>')),
  // Cut just after an item's end tag: the channel never closed, later items may be lost.
  '/cut-between-items.xml': whole.slice(0, whole.indexOf('<item>', whole.indexOf('acme-2</guid>'))),
  // Only the final '>' of the root's end tag is missing: nothing was lost.
  '/root-end-tag-unfinished.xml': whole.slice(0, -1),
  // A free host appends an unclosed element after the feed: nothing was lost either.
  '/junk-after-root.xml': `${atom.slice(0, atom.lastIndexOf('<entry>'))}</feed>\n<div class="ad"><script src="https://ads.example/a.js"></script>`,
  '/cut-atom.xml': atom,
  '/cut-json.json': '{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://j.example/1","title":"Un"},{"id":"2","url":"https://j.ex',
};

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer((req, res) => {
    const body = bodies[req.url ?? ''];
    if (body === undefined) return void res.writeHead(404).end();
    // Content-Length matches what is sent: the cut is in the document, as when a backend's error page stops mid-render.
    res.writeHead(200, { 'content-type': req.url!.endsWith('.json') ? 'application/feed+json' : 'application/rss+xml; charset=utf-8' });
    res.end(body);
  });
});
afterAll(async () => server.close());

/** `hubwatch sources test URL --allow-private --json` in process, with no configuration file. */
async function sourcesTest(url: string): Promise<Record<string, unknown>[]> {
  const lines = await runInProcess(sourcesTestCommand, ['sources', 'test', url, '--allow-private', '--json']);
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('a truncated document with no complete item is a failed poll with a clear reason', () => {
  it.each([
    ['/cut-in-first-item.xml', /truncated document: it ends inside <description> of an unfinished item, before any complete item \(\d+ characters received: the response was cut off\)$/],
    ['/cut-json.json', /truncated document: the JSON ends before it is complete/],
  ])('%s', async (path, message) => {
    const error = await sourcesTest(server.url(path)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).reason).toBe('truncated-document');
    expect((error as ParseError).retryable).toBe(true);
    expect((error as ParseError).message).toMatch(message);
  });

  it('`hubwatch sources test` exits non-zero and says so', async () => {
    // Asynchronously: the loopback server answering it lives in this process.
    const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'sources', 'test', server.url('/cut-in-first-item.xml'), '--allow-private'], {
        encoding: 'utf8',
        env: { ...process.env, HUBWATCH_CONFIG: '/nonexistent/hubwatch.yaml' },
        timeout: 30_000,
      }, (_error, _stdout, stderr) => resolve({ status: child.exitCode, stderr }));
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^hubwatch: http:\/\/127\.0\.0\.1:\d+\/cut-in-first-item\.xml: truncated document: it ends inside <description>/);
  }, 40_000);
});

describe('complete items before the cut are kept and the truncation is reported', () => {
  it('RSS cut inside the fourth item: three items, one truncated-document problem', async () => {
    const lines = await sourcesTest(server.url('/cut-after-three.xml'));
    expect(lines.filter((line) => line['kind'] === 'item').map((line) => line['link'])).toEqual([1, 2, 3].map((n) => `https://quotidien.example/eco/acme-${n}`));
    expect(lines.filter((line) => line['kind'] === 'problem')).toEqual([
      { kind: 'problem', reason: 'truncated-document', message: 'document cut off inside <link>: the 3 complete items before the cut were kept, the unfinished one after them dropped', outcome: 'dropped' },
    ]);
  });

  it.each([
    ['/cut-between-items.xml', 2, 'document cut off inside <channel>: the 2 complete items before the cut were kept'],
    ['/cut-atom.xml', 2, 'document cut off inside <title>: the 2 complete items before the cut were kept, the unfinished one after them dropped'],
  ])('%s', async (path, count, message) => {
    const { outcome, stored } = await readStored(server, path);
    expect(stored).toHaveLength(count);
    expect(outcome.degraded).toBe(message);
    expect(outcome.problems).toEqual([{ reason: 'truncated-document', message, outcome: 'dropped' }]);
  });

  it.each(['/root-end-tag-unfinished.xml', '/junk-after-root.xml'])('%s is whole: nothing was lost', async (path) => {
    const { outcome, stored } = await readStored(server, path);
    expect(stored).toHaveLength(path === '/junk-after-root.xml' ? 2 : 4);
    expect(outcome.degraded).toBeUndefined();
    expect(outcome.problems).toEqual([]);
  });
});
