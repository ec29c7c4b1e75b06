import type { AlertRuleConfig } from '../../config/alert-rules.js';
import type { FiredRecord } from '../../alerts/alert-store.js';
import type { QueryNode } from '../../index/query/ast.js';
import { parseQuery } from '../../index/query/parse.js';
import type { Episode } from '../report-model.js';

/** What the Reaction section reads of the alerts: the rules that cover the report's brands and what fired. */
export interface AlertEvidence {
  /** Rules whose query names one of the report's brands (silence rules watch sources, not brands). */
  rules: { id: string; query: string }[];
  /** Firings of the period and the day after it, oldest first. */
  fired: FiredRecord[];
}

/** Field values a query requires (under no NOT), by field. */
function required(node: QueryNode | null, out: Map<string, Set<string>>): Map<string, Set<string>> {
  if (node === null) return out;
  if (node.kind === 'term' || node.kind === 'phrase') {
    if (node.field) out.set(node.field, (out.get(node.field) ?? new Set()).add(node.value));
  } else if (node.kind === 'and' || node.kind === 'or') {
    for (const child of node.children) required(child, out);
  }
  return out;
}

/** The rules whose query names one of `brandIds` in a positive clause (`brand:acme`, not `NOT brand:acme`). */
export function coveringRules(rules: readonly AlertRuleConfig[], brandIds: readonly string[]): AlertEvidence['rules'] {
  const ids = new Set(brandIds.map((id) => id.toLowerCase()));
  return rules.flatMap((rule) => {
    if (rule.type === 'silence' || !rule.enabled) return [];
    const brands = required(parseQuery(rule.query), new Map()).get('brand') ?? new Set<string>();
    return [...brands].some((b) => ids.has(b)) ? [{ id: rule.id, query: rule.query }] : [];
  });
}

const DAY_MS = 86_400_000;

/**
 * The first firing of a covering rule from the episode's start to a day after its last day (a
 * daily window fires the day after at the latest); for a negative surge, rules that require another
 * sentiment (`sentiment:positive`) do not count.
 */
export function firstAlert(evidence: AlertEvidence, kind: Episode['kind'], from: number, to: number): Episode['firstAlert'] {
  const eligible = new Set(evidence.rules.filter((r) => {
    if (kind !== 'negative') return true;
    const sentiments = required(parseQuery(r.query), new Map()).get('sentiment');
    return sentiments === undefined || sentiments.has('negative');
  }).map((r) => r.id));
  const hit = evidence.fired.find((f) => eligible.has(f.ruleId) && Date.parse(f.firedAt) >= from && Date.parse(f.firedAt) < to + DAY_MS);
  return hit ? { ruleId: hit.ruleId, headline: hit.headline, at: hit.firedAt, hoursAfter: (Date.parse(hit.firedAt) - from) / 3_600_000 } : null;
}
