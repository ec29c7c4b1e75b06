import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_COUNT, HOSTILE_AUTHOR, HOSTILE_TITLE, JAVASCRIPT_URL } from './support/web-fixtures.js';
import { startPageServer, type PageServer } from './support/page-server.js';

// The browser's globals as the callbacks run in the page see them (the project's TypeScript has no DOM library).
interface PageElement {
  getAttribute(name: string): string | null;
}
declare const document: {
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
  addEventListener(type: 'securitypolicyviolation', listener: (event: { violatedDirective: string; blockedURI: string }) => void): void;
};
declare const window: { __pwned?: unknown };

const OUTPUT = 'test-output/web';
/** Waits for a condition with room for a loaded machine (vitest's default is one second). */
const poll = <T>(read: () => T | Promise<T>, options: { timeout?: number } = {}) => expect.poll(read, { timeout: 20_000, ...options });
const BRAND_NAMES: Record<string, string> = { acme: 'Acme', globex: 'Globex', 'initech-mobility': 'Initech Mobility' };

interface Watched {
  page: Page;
  /** Console errors and CSP violations seen on this page so far. */
  problems: string[];
}

/**
 * The page in Debian's Chromium against the real server over a fixture index (hostile titles,
 * authors and a javascript: URL included), step by step as a comms officer would use it.
 */
