import type { Mention, MentionSource } from './mention.js';

/** The sources that delivered a mention, its primary (`sourceId`) first, each once. */
export function sourcesOf(mention: Pick<Mention, 'sourceId' | 'sourceName' | 'sources'>): MentionSource[] {
  const listed = mention.sources ?? [];
  const primary = listed.find((s) => s.id === mention.sourceId) ?? { id: mention.sourceId, name: mention.sourceName };
  const seen = new Set([primary.id]);
  const all = [primary];
  for (const source of listed) {
    if (seen.has(source.id)) continue;
    seen.add(source.id);
    all.push(source);
  }
  return all;
}

/** `before`'s sources in their order (names refreshed from `after`), then `after`'s new ones. */
function unionSources(before: readonly MentionSource[], after: readonly MentionSource[]): MentionSource[] {
  const names = new Map(after.map((s) => [s.id, s.name]));
  const merged = before.map((s) => ({ id: s.id, name: names.get(s.id) ?? s.name }));
  const seen = new Set(merged.map((s) => s.id));
  for (const source of after) if (!seen.has(source.id)) merged.push(source);
  return merged;
}

function sameSources(a: readonly MentionSource[], b: readonly MentionSource[]): boolean {
  return a.length === b.length && a.every((s, i) => s.id === b[i]!.id && s.name === b[i]!.name);
}

/**
 * What an index stores when `incoming` arrives for an id it may already hold (`stored`): one
 * mention, with every source that delivered it. The first deliverer stays the primary and owns the
 * content: a new delivery by the primary (an edit, a re-enrichment) replaces the content and keeps
 * the other sources; a delivery by another source only adds that source to `sources`, so a news
 * search's short snippet never replaces the outlet's own text. Pure and deterministic: merging the
 * same delivery again gives the same mention, which the index then reports `unchanged`. `sources`
 * is written only when it says more than the primary alone (or the incoming mention carried it).
 */
export function mergeDelivery(stored: Mention | null, incoming: Mention): Mention {
  if (stored === null) return incoming;
  const primaryDelivers = incoming.sourceId === stored.sourceId;
  const base = primaryDelivers ? incoming : stored;
  const merged = unionSources(sourcesOf(stored), sourcesOf(incoming));
  if (sameSources(merged, sourcesOf(base)) && (base.sources === undefined || sameSources(merged, base.sources))) return base;
  return { ...base, sources: merged };
}
