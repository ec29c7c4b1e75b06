import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { Parser } from 'htmlparser2';
import { canonicalName, scopeFor, type NamespaceScope } from './xml-names.js';

/** A link element of an entry (Atom `<link>`, RSS `<enclosure>`, `<media:content>`), href resolved. */
export interface ExtractedLink {
  href: string;
  rel: string;
  type: string;
  medium?: string;
}

/** One `<item>`/`<entry>` as strings: field values keyed by canonical element name (first non-empty wins). */
export interface ExtractedEntry {
  fields: Map<string, string>;
  /** The attributes of selected elements (`guid@ispermalink`, `atom:title@type`). */
  attrs: Map<string, string>;
  /** xml:base in effect for each text field (RSS `<link>` resolves against its own element's base). */
  bases: Map<string, string>;
  links: ExtractedLink[];
  categories: string[];
  authors: string[];
  base: string;
  lang: string | null;
  views: number | null;
  /** Likes a video feed gives (YouTube's `media:starRating count`). */
  likes: number | null;
}

export interface ExtractedFeed {
  /** `rss-2.0`, `rss-1.0`, `rss-0.91`, `atom-1.0`, `atom-0.3`; null when the root is not a feed. */
  format: string | null;
  /** The root element's name, for the "not a feed" message. */
  root: string | null;
  fields: Map<string, string>;
  links: ExtractedLink[];
  entries: ExtractedEntry[];
  /** `<title>` of an HTML page, to say what was found instead of a feed. */
  htmlTitle: string | null;
  /**
   * Set when the document ends before it is complete (cut off mid-way): the innermost element
   * still open, and whether an entry was open (it is dropped: only complete entries are kept).
   */
  truncated: { inside: string; partialEntry: boolean } | null;
}

const ENTRY_FIELDS = new Set([
  'title', 'link', 'description', 'guid', 'pubdate', 'comments', 'author', 'content:encoded', 'dc:creator', 'dc:date',
  'dc:title', 'dc:language', 'dcterms:created', 'dcterms:modified', 'atom:title', 'atom:id', 'atom:published', 'atom:updated', 'atom:issued',
  'atom:modified', 'atom:created', 'atom:summary', 'atom:content', 'itunes:author', 'itunes:summary', 'itunes:duration',
  'media:title', 'media:description', 'feedburner:origlink', 'yt:videoid', 'yt:channelid', 'xhtml:body', 'source',
]);
const FEED_FIELDS = new Set(['title', 'link', 'language', 'ttl', 'description', 'atom:title', 'atom:subtitle', 'dc:language', 'atom:id']);
const CATEGORY_FIELDS = new Set(['category', 'dc:subject', 'itunes:keywords']);
const VOID = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'source', 'wbr', 'area', 'col', 'embed', 'param', 'track']);
/** A single field is capped while it is read, so a hostile element cannot grow without bound. */
export const MAX_FIELD_CHARS = 1_000_000;

function resolve(href: string, base: string): string {
  try {
    return new URL(href.trim(), base || undefined).href;
  } catch {
    return href.trim();
  }
}

