import type { MentionIndex } from '../../src/index/mention-index.js';

/** What two runs must agree on for each mention: the fields the pipeline computes. */
export interface MentionSnapshot {
  id: string;
  sourceId: string;
  title: string;
  storyId: string | null;
  sentiment: string;
  entities: string[];
}

/** Every mention of an index, by id. */
export async function indexSnapshot(index: MentionIndex): Promise<MentionSnapshot[]> {
  const out: MentionSnapshot[] = [];
  for await (const page of index.scan({ query: null })) {
    for (const m of page) {
      out.push({
        id: m.id, sourceId: m.sourceId, title: m.title, storyId: m.storyId,
        sentiment: `${m.sentiment.label} ${m.sentiment.score.toFixed(4)}`, entities: m.entities.map((e) => e.id).sort(),
      });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
