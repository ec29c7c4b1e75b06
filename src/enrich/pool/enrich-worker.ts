import { answerFeedParse } from '../../connectors/rss/threaded-feed-parse.js';
import type { SeenReader } from '../../state/sqlite-seen-reader.js';
import { threadData } from '../../platform/threads/thread-module.js';
import { createEnricher } from '../create-enricher.js';
import type { EnrichInput, Enrichment } from '../enricher.js';
import type { EnrichWorkerData } from './enrich-worker-data.js';
import type { ParseEnrichAnswer, ParseEnrichTask } from './parse-enrich-task.js';

/**
 * A thread of the pipeline's pool (`pooled-batch-enricher.ts`): the watchlist is compiled and the
 * models and lexicons are loaded once, when the thread starts; each enrichment task is a chunk of
 * a batch. The same threads parse fetched feed documents (`parseFeed`), the other large piece of
 * an item's work that does not need the main thread.
 */
const data = threadData<EnrichWorkerData>();
const enricher = createEnricher(data.watchlist, data.options);

export default function enrichChunk(inputs: EnrichInput[]): Enrichment[] {
  return inputs.map((input) => enricher.enrich(input));
}

/** The state file's reader, opened at the first task that names it (null: it cannot be read). */
let seenReader: Promise<SeenReader | null> | undefined;

/**
 * Parses a feed document (and normalises its items when asked); asked to enrich the fresh ones
 * too, enriches every item the state file does not list as delivered by the source, so that the
 * poll's batch needs no second trip to a thread.
 */
export async function parseFeed(task: ParseEnrichTask): Promise<ParseEnrichAnswer> {
  const answer = await answerFeedParse(task);
  if (!task.enrichFresh || !task.normalise || !answer.ok || !answer.normalised) return answer;
  const file = task.enrichFresh.seenFile;
  seenReader ??= import('../../state/sqlite-seen-reader.js').then(({ openSeenReader }) => openSeenReader(file));
  const items = answer.normalised.items;
  const seen = (await seenReader)?.seen(task.normalise.source.id, items.map((item) => item.id));
  if (!seen) return answer;
  return { ...answer, enrichments: items.map((item) => (seen.has(item.id) ? null : enricher.enrich({ title: item.title, text: item.text, languageHint: item.languageHint }))) };
}
