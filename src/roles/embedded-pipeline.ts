import type { HubwatchConfig, SourceConfig } from '../config/schema.js';
import { createHttpFetcher } from '../connectors/http/create-http-fetcher.js';
import type { HttpFetcher } from '../connectors/http/http-fetcher.js';
import { getManifest, toSourceDefinition } from '../connectors/registry.js';
import { createEnricher } from '../enrich/create-enricher.js';
import { createStoryClusterer } from '../enrich/create-story-clusterer.js';
import { computeReach } from '../enrich/reach.js';
import type { MentionIndex } from '../index/mention-index.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import { SqliteStateStore } from '../state/sqlite-state-store.js';
import type { StateStore } from '../state/state-store.js';
import { EmbeddedDriver } from '../workers/embedded-driver.js';
import type { PollReport, SourceRuntime } from '../workers/poll-source.js';

/** How far back the story clusterer's memory is rebuilt at start. */
const STORY_MEMORY_DAYS = 14;

export interface EmbeddedPipeline {
  driver: EmbeddedDriver;
  sources: SourceRuntime[];
  state: StateStore;
  /** Deletes mentions older than `index.retention` (no-op when unset); returns how many. */
  applyRetention(): Promise<number>;
  close(): Promise<void>;
}

function runtimeOf(source: SourceConfig): SourceRuntime {
  const manifest = getManifest(source.type);
  // The configuration was checked against the registry at load: an unknown type cannot get here.
  if (!manifest) throw new Error(`unknown source type "${source.type}"`);
  const { minIntervalSeconds: min, maxIntervalSeconds: max, pollIntervalSeconds } = manifest.defaults;
  const initial = Math.min(max, Math.max(min, source.interval ?? pollIntervalSeconds));
  return { definition: toSourceDefinition(source), connector: manifest.create(), bounds: { min, max, initial } };
}

/**
 * Composition root of the embedded role: every stage in this process, wired to one index, one
 * state store (SQLite, beside the index file) and one fetcher. The caller owns `index`.
 */
export async function createEmbeddedPipeline(
  config: HubwatchConfig,
  deps: { index: MentionIndex; logger: Logger; clock: Clock; onReport?: (report: PollReport) => void; fetcher?: HttpFetcher },
): Promise<EmbeddedPipeline> {
  const { index, logger, clock } = deps;
  const fetcher = deps.fetcher ?? createHttpFetcher(config.fetch, { logger: logger.child({ component: 'fetch' }) });
  const state = new SqliteStateStore(config.index.sqlite.path);
  const enricher = createEnricher(config.watchlist, config.enrich);
  const clusterer = createStoryClusterer();
  for await (const record of index.signaturesSince(new Date(clock().getTime() - STORY_MEMORY_DAYS * 86_400_000))) {
    clusterer.remember(record);
  }
  const sources = config.sources.filter((source) => source.enabled).map(runtimeOf);
  const reachBySource = new Map(config.sources.map((s) => [s.id, { ...(s.tier ? { tier: s.tier } : {}), ...(s.audience !== undefined ? { audience: s.audience } : {}) }]));
  const driver = new EmbeddedDriver(
    sources,
    {
      state,
      index,
      now: clock,
      logger: logger.child({ component: 'poll' }),
      fetchContext: { fetcher, now: clock },
      builder: {
        enricher,
        clusterer,
        reachOf: (item) => computeReach(reachBySource.get(item.sourceId) ?? {}, item.audience),
      },
    },
    { concurrency: config.concurrency, logger, ...(deps.onReport ? { onReport: deps.onReport } : {}) },
  );
  return {
    driver,
    sources,
    state,
    async applyRetention() {
      if (config.index.retention === undefined) return 0;
      const deleted = await index.deleteOlderThan(new Date(clock().getTime() - config.index.retention * 1000));
      if (deleted > 0) logger.info({ deleted, retentionSeconds: config.index.retention }, 'retention applied');
      return deleted;
    },
    async close() {
      await fetcher.close();
      await state.close();
    },
  };
}
