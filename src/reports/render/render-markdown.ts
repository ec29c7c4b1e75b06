import type { PreReadReport } from '../report-model.js';
import { outline } from './outline.js';
import type { Block, Chart, Inline } from './outline-types.js';
import { safeUrl, searchCommand } from './trace-command.js';
import { WORDS } from './words.js';

/** Outside text made inert in Markdown: one line, every markup character backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return escapeHeading(text).replace(/^(\s*)([-+=]|\d+\.)/, (_m, space: string, mark: string) => `${space}${mark.replace(/[-+=.]/, '\\$&')}`);
}

/**
 * The same, for a heading's text (after `## ` a leading "1." is no list). Brackets are escaped, so
 * parentheses can never complete a link; `<` and `&` are, so no tag or entity is read.
 */
function escapeHeading(text: string): string {
  return text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(/[\\`*_{}[\]<>#!|~&]/g, '\\$&');
}

function linkTarget(url: string): string {
  return url.replace(/[\s<>()[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

class MarkdownWriter {
  private readonly commands: string[] = [];

  inline(parts: readonly Inline[]): string {
    return parts
      .map((part) => {
        if (typeof part === 'string') return escapeMarkdown(part);
        if ('trace' in part) {
          const command = searchCommand(part.trace);
          if (!this.commands.includes(command)) this.commands.push(command);
          return `${escapeMarkdown(part.text)}<sup>${this.commands.indexOf(command) + 1}</sup>`;
        }
        const url = safeUrl(part.href);
        return url ? `[${escapeMarkdown(part.text)}](${linkTarget(url)})` : escapeMarkdown(part.text);
      })
      .join('');
  }

  table(head: readonly string[], rows: readonly (readonly Inline[])[], numeric: readonly boolean[]): string[] {
    const align = head.map((_h, i) => (numeric[i] ? '---:' : '---'));
    return [`| ${head.map(escapeMarkdown).join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((row) => `| ${row.map((cell) => this.inline([cell])).join(' | ')} |`)];
  }

  chart(chart: Chart): string[] {
    const bar = (share: number): string => '█'.repeat(Math.round(Math.max(0, Math.min(1, share)) * 20));
    switch (chart.type) {
      case 'columns': {
        const max = Math.max(1, ...chart.points.map((p) => p.value));
        return [`**${escapeMarkdown(chart.title)}**`, '', ...this.table(['', chart.valueLabel, chart.overlayLabel, ''], chart.points.map((p) => [p.label, String(p.value), String(p.overlay), bar(p.value / max)]), [false, true, true, false])];
      }
      case 'bars': {
        const max = Math.max(1e-9, ...chart.rows.map((r) => r.value));
        return [`**${escapeMarkdown(chart.title)}**`, '', ...this.table([chart.labelHead, chart.valueLabel, ''], chart.rows.map((r) => [r.label, r.display, bar(r.value / max)]), [false, true, false])];
      }
      case 'tone':
        return [];
    }
  }

  block(block: Block): string[] {
    switch (block.kind) {
      case 'p':
        return [this.inline(block.parts)];
      case 'h3':
        return [`### ${escapeMarkdown(block.text)}`];
      case 'table':
        return this.table(block.head, block.rows, block.numeric);
      case 'list':
        return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${this.inline(item)}`);
      case 'chart':
        return this.chart(block.chart);
    }
  }

  footer(heading: string): string[] {
    if (this.commands.length === 0) return [];
    return [`## ${escapeHeading(heading)}`, '', ...this.commands.map((command, i) => `${i + 1}. \`${command.replace(/`/g, "'")}\``)];
  }
}

/**
 * The pre-read as Markdown for wikis: `##` per numbered section, charts as tables, and each figure
 * numbered to the `hubwatch search` command that reproduces it (listed at the end).
 */
export function renderMarkdown(report: PreReadReport): string {
  const doc = outline(report);
  const writer = new MarkdownWriter();
  const lines: string[] = [`# ${escapeMarkdown(doc.title)}`, '', writer.inline(doc.intro), ''];
  for (const section of doc.sections) {
    lines.push(`## ${escapeHeading(section.heading)}`, '');
    for (const block of section.blocks) {
      const out = writer.block(block);
      if (out.length > 0) lines.push(...out, '');
    }
  }
  lines.push(...writer.footer(WORDS[report.language].searches), '');
  return lines.join('\n');
}
