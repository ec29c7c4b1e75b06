import type { PreReadReport } from '../report-model.js';
import { outline } from './outline.js';
import type { Block, Inline } from './outline-types.js';
import { escapeHtml, renderSvg } from './svg-charts.js';
import { safeUrl, searchCommand } from './trace-command.js';
import { WORDS } from './words.js';

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#222;max-width:760px;margin:24px auto;padding:0 16px}
h1{font-size:24px;margin:0 0 8px}h2{font-size:19px;border-bottom:2px solid #2f5d8a;padding-bottom:3px;margin-top:28px}h3{font-size:15px;margin:18px 0 6px}
table{border-collapse:collapse;width:100%;margin:8px 0 12px;font-size:12.5px}th,td{border-bottom:1px solid #e1e4e8;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f5f7}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}a.fig{color:inherit;text-decoration:underline dotted #2f5d8a}
svg.chart{display:block;max-width:100%;height:auto;margin:8px 0}ol.searches{font-size:11px;word-break:break-all}code{font-size:11px}
@page{size:A4;margin:16mm}@media print{body{margin:0;max-width:none}a{color:inherit}table,svg,li{break-inside:avoid}h2,h3{break-after:avoid}}
`;

class HtmlWriter {
  readonly commands: string[] = [];

  inline(parts: readonly Inline[]): string {
    return parts
      .map((part) => {
        if (typeof part === 'string') return escapeHtml(part);
        if ('trace' in part) {
          const command = searchCommand(part.trace);
          let at = this.commands.indexOf(command);
          if (at < 0) at = this.commands.push(command) - 1;
          return `<a class="fig" href="#q${at + 1}" title="${escapeHtml(command)}">${escapeHtml(part.text)}</a>`;
        }
        const url = safeUrl(part.href);
        return url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer nofollow">${escapeHtml(part.text)}</a>` : escapeHtml(part.text);
      })
      .join('');
  }

  block(block: Block): string {
    switch (block.kind) {
      case 'p':
        return `<p>${this.inline(block.parts)}</p>`;
      case 'h3':
        return `<h3>${escapeHtml(block.text)}</h3>`;
      case 'table': {
        const cls = (i: number): string => (block.numeric[i] ? ' class="n"' : '');
        const head = block.head.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join('');
        const rows = block.rows.map((row) => `<tr>${row.map((cell, i) => `<td${cls(i)}>${this.inline([cell])}</td>`).join('')}</tr>`).join('');
        return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
      }
      case 'list': {
        const tag = block.ordered ? 'ol' : 'ul';
        return `<${tag}>${block.items.map((item) => `<li>${this.inline(item)}</li>`).join('')}</${tag}>`;
      }
      case 'chart':
        return `<figure>${renderSvg(block.chart)}</figure>`;
    }
  }
}

/**
 * The pre-read as one self-contained, printable HTML file: inline styles and SVG charts, no script,
 * and a Content-Security-Policy that forbids any request; each figure links to the `hubwatch search`
 * command that reproduces it (listed at the end).
 */
export function renderHtml(report: PreReadReport): string {
  const doc = outline(report);
  const writer = new HtmlWriter();
  const body: string[] = [`<h1>${escapeHtml(doc.title)}</h1>`, `<p>${writer.inline(doc.intro)}</p>`];
  for (const section of doc.sections) {
    body.push(`<section id="${section.id}"><h2>${escapeHtml(section.heading)}</h2>`, ...section.blocks.map((b) => writer.block(b)), '</section>');
  }
  body.push(`<section id="searches"><h2>${escapeHtml(WORDS[report.language].searches)}</h2><ol class="searches">`);
  writer.commands.forEach((command, i) => body.push(`<li id="q${i + 1}"><code>${escapeHtml(command)}</code></li>`));
  body.push('</ol></section>');
  return [
    '<!doctype html>',
    `<html lang="${report.language}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)} — ${escapeHtml(report.brands.map((b) => b.name).join(', '))}</title>`,
    `<style>${STYLE}</style></head><body>`,
    ...body,
    '</body></html>',
    '',
  ].join('\n');
}
