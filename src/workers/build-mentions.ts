import type { Mention } from '../core/mention.js';
import type { NormalisedItem } from '../core/normalise.js';
import type { Enricher, StoryClusterer } from '../enrich/enricher.js';

/** What the enrich stage needs to turn a cleaned item into a mention. */
export interface MentionBuilderDeps {
  enricher: Enricher;
  clusterer: StoryClusterer;
  /** Reach weight of the item's source, given the item's own audience figures. */
  reachOf: (item: NormalisedItem) => number;
}

/** Enriches cleaned items and assigns them to stories. Same code in embedded and distributed mode. */
export function buildMentions(items: readonly NormalisedItem[], deps: MentionBuilderDeps): Mention[] {
  return items.map((item) => {
    const enrichment = deps.enricher.enrich({ title: item.title, text: item.text, languageHint: item.languageHint });
    const storyId = deps.clusterer.assign({ id: item.id, signature: enrichment.signature, publishedAt: item.publishedAt });
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
      storyId,
      signature: enrichment.signature,
      reach: deps.reachOf(item),
      audience: item.audience,
      flags: item.flags,
    };
  });
}
