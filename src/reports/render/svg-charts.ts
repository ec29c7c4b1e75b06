import type { Chart } from './outline-types.js';

/** Outside text made inert in HTML and SVG (text and attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const WIDTH = 680;
const COLOURS = { bar: '#2f5d8a', overlay: '#e08a1e', positive: '#3a8d4f', neutral: '#a7adb5', negative: '#c0392b', grid: '#d9dde2', text: '#333' };

function svg(height: number, title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}"><title>${escapeHtml(title)}</title>${body}</svg>`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function columns(chart: Extract<Chart, { type: 'columns' }>): string {
  const height = 220;
  const top = 24;
  const bottom = 36;
  const left = 40;
  const inner = height - top - bottom;
  const max = Math.max(1, ...chart.points.map((p) => p.value));
  const step = (WIDTH - left - 8) / Math.max(1, chart.points.length);
  const width = Math.max(1, step * 0.8);
  let body = `<line x1="${left}" y1="${top + inner}" x2="${WIDTH - 8}" y2="${top + inner}" stroke="${COLOURS.grid}"/>`;
  body += `<text x="${left - 6}" y="${top + 4}" font-size="10" text-anchor="end" fill="${COLOURS.text}">${max}</text><text x="${left - 6}" y="${top + inner}" font-size="10" text-anchor="end" fill="${COLOURS.text}">0</text>`;
  chart.points.forEach((p, i) => {
    const x = left + i * step + (step - width) / 2;
    const h = (p.value / max) * inner;
    const o = (p.overlay / max) * inner;
    body += `<rect class="bar" x="${x.toFixed(1)}" y="${(top + inner - h).toFixed(1)}" width="${width.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLOURS.bar}"><title>${escapeHtml(`${p.label}: ${p.value}`)}</title></rect>`;
    if (o > 0) body += `<rect x="${x.toFixed(1)}" y="${(top + inner - o).toFixed(1)}" width="${width.toFixed(1)}" height="${o.toFixed(1)}" fill="${COLOURS.overlay}"/>`;
    if (i % Math.ceil(chart.points.length / 8) === 0) body += `<text x="${(x + width / 2).toFixed(1)}" y="${height - bottom + 14}" font-size="10" text-anchor="middle" fill="${COLOURS.text}">${escapeHtml(p.label.slice(5))}</text>`;
  });
  body += `<rect x="${left}" y="4" width="10" height="10" fill="${COLOURS.bar}"/><text x="${left + 14}" y="13" font-size="11" fill="${COLOURS.text}">${escapeHtml(chart.valueLabel)}</text>`;
  body += `<rect x="${left + 160}" y="4" width="10" height="10" fill="${COLOURS.overlay}"/><text x="${left + 174}" y="13" font-size="11" fill="${COLOURS.text}">${escapeHtml(chart.overlayLabel)}</text>`;
  return svg(height, chart.title, body);
}

function bars(chart: Extract<Chart, { type: 'bars' }>): string {
  const row = 22;
  const label = 220;
  const height = chart.rows.length * row + 8;
  const max = Math.max(1e-9, ...chart.rows.map((r) => r.value));
  let body = '';
  chart.rows.forEach((r, i) => {
    const y = 4 + i * row;
    const w = (r.value / max) * (WIDTH - label - 80);
    body += `<text x="${label - 8}" y="${y + 14}" font-size="11" text-anchor="end" fill="${COLOURS.text}">${escapeHtml(clip(r.label, 34))}</text>`;
    body += `<rect class="bar" x="${label}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 8}" fill="${COLOURS.bar}"/>`;
    body += `<text x="${(label + w + 6).toFixed(1)}" y="${y + 14}" font-size="11" fill="${COLOURS.text}">${escapeHtml(r.display)}</text>`;
  });
  return svg(height, chart.title, body);
}

function tone(chart: Extract<Chart, { type: 'tone' }>): string {
  const row = 24;
  const label = 180;
  const height = chart.rows.length * row + 28;
  const span = WIDTH - label - 16;
  let body = '';
  const keys = ['positive', 'neutral', 'negative'] as const;
  keys.forEach((key, k) => {
    body += `<rect x="${label + k * 110}" y="4" width="10" height="10" fill="${COLOURS[key]}"/><text x="${label + k * 110 + 14}" y="13" font-size="11" fill="${COLOURS.text}">${escapeHtml(chart.labels[k] as string)}</text>`;
  });
  chart.rows.forEach((r, i) => {
    const y = 24 + i * row;
    const total = r.positive + r.neutral + r.negative;
    body += `<text x="${label - 8}" y="${y + 15}" font-size="11" text-anchor="end" fill="${COLOURS.text}">${escapeHtml(clip(r.label, 28))}</text>`;
    let x = label;
    for (const key of keys) {
      const w = total === 0 ? 0 : (r[key] / total) * span;
      if (w > 0) body += `<rect class="bar" x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 8}" fill="${COLOURS[key]}"><title>${escapeHtml(`${r.label}: ${r[key]}`)}</title></rect>`;
      x += w;
    }
  });
  return svg(height, chart.title, body);
}

/** A chart as inline SVG: no script, no external reference, every label escaped. */
export function renderSvg(chart: Chart): string {
  switch (chart.type) {
    case 'columns':
      return columns(chart);
    case 'bars':
      return bars(chart);
    case 'tone':
      return tone(chart);
  }
}
