import { sourcesOf } from '../core/mention-sources.js';
import type { SearchHit } from '../index/mention-index.js';

export { hitToJson, splitHighlights } from '../app/hit-view.js';

/** Strips terminal control characters from text that came from outside. */
function safe(text: string): string {
  return text.replace(/[\u0000-\u0001\u0004-\u001f\u007f-\u009f]/g, ' ');
}

/** The human lines `search` prints for one hit; highlights in bold on a terminal, [brackets] elsewhere. */
export function hitToText(hit: SearchHit, colour: boolean): string[] {
  const m = hit.mention;
  const date = m.publishedAt.slice(0, 16).replace('T', ' ');
  const label = m.sentiment.label === 'unscored' ? 'unscored' : `${m.sentiment.label} ${m.sentiment.score.toFixed(2)}`;
  const entities = m.entities.map((e) => e.name).join(', ');
  const mark = (s: string): string =>
    safe(s).replace(/\u0002/g, colour ? '\u001b[1m' : '[').replace(/\u0003/g, colour ? '\u001b[22m' : ']');
  const lines = [`${date}  ${safe(m.sourceName)} (${m.channel}, ${m.language ?? '??'})  ${label}`, `  ${safe(m.title)}`];
  if (m.url) lines.push(`  ${safe(m.url)}`);
  if (m.sharedUrl) lines.push(`  shares: ${safe(m.sharedUrl)}`);
  const others = sourcesOf(m).slice(1);
  if (others.length > 0) lines.push(`  also from: ${safe(others.map((s) => s.name || s.id).join(', '))}`);
  if (entities) lines.push(`  entities: ${safe(entities)}`);
  for (const snippet of hit.snippets ?? []) lines.push(`  > ${mark(snippet)}`);
  return lines;
}