function escapeAttribute(value: string): string {
  return value.replace(/"/g, '&quot;');
}

/**
 * Streams a feed document through htmlparser2 (XML mode) and keeps only what the mapping needs.
 * Tolerant by construction: a bare `&`, an undefined entity, an unclosed tag or a truncated end do
 * not stop it. DTDs are never processed (no entity expansion, no external fetch: XXE and billion
 * laughs are inert), and element names never become object keys (no prototype pollution).
 */
export function extractXmlFeed(text: string, feedUrl: string): ExtractedFeed {
  const feed: ExtractedFeed = { format: null, root: null, fields: new Map(), links: [], entries: [], htmlTitle: null, truncated: null };
  type Frame = { name: string; scope: NamespaceScope; base: string; lang: string | null };
  const stack: Frame[] = [{ name: '#document', scope: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), base: feedUrl, lang: null }];
  let entry: ExtractedEntry | null = null;
  let entryDepth = -1;
  let atomDefault = false;
  let capture: { name: string; depth: number; parts: string[]; size: number; children: number; inAuthor: boolean } | null = null;
  let inCdata = false;
  let authorDepth = -1;
  let htmlTitleOpen = false;
  /** Set once the whole text is written: closes reported from then on are the ones the end implies. */
  let ending = false;
  const openAtEnd: string[] = [];
  let partialEntry = false;
  let channelClosed = false;
  let rootClosed = false;

  const push = (value: string): void => {
    if (!capture || capture.size > MAX_FIELD_CHARS) return;
    capture.parts.push(value);
    capture.size += value.length;
  };

  const parser = new Parser(
    {
      onopentag(rawName, attributes) {
        const parent = stack[stack.length - 1]!;
        const scope = scopeFor(parent.scope, attributes);
        let name = canonicalName(rawName, scope);
        if (atomDefault && !name.includes(':')) name = `atom:${name}`;
        const xmlBase = attributes['xml:base'];
        const base = xmlBase !== undefined ? resolve(decodeHTMLAttribute(xmlBase), parent.base) : parent.base;
        const lang = attributes['xml:lang'] ?? parent.lang;
        stack.push({ name, scope, base, lang });
        if (capture) {
          capture.children += 1;
          const local = rawName.slice(rawName.indexOf(':') + 1);
          const attrs = Object.keys(attributes)
            .filter((key) => !key.startsWith('xmlns'))
            .map((key) => ` ${key}="${escapeAttribute(attributes[key]!)}"`)
            .join('');
          push(`<${local}${attrs}>`);
          return;
        }
        if (stack.length === 2) {
          feed.root = name;
          if (name === 'rss') feed.format = attributes['version'] ? `rss-${attributes['version']}` : 'rss';
          else if (name === 'rdf:rdf') feed.format = 'rss-1.0';
          else if (name === 'channel') feed.format = 'rss';
          else if (name === 'atom:feed' || name === 'feed') {
            feed.format = attributes['version'] === '0.3' || scope.get(rawName.includes(':') ? rawName.split(':')[0]! : '') === 'http://purl.org/atom/ns#' ? 'atom-0.3' : 'atom-1.0';
            atomDefault = name === 'feed';
          }
          return;
        }
        if (feed.format === null) {
          if (name.replace(/^xhtml:/, '') === 'title' && feed.htmlTitle === null) htmlTitleOpen = true;
          return;
        }
        if (!entry && (name === 'item' || name === 'atom:entry')) {
          entry = { fields: new Map(), attrs: new Map(), bases: new Map(), links: [], categories: [], authors: [], base, lang, views: null, likes: null };
          entryDepth = stack.length;
          const about = attributes['rdf:about'];
          if (about) entry.attrs.set('rdf:about', decodeHTMLAttribute(about));
          return;
        }
        const target = entry ?? null;
        if (name === 'atom:link' || name === 'enclosure' || name === 'media:content' || (name === 'link' && attributes['href'] !== undefined)) {
          const href = attributes['href'] ?? attributes['url'];
          if (href !== undefined) {
            const link: ExtractedLink = { href: resolve(decodeHTMLAttribute(href), base), rel: name === 'atom:link' || name === 'link' ? (attributes['rel'] ?? 'alternate') : 'enclosure', type: attributes['type'] ?? '' };
            if (attributes['medium']) link.medium = attributes['medium'];
            (target ? target.links : feed.links).push(link);
          }
          return;
        }
        if (target && name === 'atom:category' && attributes['term']) {
          target.categories.push(decodeHTMLAttribute(attributes['term']));
          return;
        }
        if (target && name === 'media:statistics' && attributes['views']) {
          target.views = Number(attributes['views']);
          return;
        }
        if (target && name === 'media:starrating' && attributes['count']) {
          target.likes = Number(attributes['count']);
          return;
        }
        if (target && (name === 'atom:author' || name === 'atom:contributor')) {
          authorDepth = stack.length;
          return;
        }
        const wanted = target ? ENTRY_FIELDS.has(name) || CATEGORY_FIELDS.has(name) || (authorDepth !== -1 && name === 'atom:name') : FEED_FIELDS.has(name);
        if (wanted && (target || stack.length <= 4)) {
          capture = { name, depth: stack.length, parts: [], size: 0, children: 0, inAuthor: authorDepth !== -1 };
          if (target) {
            for (const key of ['type', 'ispermalink', 'isPermaLink', 'src']) {
              if (attributes[key] !== undefined) target.attrs.set(`${name}@${key.toLowerCase()}`, attributes[key]!);
            }
            target.bases.set(name, base);
          }
        }
      },
      ontext(text) {
        if (htmlTitleOpen) feed.htmlTitle = (feed.htmlTitle ?? '') + decodeHTML(text);
        if (!capture) return;
        push(inCdata || capture.children > 0 ? text : decodeHTML(text));
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
      onclosetag(rawName) {
        const depth = stack.length;
        const closing = stack.pop();
        if (ending && closing) openAtEnd.push(rawName);
        else if (depth === 2) rootClosed = true;
        else if (depth === 3 && closing?.name === 'channel') channelClosed = true;
        htmlTitleOpen = false;
        if (capture && depth > capture.depth) {
          capture.children -= 1;
          const local = rawName.slice(rawName.indexOf(':') + 1);
          if (!VOID.has(local.toLowerCase())) push(`</${local}>`);
          return;
        }
        if (capture && depth === capture.depth) {
          const value = capture.parts.join('');
          const target = entry;
          if (target) {
            if (capture.inAuthor) target.authors.push(value.trim());
            else if (CATEGORY_FIELDS.has(capture.name)) target.categories.push(value);
            else if (!target.fields.get(capture.name)?.trim()) target.fields.set(capture.name, value);
          } else if (!feed.fields.get(capture.name)?.trim()) {
            feed.fields.set(capture.name, value);
          }
          capture = null;
          return;
        }
        if (depth === authorDepth) authorDepth = -1;
        if (entry && depth === entryDepth) {
          if (ending) partialEntry = true;
          else feed.entries.push(entry);
          entry = null;
          entryDepth = -1;
        }
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true },
  );
  parser.write(text);
  ending = true;
  parser.end();
  // Markup a host appends after the feed's root (an unclosed analytics <div>) loses nothing.
  if (feed.format !== null && !rootClosed && openAtEnd.length > 0) feed.truncated = truncation(text, feed, openAtEnd, channelClosed, partialEntry);
  return feed;
}

/**
 * Whether elements left open at the end mean the document was cut off. Only the root left open is
 * no loss when its end tag was begun (`</rss` at the very end) or, in RSS 2.0, when `</channel>`
 * closed every item already; anything deeper open means content was lost.
 */
function truncation(text: string, feed: ExtractedFeed, open: string[], channelClosed: boolean, partialEntry: boolean): ExtractedFeed['truncated'] {
  if (open.length === 1 && (/<\/[^<>]*$/.test(text.slice(-256).trimEnd()) || (feed.root === 'rss' && channelClosed))) return null;
  return { inside: open[0]!, partialEntry };
}
