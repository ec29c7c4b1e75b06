import { existsSync } from 'node:fs';
import { HubwatchError } from '../../core/errors.js';

/** Where Debian's `chromium` package puts the browser. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Chromium is not installed (or not where it was looked for): says how to install it. */
export class ChromiumMissingError extends HubwatchError {
  constructor(path: string) {
    super(`PDF needs Chromium, not found at ${path}: install it (Debian/Ubuntu: apt-get install chromium), or write --format html and print that`, { reason: 'chromium-missing', retryable: false });
  }
}

/**
 * Prints a self-contained HTML page to PDF with headless Chromium through playwright-core, which
 * never downloads a browser: it drives the system's. JavaScript is off and every request the page
 * would make is refused, so what is printed is exactly the file.
 */
export async function printPdf(html: string, options: { executablePath?: string; timeoutMs?: number } = {}): Promise<Buffer> {
  const executablePath = options.executablePath ?? DEFAULT_CHROMIUM;
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, timeout: options.timeoutMs ?? 30_000, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load', timeout: options.timeoutMs ?? 30_000 });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' } });
  } finally {
    await browser.close();
  }
}
