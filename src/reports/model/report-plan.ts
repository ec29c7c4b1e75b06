import type { Stakeholder } from '../../config/stakeholders.js';
import type { Brand, Person, Topic } from '../../config/watchlist.js';
import type { ReportLanguage } from '../report-model.js';

/** A window of publication, `from` inclusive, `to` exclusive. */
export interface Period {
  from: Date;
  to: Date;
}

/** Everything a pre-read is computed from, read and checked before the index is opened. */
export interface ReportPlan {
  language: ReportLanguage;
  /** Oldest first; the last one is the report's period, the one before it the comparison. */
  periods: Period[];
  /** The brands the report is about, and the competitors their share of voice is set against. */
  brands: Brand[];
  competitors: Brand[];
  /** Watchlist people of those brands (executives, spokespersons). */
  people: Person[];
  topics: Topic[];
  stakeholders: Stakeholder[];
  /** Ids of tier-1 sources (national media). */
  tier1Sources: string[];
  scopeQuery: string;
  now: Date;
}

/** The report's own period (the last one). */
export function currentPeriod(plan: Pick<ReportPlan, 'periods'>): Period {
  return plan.periods[plan.periods.length - 1] as Period;
}
