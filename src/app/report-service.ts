import type { AlertStore } from '../alerts/alert-store.js';
import type { AlertRuleConfig } from '../config/alert-rules.js';
import { UserInputError } from '../core/errors.js';
import type { HubwatchConfig } from '../config/schema.js';
import type { MentionIndex } from '../index/mention-index.js';
import { parseQuery } from '../index/query/parse.js';
import { coveringRules, type AlertEvidence } from '../reports/model/alert-cover.js';
import { buildPreRead } from '../reports/model/build-report.js';
import { ReportCollector } from '../reports/model/collector.js';
import { queryValue } from '../reports/model/relays.js';
import { currentPeriod, type Period, type ReportPlan } from '../reports/model/report-plan.js';
import { REPORT_LANGUAGES, type PreReadReport, type ReportLanguage } from '../reports/report-model.js';
import { resolveWindow } from './time-range.js';

/** How many periods of the same length the endurance section compares (the report's included). */
export const ENDURANCE_PERIODS = 4;

/** A pre-read as an entry point asks for it. */
export interface PreReadInput {
  from: string;
  to?: string | undefined;
  /** Brand ids; empty = the watchlist's own brands. */
  brands: readonly string[];
  language: string;
}

/** What the pre-read reads from the configuration. */
export type PreReadConfig = Pick<HubwatchConfig, 'watchlist' | 'stakeholders' | 'sources'>;

/**
 * Reads the options against the configuration (unknown brand, bad dates, language) before any
 * index is opened; throws `UserInputError` naming the option.
 */
export function planPreRead(input: PreReadInput, config: PreReadConfig, now: Date): ReportPlan {
  if (!(REPORT_LANGUAGES as readonly string[]).includes(input.language)) {
    throw new UserInputError(`--lang: must be one of ${REPORT_LANGUAGES.join(', ')} (got "${input.language}")`);
  }
  const window = resolveWindow(input, now);
  const all = config.watchlist.brands;
  for (const id of input.brands) {
    if (!all.some((b) => b.id === id)) throw new UserInputError(`--brand: no watchlist brand has id "${id}" (known: ${all.map((b) => b.id).join(', ') || 'none'})`);
  }
  const brands = input.brands.length > 0 ? all.filter((b) => input.brands.includes(b.id)) : all.filter((b) => b.role === 'own');
  if (brands.length === 0) throw new UserInputError('no brand to report on: the watchlist has no brand with role "own"; name one with --brand ID');
  const chosen = new Set(brands.map((b) => b.id));
  const rivalIds = new Set(brands.flatMap((b) => b.competitors).filter((id) => !chosen.has(id)));
  const competitors = all.filter((b) => rivalIds.has(b.id));
  const organisations = new Set([...chosen, ...rivalIds]);
  const length = window.to.getTime() - window.from.getTime();
  const periods: Period[] = [];
  for (let i = ENDURANCE_PERIODS - 1; i >= 0; i -= 1) {
    periods.push({ from: new Date(window.from.getTime() - i * length), to: new Date(window.to.getTime() - i * length) });
  }
  const ids = brands.map((b) => queryValue(b.id));
  const scopeQuery = ids.length === 1 ? `brand:${ids[0]}` : `brand:(${ids.join(' OR ')})`;
  parseQuery(scopeQuery);
  return {
    language: input.language as ReportLanguage,
    periods,
    brands,
    competitors,
    people: config.watchlist.people.filter((p) => p.organisation !== undefined && organisations.has(p.organisation)),
    topics: config.watchlist.topics,
    stakeholders: config.stakeholders,
    tier1Sources: config.sources.filter((s) => s.tier === 1).map((s) => s.id),
    scopeQuery,
    now,
  };
}

/** The alert history a pre-read reads (through the port) and the configured rules it is read against. */
export interface PreReadAlerts {
  store: Pick<AlertStore, 'firedBetween'>;
  rules: readonly AlertRuleConfig[];
}

const DAY_MS = 86_400_000;

/** Progress of a long pre-read: mentions read so far of the total to read. */
export type PreReadProgress = (done: number, total: number) => void;

/**
 * Computes the pre-read through the index port: one scan of the report's period and the three
 * before it (for the comparisons), and the share of voice from the index's brand counts. With
 * `alerts`, the Reaction section says how soon an alert fired for each episode; without, that it
 * was not read.
 */
export async function computePreRead(index: MentionIndex, plan: ReportPlan, progress?: PreReadProgress, alerts?: PreReadAlerts): Promise<PreReadReport> {
  const first = plan.periods[0] as Period;
  const period = currentPeriod(plan);
  const span = { query: null, from: first.from, to: period.to };
  let total = 0;
  if (progress) total = (await index.histogram({ ...span, interval: 'month' })).reduce((sum, b) => sum + b.count, 0);
  const collector = new ReportCollector(plan);
  let done = 0;
  for await (const batch of index.scan({ ...span, batchSize: 2000 })) {
    collector.add(batch);
    done += batch.length;
    progress?.(done, total);
  }
  const shares = await index.shareOfVoice({ query: null, from: period.from, to: period.to, brands: [...plan.brands, ...plan.competitors].map((b) => b.id) });
  let evidence: AlertEvidence | null = null;
  if (alerts) {
    const rules = coveringRules(alerts.rules, plan.brands.map((b) => b.id));
    const fired = rules.length === 0 ? [] : await alerts.store.firedBetween(period.from, new Date(period.to.getTime() + DAY_MS));
    evidence = { rules, fired };
  }
  return buildPreRead(plan, collector, shares, evidence);
}
