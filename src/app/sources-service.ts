import type { SourceConfig } from '../config/schema.js';
import type { StateStore, SourceState } from '../state/state-store.js';
import { emptySourceState } from '../state/state-store.js';

/** A configured source with its health, as `sources list` and the API show it. */
export interface SourceView extends Omit<SourceState, 'status'> {
  id: string;
  type: string;
  name: string;
  url: string | null;
  enabled: boolean;
  /** The state's status, or `disabled` for a source turned off in the configuration. */
  status: SourceState['status'] | 'disabled';
}

/** Every configured source, in configuration order, with what the state store knows of it. */
export async function listSources(sources: readonly SourceConfig[], state: StateStore): Promise<SourceView[]> {
  const views: SourceView[] = [];
  for (const source of sources) {
    const known = source.enabled ? await state.get(source.id) : emptySourceState(source.id);
    views.push({
      id: source.id, type: source.type, name: source.name ?? source.id, url: source.url ?? null, enabled: source.enabled,
      ...known,
      status: source.enabled ? known.status : 'disabled',
    });
  }
  return views;
}
