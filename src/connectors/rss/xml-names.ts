/**
 * Namespace handling for the feed extractor: element names are resolved through the xmlns
 * declarations in scope and mapped to one canonical prefix per known vocabulary, so `a:feed`
 * with `xmlns:a="http://www.w3.org/2005/Atom"` and a plain `<feed xmlns="…Atom">` read the same.
 */

const KNOWN: Record<string, string> = {
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://backend.userland.com/rss2': '',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.youtube.com/xml/schemas/2015': 'yt',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
  'http://www.w3.org/xml/1998/namespace': 'xml',
};

/** The canonical prefix for a namespace URI, or null when unknown. */
function canonicalPrefix(uri: string): string | null {
  const known = KNOWN[uri.trim().toLowerCase()];
  return known === undefined ? null : known;
}

/** A scope of namespace declarations (a Map: element names from the feed never become object keys). */
export type NamespaceScope = Map<string, string>;

/** Returns the scope for an element: the parent's, plus its own xmlns declarations. */
export function scopeFor(parent: NamespaceScope, attributes: Record<string, string>): NamespaceScope {
  let scope = parent;
  for (const name of Object.keys(attributes)) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      if (scope === parent) scope = new Map(parent);
      scope.set(name === 'xmlns' ? '' : name.slice(6), attributes[name]!);
    }
  }
  return scope;
}

/**
 * `prefix:local` with the canonical prefix (`atom:entry`, `dc:creator`), or the bare local name for
 * RSS elements. An unknown default namespace reads as no namespace (some RSS 2.0 feeds declare one);
 * an unknown or undeclared prefix is kept lower-cased as written (`itunes:` used without declaring it).
 */
export function canonicalName(rawName: string, scope: NamespaceScope): string {
  const colon = rawName.indexOf(':');
  const prefix = colon === -1 ? '' : rawName.slice(0, colon);
  const local = colon === -1 ? rawName : rawName.slice(colon + 1);
  const uri = scope.get(prefix);
  if (uri !== undefined) {
    const canonical = canonicalPrefix(uri);
    if (canonical !== null) return canonical === '' ? local.toLowerCase() : `${canonical}:${local.toLowerCase()}`;
    if (prefix === '') return local.toLowerCase();
  }
  return prefix === '' ? local.toLowerCase() : `${prefix.toLowerCase()}:${local.toLowerCase()}`;
}
