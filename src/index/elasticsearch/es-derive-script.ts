import type { estypes } from '@elastic/elasticsearch';

/**
 * Painless run by `_reindex` when migrating: derives the fields later schemas added from the stored
 * mention as `toEsDocument` does, so that the mentions indexed before them are found: `domains` and
 * `tags` (schema 2: `site:`, `#tag`, `@handle`, as `domainsOf` and `tagsOf`), `source_ids` and
 * `source_keys` (schema 3: every source that delivered the mention, the primary first, as
 * `sourcesOf`), `shared_url` and `amplifier` (schema 3: shares). Folding is left to the keyword
 * fields' normalizer. No regex (clusters may disable them in scripts).
 */
const SOURCE = `
def src = ctx._source;
def doc = src.doc;
def url = doc == null ? null : (doc.url != null ? doc.url : doc.canonicalUrl);
List domains = new ArrayList();
if (url != null && url.indexOf('://') >= 0) {
  String rest = url.substring(url.indexOf('://') + 3);
  int end = rest.length();
  for (int i = 0; i < rest.length(); i++) {
    char c = rest.charAt(i);
    if (c == (char) '/' || c == (char) ':' || c == (char) '?' || c == (char) '#') { end = i; break; }
  }
  String host = rest.substring(0, end).toLowerCase();
  while (host.endsWith('.')) { host = host.substring(0, host.length() - 1); }
  List labels = new ArrayList();
  for (String label : host.splitOnToken('.')) { if (label.length() > 0) { labels.add(label); } }
  for (int i = 0; i < labels.size(); i++) { domains.add(String.join('.', labels.subList(i, labels.size()))); }
}
List tags = new ArrayList();
for (def field : ['title', 'text']) {
  String text = src[field] == null ? '' : src[field];
  int i = 0;
  while (i < text.length()) {
    char c = text.charAt(i);
    boolean boundary = i == 0 || !(Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == (char) '_');
    if ((c == (char) '#' || c == (char) '@') && boundary) {
      int j = i + 1;
      while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == (char) '_')) { j++; }
      if (j > i + 1 && !tags.contains(text.substring(i, j))) { tags.add(text.substring(i, j)); }
      i = j;
    } else { i++; }
  }
}
src.domains = domains;
src.tags = tags;
List sourceIds = new ArrayList();
List sourceKeys = new ArrayList();
sourceIds.add(src.source_id);
sourceKeys.add(src.source_key);
if (doc != null && doc.sources != null) {
  for (def s : doc.sources) {
    if (s != null && s.id != null && !sourceIds.contains(s.id)) { sourceIds.add(s.id); if (s.name != null && !sourceKeys.contains(s.name)) { sourceKeys.add(s.name); } }
  }
}
src.source_ids = sourceIds;
src.source_keys = sourceKeys;
src.shared_url = doc == null ? null : doc.sharedUrl;
src.amplifier = doc != null && doc.sharedUrl != null ? 1 : 0;
`;

/** The script of the migration's `_reindex` (copy and catch-up). */
export const DERIVE_SCRIPT: estypes.Script = { lang: 'painless', source: SOURCE.trim() };
