import type { Mention } from '../core/mention.js';
import { articleIdOf } from '../core/mention-id.js';
import type { NormalisedItem } from '../core/normalise.js';
import type { Enricher } from '../enrich/enricher.js';
import type { StoryMemory } from '../enrich/story-memory.js';

/** What the enrich stage needs to turn a cleaned item into a mention. */
export interface MentionBuilderDeps {
  enricher: Enricher;
  /** Near-duplicate stories across sources (the clusterer's window, behind its port). */
  stories: StoryMemory;
  /** Reach weight of the item's source, given the item's own audience figures. */
  reachOf: (item: NormalisedItem) => number;
}

/**
 * Enriches cleaned items and assigns them to stories (one call to the story memory per batch).
 * Same code in embedded and distributed mode.
 */
export async function buildMentions(items: readonly NormalisedItem[], deps: MentionBuilderDeps): Promise<Mention[]> {
  const enrichments = items.map((item) => deps.enricher.enrich({ title: item.title, text: item.text, languageHint: item.languageHint }));
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
