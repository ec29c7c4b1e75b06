import type { Watchlist } from '../../config/watchlist.js';
import type { EnricherOptions } from '../create-enricher.js';

/** What each enrichment thread is started with: it builds its own enricher from these, once. */
export interface EnrichWorkerData {
  watchlist: Watchlist;
  options: EnricherOptions;
}
