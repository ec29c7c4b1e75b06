import type { SourceConfig } from '../config/schema.js';
import type { MentionIndex } from '../index/mention-index.js';
import type { StateStore, SourceState } from '../state/state-store.js';
import { emptySourceState } from '../state/state-store.js';

const DAY_MS = 86_400_000;
/** Items per day are counted over this many days of publication. */
const ITEMS_PER_DAY_WINDOW_DAYS = 7;

/** A configured source with its health, as `sources list` and the API show it. */
export interface SourceView extends Omit<SourceState, 'status'> {
  id: string;
  type: string;
  name: string;
  url: string | null;
  enabled: boolean;
  /** The state's status, or `disabled` for a source turned off in the configuration. */
  status: SourceState['status'] | 'disabled';
  /** The interval configured for the source (seconds), when it sets one. */
  configuredIntervalSeconds: number | null;
  /** Whether the source's own ttl / cache headers hold the interval above what hubwatch would choose. */
  intervalSetBySource: boolean;
  /** Seconds the source asked to be left alone at its last answer, or null (never optional here). */
  sourceAskedSeconds: number | null;
}

/**
 * Mentions per day each source delivered over the last week, counted in the index by publication
 * date: what a paged API source delivered over time, not what its last page held.
 */
async function deliveredPerDay(index: MentionIndex, sourceIds: readonly string[], now: Date): Promise<Map<string, number>> {
  const from = new Date(now.getTime() - ITEMS_PER_DAY_WINDOW_DAYS * DAY_MS);
  const rows = await index.topTerms({ query: null, from, to: now, dimension: 'source', size: Math.max(1, sourceIds.length) });
  return new Map(rows.map((row) => [row.key, Math.round((row.count / ITEMS_PER_DAY_WINDOW_DAYS) * 10) / 10]));
}

/**
 * Every configured source, in configuration order, with what the state store knows of it. With
 * an index, items per day are counted from what each source delivered over the last week.
 */
export async function listSources(
  sources: readonly SourceConfig[],
  state: StateStore | null,
  options: { index?: MentionIndex | undefined; now?: Date } = {},
): Promise<SourceView[]> {
  const perDay = options.index ? await deliveredPerDay(options.index, sources.map((s) => s.id), options.now ?? new Date()) : null;
  const views: SourceView[] = [];
  for (const source of sources) {
    const known = source.enabled && state ? await state.get(source.id) : emptySourceState(source.id);
    const asked = known.sourceAskedSeconds ?? null;
    views.push({
      id: source.id, type: source.type, name: source.name ?? source.id, url: source.url ?? null, enabled: source.enabled,
      ...known,
      itemsPerDay: perDay ? (perDay.get(source.id) ?? 0) : known.itemsPerDay,
      status: source.enabled ? known.status : 'disabled',
      configuredIntervalSeconds: source.interval ?? null,
      sourceAskedSeconds: asked,
      intervalSetBySource: asked !== null && known.intervalSeconds !== null && asked >= known.intervalSeconds,
    });
  }
  return views;
}
