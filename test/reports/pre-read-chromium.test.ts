import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computePreRead, planPreRead } from '../../src/app/report-service.js';
import { SqliteMentionIndex } from '../../src/index/sqlite/sqlite-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import type { PreReadReport } from '../../src/reports/report-model.js';
import { renderHtml } from '../../src/reports/render/render-html.js';
import { ChromiumMissingError, DEFAULT_CHROMIUM, printPdf } from '../../src/reports/render/render-pdf.js';
import { countColour, decodePng } from './png-pixels.js';
import { fixtureConfig, fixtureMentions } from './pre-read-fixture.js';

const CHROMIUM = process.env.HUBWATCH_TEST_CHROMIUM ?? DEFAULT_CHROMIUM;
const present = existsSync(CHROMIUM);
if (!present) console.warn(`pre-read Chromium tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`);

/** The HTML as Chromium draws it (JavaScript and network off, as for the PDF), and the PDF itself. */
describe.skipIf(!present)('pre-read in Chromium', () => {
  let dir: string;
  let report: PreReadReport;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-preread-chromium-'));
    const index = await SqliteMentionIndex.open({ path: join(dir, 'index.db'), logger: silentLogger() });
    await index.upsert(fixtureMentions());
    report = await computePreRead(index, planPreRead({ from: '2026-03-01', to: '2026-03-08', brands: [], language: 'fr' }, fixtureConfig(), new Date('2026-03-10T00:00:00Z')));
    await index.close();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('draws the charts: every chart has a size, and its bars are on the screenshot', { timeout: 60_000 }, async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const requests: string[] = [];
      const page = await (await browser.newContext({ javaScriptEnabled: false, offline: true })).newPage();
      page.on('request', (request) => {
        if (!request.url().startsWith('about:') && !request.url().startsWith('data:')) requests.push(request.url());
      });
      await page.setViewportSize({ width: 800, height: 1000 });
      await page.setContent(renderHtml(report), { waitUntil: 'load' });
      const charts = page.locator('svg.chart');
      expect(await charts.count()).toBe(4);
      for (let i = 0; i < 4; i += 1) {
        const box = await charts.nth(i).boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(300);
        expect(box?.height ?? 0).toBeGreaterThan(30);
      }
      const png = await page.screenshot({ fullPage: true });
      writeFileSync(join(dir, 'pre-read.png'), png);
      if (process.env.HUBWATCH_KEEP_PNG) writeFileSync(process.env.HUBWATCH_KEEP_PNG, png);
      const image = decodePng(png);
      // Bars (blue), the company's own voice (orange), and the tone chart's three colours.
      expect(countColour(image, '#2f5d8a')).toBeGreaterThan(2000);
      expect(countColour(image, '#e08a1e')).toBeGreaterThan(50);
      for (const colour of ['#3a8d4f', '#a7adb5', '#c0392b']) expect(countColour(image, colour)).toBeGreaterThan(200);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('prints a PDF of several pages', { timeout: 60_000 }, async () => {
    const pdf = await printPdf(renderHtml(report), { executablePath: CHROMIUM });
    writeFileSync(join(dir, 'pre-read.pdf'), pdf);
    if (process.env.HUBWATCH_KEEP_PDF) writeFileSync(process.env.HUBWATCH_KEEP_PDF, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
  });
});

describe('pre-read PDF without Chromium', () => {
  it('says Chromium is missing and how to install it', async () => {
    await expect(printPdf('<p>x</p>', { executablePath: '/nonexistent/chromium' })).rejects.toThrow(ChromiumMissingError);
    await expect(printPdf('<p>x</p>', { executablePath: '/nonexistent/chromium' })).rejects.toThrow(/apt-get install chromium/);
  });
});
