import type { MentionSource } from '../core/mention.js';
import { sourcesOf } from '../core/mention-sources.js';
import { storyRoleOf, type StoryRole } from '../core/story-role.js';
import type { SearchHit } from '../index/mention-index.js';

const MARK_OPEN = '\u0002';
const MARK_CLOSE = '\u0003';

/** A snippet as plain text with the offsets of its highlighted matches. */
export interface SnippetView {
  text: string;
  highlights: [number, number][];
}

/** A search hit as every entry point shows it (the `search --json` line, the API's item). */
export interface HitView {
  id: string;
  title: string;
  url: string | null;
  /** The primary source: the first that delivered the mention. */
  source: string;
  sourceName: string;
  /** Every source that delivered the mention, the primary first. */
  sources: MentionSource[];
  channel: string;
  author: string | null;
  publishedAt: string;
  language: string | null;
  sentiment: SearchHit['mention']['sentiment'];
  entities: { kind: string; id: string; name: string; role?: string; sentiment?: SearchHit['mention']['sentiment'] }[];
  storyId: string | null;
  /** Its part in the story: origin, copy, or amplifier (a share of the article). */
  storyRole: StoryRole;
  /** For an amplifier: the article it shares. */
  sharedUrl?: string;
  reach: number;
  score?: number;
  snippets: SnippetView[];
}

/** A snippet with its highlight markers turned into offsets: `{ text, highlights: [[start, end]] }`. */
export function splitHighlights(snippet: string): SnippetView {
  // Most snippets of a page without text query have no marker: no walk through them.
  if (!snippet.includes(MARK_OPEN) && !snippet.includes(MARK_CLOSE)) return { text: snippet, highlights: [] };
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

/** The plain view of one hit. */
export function hitToJson(hit: SearchHit): HitView {
  const m = hit.mention;
  return {
    id: m.id,
    title: m.title,
    url: m.url,
    source: m.sourceId,
    sourceName: m.sourceName,
    sources: sourcesOf(m),
    channel: m.channel,
    author: m.author,
    publishedAt: m.publishedAt,
    language: m.language,
    sentiment: m.sentiment,
    entities: m.entities.map((e) => ({ kind: e.kind, id: e.id, name: e.name, ...(e.role ? { role: e.role } : {}), ...(e.sentiment ? { sentiment: e.sentiment } : {}) })),
    storyId: m.storyId,
    storyRole: storyRoleOf(m),
    ...(m.sharedUrl ? { sharedUrl: m.sharedUrl } : {}),
    reach: m.reach,
    ...(hit.score === undefined ? {} : { score: hit.score }),
    snippets: (hit.snippets ?? []).map(splitHighlights),
  };
}
