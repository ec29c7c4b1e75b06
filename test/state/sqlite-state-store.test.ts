import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openIndex } from '../../src/index/open-index.js';
import { silentLogger } from '../../src/platform/logger.js';
import { SqliteStateStore } from '../../src/state/sqlite-state-store.js';
import { emptySourceState, SEEN_RETENTION_DAYS } from '../../src/state/state-store.js';

const DAY = 86_400_000;

/** What only the SQLite adapter does: its file format, its pruning, its sharing of the index's file. */
describe('SqliteStateStore', () => {
  let dir: string;
  let path: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-state-'));
    path = join(dir, 'hubwatch.db');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('completes a state stored by an older version with defaults, in get and all alike', async () => {
    await new SqliteStateStore(path).close();
    const db = new Database(path);
    db.prepare('INSERT INTO source_state (source_id, state) VALUES (?, ?)').run('le-monde', JSON.stringify({ sourceId: 'le-monde', status: 'ok', cursor: { etag: 'e' } }));
    db.close();
    const store = new SqliteStateStore(path);
    const expected = { ...emptySourceState('le-monde'), status: 'ok', cursor: { etag: 'e' } };
    expect(await store.get('le-monde')).toEqual(expected);
    expect(await store.all()).toEqual([expected]);
    await store.close();
  });

  it(`forgets seen ids marked more than ${SEEN_RETENTION_DAYS} days before a later mark`, async () => {
    const store = new SqliteStateStore(path);
    const start = new Date('2026-01-01T00:00:00.000Z').getTime();
    await store.markSeen('le-monde', ['old'], new Date(start));
    await store.markSeen('le-monde', ['kept'], new Date(start + 2 * DAY));
    await store.markSeen('le-monde', ['new'], new Date(start + (SEEN_RETENTION_DAYS + 1) * DAY));
    expect(await store.seen('le-monde', ['old', 'kept', 'new'])).toEqual(new Set(['kept', 'new']));
    await store.close();
  });

  it('shares the index file through its own tables', async () => {
    const index = await openIndex({ sqlite: { path } }, { logger: silentLogger() });
    const store = new SqliteStateStore(path);
    await store.save({ ...emptySourceState('le-monde'), itemsTotal: 3 });
    expect(await index.get('0'.repeat(32))).toBeNull();
    await index.close();
    await store.close();
    const again = new SqliteStateStore(path);
    expect((await again.get('le-monde')).itemsTotal).toBe(3);
    await again.close();
  });
});
