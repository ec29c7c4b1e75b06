import { Client } from '@elastic/elasticsearch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idOf } from '../contract/fixtures.js';
import { FakeElasticsearch } from './fake-elasticsearch.js';

/**
 * Why the adapter writes with the typed `client.bulk` and its own `BulkWriter`, not
 * `client.helpers.bulk`: what the helper does, observed against the same scripted faults the
 * adapter's tests use (docs/elasticsearch.md, "Writes"). Should the helper change, this fails and
 * the choice is worth making again.
 */
let fake: FakeElasticsearch;
let client: Client;

beforeEach(async () => {
  fake = new FakeElasticsearch();
  const url = await fake.start();
  fake.indices.set('w', new Map());
  client = new Client({ node: url, maxRetries: 0 });
});

afterEach(async () => {
  await client.close();
  await fake.stop();
});

async function helperWrite(ids: string[], options: { retries?: number; wait?: number; flushBytes?: number } = {}) {
  const dropped: { id: string; status: number; error: string | undefined }[] = [];
  const stats = await client.helpers.bulk({
    datasource: ids.map((id) => ({ id })),
    index: 'w',
    onDocument: (doc: { id: string }) => ({ create: { _id: doc.id } }),
    onDrop: (drop) => dropped.push({ id: (drop.document as { id: string }).id, status: drop.status, error: drop.error?.type }),
    retries: options.retries ?? 2,
    wait: options.wait ?? 10,
    ...(options.flushBytes ? { flushBytes: options.flushBytes } : {}),
  });
  return { stats, dropped };
}

describe('client.helpers.bulk, observed', () => {
  it('drops a replayed create (409) as a failure, where a deterministic-id replay is a success', async () => {
    await helperWrite([idOf('a')]);
    const { stats, dropped } = await helperWrite([idOf('a')]);
    expect(stats.failed).toBe(1);
    expect(dropped).toEqual([{ id: idOf('a'), status: 409, error: 'version_conflict_engine_exception' }]);
  });

  it('does not split a request the cluster finds too large (413): every document is lost', async () => {
    fake.maxBodyBytes = 10;
    await expect(helperWrite([idOf('b'), idOf('c')])).rejects.toMatchObject({ meta: { statusCode: 413 } });
    expect(fake.bulkRequests()).toHaveLength(1);
    expect(fake.docs('w').size).toBe(0);
  });

  it('retries a flood-stage block like any 429, with a fixed wait, then drops the documents', async () => {
    for (let i = 0; i < 5; i += 1) fake.bulkFaults.push({ kind: 'flood' });
    const { stats, dropped } = await helperWrite([idOf('d')], { retries: 2, wait: 10 });
    expect(stats.failed).toBe(1);
    expect(dropped.map((d) => d.status)).toEqual([429]);
    expect(fake.bulkRequests()).toHaveLength(3);
  });

  it('does not replay a request whose answer was cut: the whole batch rejects, written or not', async () => {
    fake.bulkFaults.push({ kind: 'reset' });
    const outcome = await helperWrite([idOf('e')]).then(
      (r) => ({ failed: r.stats.failed, successful: r.stats.successful }),
      (error: unknown) => ({ error: (error as Error).name }),
    );
    expect(fake.bulkRequests()).toHaveLength(1);
    // The write did happen, but the caller only learns that the connection failed.
    expect(outcome).toEqual({ error: 'ConnectionError' });
    expect(fake.docs('w').size).toBe(1);
  });
});
