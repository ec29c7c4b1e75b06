import type Database from 'better-sqlite3';
import type { StoryMembers } from '../mention-index.js';
import { rowToMention } from './sqlite-upsert.js';

/** A story's size, origin and newest mentions, read through the `mentions_by_story` index. */
export function storySqlite(db: Database.Database, storyId: string, limit: number): StoryMembers {
  const size = Math.max(1, Math.min(100, Math.floor(limit)));
  const select = (order: string, n: number) =>
    db
      .prepare(`SELECT t.title, t.body, t.doc FROM mentions m JOIN mention_texts t ON t.seq = m.seq WHERE m.story_id = ? ORDER BY ${order} LIMIT ?`)
      .all(storyId, n) as { title: string; body: string; doc: string }[];
  const count = (db.prepare('SELECT count(*) AS n FROM mentions WHERE story_id = ?').get(storyId) as { n: number }).n;
  if (count === 0) return { size: 0, origin: null, latest: [] };
  const [origin] = select('m.published ASC, m.seq ASC', 1);
  return { size: count, origin: origin ? rowToMention(origin) : null, latest: select('m.published DESC, m.seq DESC', size).map(rowToMention) };
}
