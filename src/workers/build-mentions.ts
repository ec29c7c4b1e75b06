import type { Mention } from '../core/mention.js';
import { articleIdOf } from '../core/mention-id.js';
import type { NormalisedItem } from '../core/normalise.js';
import type { BatchEnricher } from '../enrich/batch-enricher.js';
import type { Enrichment } from '../enrich/enricher.js';
import type { StoryMemory } from '../enrich/story-memory.js';

/** What the enrich stage needs to turn a cleaned item into a mention. */
export interface MentionBuilderDeps {
  /** Enriches whole batches (in this thread or a pool of threads); batches resolve in the order submitted. */
  enricher: Pick<BatchEnricher, 'enrichBatch' | 'enrichedAhead'>;
  /** Near-duplicate stories across sources (the clusterer's window, behind its port). */
  stories: StoryMemory;
  /** Reach weight of the item's source, given the item's own audience figures. */
  reachOf: (item: NormalisedItem) => number;
}

/**
 * The items' enrichments: those made ahead with the source's parsing, and the rest from a batch.
 * The batch is submitted even when empty: it resolves after every batch submitted before it, so
 * stories are still placed in the order batches entered this stage.
 */
async function enrichInOrder(items: readonly NormalisedItem[], enricher: MentionBuilderDeps['enricher']): Promise<Enrichment[]> {
  const sourceId = items[0]?.sourceId;
  const oneSource = sourceId !== undefined && items.every((item) => item.sourceId === sourceId);
  const ahead = oneSource && enricher.enrichedAhead ? enricher.enrichedAhead(sourceId, items) : [];
  const missing = items.filter((_, i) => ahead[i] === undefined);
  const made = await enricher.enrichBatch(missing.map((item) => ({ title: item.title, text: item.text, languageHint: item.languageHint })));
  let next = 0;
  return items.map((_, i) => ahead[i] ?? made[next++]!);
}

/**
 * Enriches cleaned items and assigns them to stories (one call to the story memory per batch).
 * Same code in embedded and distributed mode. Stories are assigned on this thread, as soon as the
 * batch's enrichments arrive: the enricher resolves batches in the order they were submitted, so
 * batches are placed in stories in the order they entered this stage, whatever enriched them.
 */
export async function buildMentions(items: readonly NormalisedItem[], deps: MentionBuilderDeps): Promise<Mention[]> {
  const enrichments = await enrichInOrder(items, deps.enricher);
  // Nothing may be awaited between the enrichments and this call (see above).
  const storyIds = await deps.stories.assign(
    items.map((item, i) => {
      // A share joins the story of the article it links: that article's id is its canonical URL's.
      const sharedId = item.sharedUrl ? articleIdOf(item.sharedUrl) : null;
      return { id: item.id, signature: enrichments[i]!.signature, publishedAt: item.publishedAt, ...(sharedId ? { sharedId } : {}) };
    }),
  );
  return items.map((item, i) => {
    const enrichment = enrichments[i]!;
    return {
      id: item.id,
      url: item.url,
      canonicalUrl: item.canonicalUrl,
      sourceId: item.sourceId,
      sourceName: item.sourceName,
      channel: item.channel,
      title: item.title,
      text: item.text,
      author: item.author,
      publishedAt: item.publishedAt,
      fetchedAt: item.fetchedAt,
      language: enrichment.language,
      entities: enrichment.entities,
      sentiment: enrichment.sentiment,
      storyId: storyIds[i]!,
      signature: enrichment.signature,
      reach: deps.reachOf(item),
      audience: item.audience,
      ...(item.sharedUrl ? { sharedUrl: item.sharedUrl } : {}),
      flags: item.flags,
    };
  });
}