describe('the web page in a real browser', () => {
  let server: PageServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    server = await startPageServer();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, options: { locale?: string; width?: number } = {}): Promise<Watched> {
    const context = await browser.newContext({ locale: options.locale ?? 'en-GB', viewport: { width: options.width ?? 1440, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    // The browser logs the 401 of the session check before sign-in and a bad query's 400: expected answers.
    const expected = /^Failed to load resource: the server responded with a status of 40[01]/;
    page.on('console', (message) => message.type() === 'error' && !expected.test(message.text()) && problems.push(`console: ${message.text()}`));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.goto(server.url + path);
    return { page, problems };
  }

  async function signIn(page: Page): Promise<void> {
    await page.getByLabel(/access token|jeton/i).fill(server.token);
    await page.getByRole('button', { name: /sign in|se connecter/i }).click();
    await page.locator('#query').waitFor();
  }

  const hitCount = (page: Page) => page.locator('.hit').count();
  const waitForResults = async (page: Page) => {
    await page.locator('.results[aria-busy="false"]').waitFor();
    await page.locator('.charts canvas, .charts .chart-empty').first().waitFor();
  };
  const params = (page: Page) => new URL(page.url()).searchParams;

  it('signs in by token (a wrong one is refused), searches with highlights, filters, follows chart clicks, opens a mention and goes back', async () => {
    const { page, problems } = await open('/');
    await page.getByLabel('Access token').fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await poll(() => page.getByRole('alert').textContent()).toContain('not valid');
    await signIn(page);
    await waitForResults(page);
    expect(await hitCount(page)).toBe(25);
    expect(await page.locator('.results-count').textContent()).toContain(String(FIXTURE_COUNT));

    await page.locator('#query').fill('timetable');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await poll(() => params(page).get('q')).toBe('timetable');
    await waitForResults(page);
    expect((await page.locator('.hit-snippet mark').first().textContent())?.toLowerCase()).toBe('timetable');
    const allTimetable = Number((await page.locator('.results-count').textContent())?.replace(/\D/g, ''));
    expect(allTimetable).toBeGreaterThan(10);

    await page.getByRole('checkbox', { name: 'Negative' }).check();
    await poll(() => params(page).getAll('sentiment')).toEqual(['negative']);
    await waitForResults(page);
    const badges = await page.locator('.hit .sentiment').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges) expect(badge).toContain('Negative');

    // A bar of the volume chart narrows the dates to its day; the list follows.
    await page.goto(`${server.url}/?q=timetable`);
    await waitForResults(page);
    const canvas = page.locator('[data-chart="volume"] canvas');
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await poll(() => params(page).get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const from = params(page).get('from')!;
    expect(params(page).get('to')).toBe(from);
    await waitForResults(page);
    const days = await page.locator('.hit time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!.slice(0, 10)));
    expect(days.length).toBeGreaterThan(0);
    expect(days.length).toBeLessThan(allTimetable);
    for (const day of days) expect(day).toBe(from);

    // A bar of the share of voice sets the brand filter; every result is tagged with that brand.
    await page.goto(`${server.url}/`);
    await waitForResults(page);
    const share = page.locator('[data-chart="share"] canvas');
    const shareBox = (await share.boundingBox())!;
    await page.mouse.click(shareBox.x + shareBox.width * 0.5, shareBox.y + shareBox.height * 0.45);
    await poll(() => params(page).getAll('brand').length).toBe(1);
    const brand = params(page).get('brand')!;
    await waitForResults(page);
    const tagged = await page.locator('.hit').evaluateAll((hits) => hits.map((hit) => [...hit.querySelectorAll('.tag')].map((tag) => tag.textContent)));
    expect(tagged.length).toBeGreaterThan(0);
    for (const tags of tagged) expect(tags).toContain(BRAND_NAMES[brand]);
    expect(await page.getByRole('checkbox', { name: BRAND_NAMES[brand] }).isChecked()).toBe(true);

    // A mention's detail: its text and its story (the first copy and the others).
    await page.goto(`${server.url}/?q=tram+tender`);
    await waitForResults(page);
    await page.getByRole('link', { name: 'Acme wins Lyon tram tender (copy 2)' }).click();
    await poll(() => params(page).get('mention')).toMatch(/^[0-9a-f]{32}$/);
    await page.locator('.story-item').first().waitFor();
    expect(await page.locator('#detail-title').textContent()).toBe('Acme wins Lyon tram tender (copy 2)');
    expect(await page.locator('.detail-text').textContent()).toContain('The contract covers forty trams.');
    expect(await page.locator('.story').textContent()).toContain('Acme wins the Lyon tram tender');
    expect(await page.locator('.story-item').count()).toBe(3);
    await page.screenshot({ path: `${OUTPUT}/detail.png`, fullPage: true });
    await page.goBack();
    await poll(() => params(page).get('mention')).toBeNull();
    expect(await page.locator('.hit').count()).toBeGreaterThan(0);
    expect(await page.locator('.detail').count()).toBe(0);

    expect(problems).toEqual([]);
  }, 120_000);

  it('loads the next page of results as the list scrolls, to the end', async () => {
    const { page, problems } = await open('/');
    await signIn(page);
    await waitForResults(page);
    expect(await hitCount(page)).toBe(25);
    await page.locator('.hit').last().scrollIntoViewIfNeeded();
    await poll(() => hitCount(page), { timeout: 30_000 }).toBe(50);
    await page.locator('.hit').last().scrollIntoViewIfNeeded();
    await poll(() => hitCount(page), { timeout: 30_000 }).toBe(FIXTURE_COUNT);
    await page.getByText('End of results.').waitFor();
    const ids = await page.locator('.hit').evaluateAll((hits) => hits.map((hit) => hit.getAttribute('data-mention-id')));
    expect(new Set(ids).size).toBe(FIXTURE_COUNT);
    expect(problems).toEqual([]);
  }, 60_000);

  it('shows a bad query’s error in place, marking where it is', async () => {
    const { page, problems } = await open('/');
    await signIn(page);
    await page.locator('#query').fill('(acme OR globex))');
    await page.locator('#query').press('Enter');
    const error = page.locator('#query-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/unexpected '\)'/);
    expect(await page.locator('.query-error-spot').textContent()).toBe(')');
    expect(await page.locator('#query').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#query').getAttribute('aria-describedby')).toBe('query-error');
    // Clicking the message puts the caret on the spot.
    await error.getByRole('button').click();
    expect(await page.locator('#query').evaluate((input: { selectionStart: number | null; selectionEnd: number | null }) => [input.selectionStart, input.selectionEnd])).toEqual([16, 17]);
    expect(problems).toEqual([]);
  }, 60_000);

  it('restores a shared link’s whole state after sign-in, and back/forward step through it', async () => {
    const shared = '/?q=rail&sentiment=positive&channel=news&sort=relevance&interval=week';
    const { page, problems } = await open(shared);
    await signIn(page);
    await waitForResults(page);
    expect(await page.locator('#query').inputValue()).toBe('rail');
    expect(await page.getByRole('checkbox', { name: 'Positive' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'News' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Sort by', { exact: true }).inputValue()).toBe('relevance');
    expect(await page.getByLabel('Per', { exact: true }).inputValue()).toBe('week');
    for (const badge of await page.locator('.hit .sentiment').allTextContents()) expect(badge).toContain('Positive');
    await page.getByRole('checkbox', { name: 'News' }).uncheck();
    await poll(() => params(page).getAll('channel')).toEqual([]);
    await page.goBack();
    await poll(() => params(page).getAll('channel')).toEqual(['news']);
    expect(await page.getByRole('checkbox', { name: 'News' }).isChecked()).toBe(true);
    await page.goForward();
    await poll(() => page.getByRole('checkbox', { name: 'News' }).isChecked()).toBe(false);
    expect(problems).toEqual([]);
  }, 60_000);

  it('speaks French from the browser language or the switch, and remembers the choice', async () => {
    const { page, problems } = await open('/', { locale: 'fr-FR' });
    await page.getByLabel('Jeton d’accès').waitFor();
    await signIn(page);
    await waitForResults(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByRole('link', { name: 'Recherche' }).count()).toBe(1);
    expect(await page.locator('#filters-title').textContent()).toBe('Filtres');
    await page.locator('#query').fill('acme');
    await page.locator('#query').press('Enter');
    await waitForResults(page);
    await page.screenshot({ path: `${OUTPUT}/main-page-fr.png`, fullPage: false });

    await page.getByLabel('Langue de l’interface').selectOption('en');
    await poll(() => page.locator('#filters-title').textContent()).toBe('Filters');
    await page.reload();
    await page.locator('#filters-title').waitFor();
    expect(await page.locator('#filters-title').textContent()).toBe('Filters');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(problems).toEqual([]);
  }, 60_000);

  it('keeps hostile titles, authors, source names and links inert, with a strict CSP and no violation', async () => {
    const { page, problems } = await open('/');
    await signIn(page);
    await page.locator('#query').fill('acme');
    await page.locator('#query').press('Enter');
    await waitForResults(page);
    await page.getByRole('link', { name: HOSTILE_TITLE }).waitFor();
    await page.getByRole('link', { name: 'Acme link that must not run' }).waitFor();
    expect(await page.locator('.hit-author', { hasText: HOSTILE_AUTHOR }).count()).toBe(1);
    expect(await page.getByText('<b onmouseover="window.__pwned=6">Bold source</b>').count()).toBeGreaterThan(0);
    const hostile = await page.evaluate(() => ({
      pwned: window.__pwned,
      images: document.querySelectorAll('img').length,
      scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
      bold: document.querySelectorAll('main b').length,
      javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
      links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!),
    }));
    expect(hostile.pwned).toBeUndefined();
    expect(hostile.images).toBe(0);
    expect(hostile.scripts).toHaveLength(1);
    expect(hostile.scripts[0]).toMatch(/^\/assets\/app-[A-Z0-9]+\.js$/);
    expect(hostile.bold).toBe(0);
    expect(hostile.javascriptLinks).toBe(0);
    for (const href of hostile.links) expect(href).toMatch(/^(\/|#|https?:\/\/)/);
    const unsafe = page.locator('.hit', { hasText: 'Acme link that must not run' }).locator('.link-unsafe');
    expect(await unsafe.textContent()).toContain(JAVASCRIPT_URL);

    // The detail of the hostile mention: its title, author and text stay text too.
    await page.getByRole('link', { name: HOSTILE_TITLE }).click();
    await page.locator('.detail-text').waitFor();
    expect(await page.locator('.detail-text').textContent()).toContain('<script>window.__pwned=4</script>');
    await page.mouse.move(10, 10);
    expect(await page.evaluate(() => [window.__pwned, document.querySelectorAll('img, main script, main b').length])).toEqual([undefined, 0]);

    const response = await page.request.get(`${server.url}/`);
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(problems).toEqual([]);
  }, 60_000);

  it('saves a search for the team, opens it from the list and deletes it; shows source health and alert history', async () => {
    const { page, problems } = await open('/?q=tender&channel=news');
    await signIn(page);
    await waitForResults(page);
    await page.getByRole('button', { name: 'Save this search' }).click();
    await page.getByLabel('Name of this search').fill('Tender coverage <b>news</b>');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = page.getByRole('link', { name: 'Tender coverage <b>news</b>' });
    await saved.waitFor();
    expect(await saved.getAttribute('aria-current')).toBe('true');
    await page.goto(`${server.url}/`);
    await waitForResults(page);
    await page.getByRole('link', { name: 'Tender coverage <b>news</b>' }).click();
    await poll(() => params(page).toString()).toBe('q=tender&channel=news');
    expect(await page.locator('#query').inputValue()).toBe('tender');
    await page.getByRole('button', { name: 'Delete saved search “Tender coverage <b>news</b>”' }).click();
    await page.getByText('No saved search yet.').waitFor();

    await page.getByRole('link', { name: 'Sources' }).click();
    await page.locator('.sources-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sources');
    const rows = await page.locator('.sources-table tbody tr').count();
    expect(rows).toBeGreaterThan(5);
    expect(await page.locator('[data-source-id="daily-courier"]').textContent()).toContain('The Daily Courier');
    expect(await page.locator('[data-source-id="daily-courier"] .health').textContent()).toBe('Not polled yet');

    await page.getByRole('link', { name: 'Alerts' }).click();
    await page.locator('#alerts-title').waitFor();
    await page.getByText('No alert has fired yet.').waitFor();
    await page.goBack();
    await page.locator('.sources-table').waitFor();
    expect(problems).toEqual([]);
  }, 60_000);

  it('writes a screenshot of the main page after a search, charts drawn', async () => {
    const { page, problems } = await open('/');
    await signIn(page);
    await page.goto(`${server.url}/?q=rail+OR+tender`);
    await waitForResults(page);
    await page.locator('[data-chart="share"] canvas').waitFor();
    await page.screenshot({ path: `${OUTPUT}/main-page.png`, fullPage: false });
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    expect(marks).toEqual(expect.arrayContaining(['hubwatch:results-drawn', 'hubwatch:charts-drawn']));
    expect(problems).toEqual([]);
  }, 60_000);
});
