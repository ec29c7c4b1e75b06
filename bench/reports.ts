/**
 * Pre-read benchmark: `npm run bench -- --suite reports [--mentions 100000] [--path FILE] [--reuse] [--keep] [--runs 3]`.
 * Loads a deterministic corpus (untimed) so that the report's 30-day period holds `--mentions`
 * mentions and the 9 days before it 30 % more, then times the whole pre-read: planning, the scan
 * through the MentionIndex port, the model, and the Markdown and HTML renderings.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { computePreRead, planPreRead, type PreReadConfig } from '../src/app/report-service.js';
import { SqliteMentionIndex } from '../src/index/sqlite/sqlite-index.js';
import { silentLogger } from '../src/platform/logger.js';
import { renderHtml } from '../src/reports/render/render-html.js';
import { renderMarkdown } from '../src/reports/render/render-markdown.js';
import { generateCorpus } from './corpus/generate.js';
import { argValue, fmt } from './support/measure.js';

const END = new Date('2026-11-01T00:00:00Z');
const context = { require: [], exclude: [] };

function config(): PreReadConfig {
  const brand = (i: number, role: 'own' | 'competitor') => ({ id: `brand-${i}`, name: `Brand ${i}`, aliases: [], products: [], role, competitors: role === 'own' ? ['brand-1', 'brand-2', 'brand-3'] : ['brand-0'], context });
  return {
    sources: Array.from({ length: 100 }, (_, i) => ({ id: `source-${i}`, type: 'rss', tier: 1 as const, enabled: true, options: {} })),
    watchlist: { brands: [brand(0, 'own'), brand(1, 'competitor'), brand(2, 'competitor'), brand(3, 'competitor')], people: [], topics: [] },
    stakeholders: [
      { id: 'owned', name: 'Owned channels', kind: 'internal', sources: Array.from({ length: 10 }, (_, i) => `source-${i}`), authors: [], people: [] },
      { id: 'targets', name: 'Target outlets', kind: 'target', sources: Array.from({ length: 10 }, (_, i) => `source-${10 + i}`), authors: [], people: [] },
    ],
  };
}

export async function run(argv: string[]): Promise<void> {
  const mentions = Number(argValue(argv, '--mentions') ?? 100_000);
  const runs = Number(argValue(argv, '--runs') ?? 3);
  const dir = argValue(argv, '--path') ? undefined : mkdtempSync(join(tmpdir(), 'hubwatch-bench-reports-'));
  const path = argValue(argv, '--path') ?? join(dir as string, 'reports.db');
  console.log(`load average at start: ${loadavg().map((n) => n.toFixed(2)).join(' ')} (other processes share the CPUs: compare the CPU-time column)`);
  console.log(`reports bench: ${fmt(mentions)} mentions in the report's 30 days, ${cpus().length} CPUs, Node ${process.version}`);
  try {
    if (!(argv.includes('--reuse') && existsSync(path))) {
      const writer = await SqliteMentionIndex.open({ path, logger: silentLogger() });
      // Spread evenly over 39 days: 30/39 of them fall in the report's period.
      for (const batch of generateCorpus({ total: Math.round((mentions * 39) / 30), days: 39, end: END }, 10_000)) await writer.upsert(batch);
      await writer.flush();
      await writer.close();
    }
    const index = await SqliteMentionIndex.open({ path, logger: silentLogger() });
    const plan = planPreRead({ from: '2026-10-02', to: '2026-11-01', brands: [], language: 'en' }, config(), END);
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      let read = 0;
      const report = await computePreRead(index, plan, (done) => (read = done));
      const modelMs = performance.now() - started;
      const html = renderHtml(report);
      const md = renderMarkdown(report);
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      console.log(
        `run ${i + 1}: pre-read of ${fmt(report.summary.mentions.current.value)} brand mentions (${fmt(read)} mentions read over 4 periods) in ${(ms / 1000).toFixed(2)} s wall (model ${(modelMs / 1000).toFixed(2)} s), ` +
          `${((used.user + used.system) / 1e6).toFixed(2)} s CPU; HTML ${fmt(html.length / 1024)} KiB, Markdown ${fmt(md.length / 1024)} KiB`,
      );
    }
    await index.close();
  } finally {
    if (dir && !argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}
