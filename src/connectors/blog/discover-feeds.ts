import { decodeHTMLAttribute } from 'entities';
import { Parser } from 'htmlparser2';

const FEED_TYPES = /^(application\/(rss|atom|feed|rdf)\+(xml|json)|application\/(rss|atom)|text\/xml|application\/xml|application\/json)/i;

/** `<link rel="alternate" type="application/rss+xml" href>` in a page, best first, resolved. */
export function alternateFeeds(html: string, pageUrl: string): string[] {
  const found: { href: string; score: number }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name !== 'link' && name !== 'a') return;
        const rel = (attributes['rel'] ?? '').toLowerCase().split(/\s+/);
        const type = attributes['type'] ?? '';
        const href = attributes['href'];
        if (!href || !rel.includes('alternate') || !FEED_TYPES.test(type)) return;
        let resolved: string;
        try {
          resolved = new URL(decodeHTMLAttribute(href).trim(), pageUrl).href;
        } catch {
          return;
        }
        const title = (attributes['title'] ?? '').toLowerCase();
        // Comment feeds and per-category feeds are worse than the main one.
        let score = name === 'link' ? 10 : 5;
        if (/comment|kommentar|commentaire/.test(title) || /comments?\/feed|\/comments\//.test(resolved)) score -= 8;
        if (/atom/.test(type)) score += 1;
        found.push({ href: resolved, score });
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  const seen = new Set<string>();
  return found
    .sort((a, b) => b.score - a.score)
    .map((entry) => entry.href)
    .filter((href) => (seen.has(href) ? false : (seen.add(href), true)));
}

/**
 * Where feeds usually live when a page does not say: the platform's own pattern first (Medium,
 * Substack, Blogger), then the WordPress, Ghost, Hugo and Jekyll defaults at the site root.
 */
export function conventionalFeeds(pageUrl: string): string[] {
  const url = new URL(pageUrl);
  const origin = url.origin;
  const candidates: string[] = [];
  if (/(^|\.)medium\.com$/.test(url.hostname)) {
    const first = url.pathname.split('/').filter(Boolean)[0];
    if (first) candidates.push(`${origin}/feed/${first}`);
    else candidates.push(`${origin}/feed`);
  }
  if (/\.substack\.com$/.test(url.hostname)) candidates.push(`${origin}/feed`);
  if (/\.blogspot\.com$/.test(url.hostname)) candidates.push(`${origin}/feeds/posts/default`);
  candidates.push(`${origin}/feed/`, `${origin}/rss/`, `${origin}/feed.xml`, `${origin}/atom.xml`, `${origin}/index.xml`, `${origin}/rss.xml`, `${origin}/feeds/posts/default`);
  return [...new Set(candidates)];
}
