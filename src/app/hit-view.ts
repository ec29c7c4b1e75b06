import type { SearchHit } from '../index/mention-index.js';

const MARK_OPEN = '\u0002';
const MARK_CLOSE = '\u0003';

/** A snippet with its highlight markers turned into offsets: `{ text, highlights: [[start, end]] }`. */
export function splitHighlights(snippet: string): { text: string; highlights: [number, number][] } {
  let text = '';
  const highlights: [number, number][] = [];
  let open = -1;
  for (const char of snippet) {
    if (char === MARK_OPEN) open = text.length;
    else if (char === MARK_CLOSE) {
      if (open >= 0) highlights.push([open, text.length]);
      open = -1;
    } else text += char;
  }
  return { text, highlights };
}

/** The JSON line `search --json` prints for one hit. */
export function hitToJson(hit: SearchHit): Record<string, unknown> {
  const m = hit.mention;
  return {
    id: m.id,
    title: m.title,
    url: m.url,
    source: m.sourceId,
    sourceName: m.sourceName,
    channel: m.channel,
    author: m.author,
    publishedAt: m.publishedAt,
    language: m.language,
    sentiment: m.sentiment,
    entities: m.entities.map((e) => ({ kind: e.kind, id: e.id, name: e.name, ...(e.role ? { role: e.role } : {}), ...(e.sentiment ? { sentiment: e.sentiment } : {}) })),
    storyId: m.storyId,
    reach: m.reach,
    ...(hit.score === undefined ? {} : { score: hit.score }),
    snippets: (hit.snippets ?? []).map(splitHighlights),
  };
}

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
  if (entities) lines.push(`  entities: ${safe(entities)}`);
  for (const snippet of hit.snippets ?? []) lines.push(`  > ${mark(snippet)}`);
  return lines;
}
