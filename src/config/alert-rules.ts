import { z } from 'zod';
import { UserInputError } from '../core/errors.js';
import { parseQuery } from '../index/query/parse.js';
import { durationSchema } from './duration.js';

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, "-" or "_" (e.g. "acme-negative")');

/**
 * A query in the query language. Its syntax is checked with the file's cross-references
 * (src/config/cross-check.ts), which says where it goes wrong; here only that it matches something.
 */
const querySchema = z.string().min(1).superRefine((text, ctx) => {
  try {
    if (parseQuery(text) === null) ctx.addIssue({ code: 'custom', message: 'is empty (a rule needs something to match)' });
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
  }
});

/** What every rule has: who hears it and how often. */
const common = {
  id: idSchema,
  notify: z.array(idSchema).min(1, 'name at least one notifier id'),
  /** Quiet time after a message for the same rule and key; doubles for repeats (back-off), up to 8×. */
  cooldown: durationSchema.default(3600),
  enabled: z.boolean().default(true),
};

/** New mentions that match `query`; with `minMentions` > 1, a volume trigger over `window`. */
export const matchRuleSchema = z.strictObject({
  ...common,
  type: z.literal('match'),
  query: querySchema,
  minMentions: z.number().int().positive().default(1),
  /** Mentions published longer ago than this (or before the rule existed) never fire. */
  window: durationSchema.default(3600),
});

/** A query's volume in `window` against its own baseline. */
export const spikeRuleSchema = z.strictObject({
  ...common,
  type: z.literal('spike'),
  query: querySchema,
  window: durationSchema.default(3600),
  /** `rolling`: the windows just before; `same-hour-of-week`: the same window in past weeks. */
  baseline: z.enum(['rolling', 'same-hour-of-week']).default('rolling'),
  /** How many past windows (or weeks) make the baseline. */
  baselineWindows: z.number().int().min(2).max(168).default(24),
  /** Standard deviations above the baseline mean (k). */
  sensitivity: z.number().positive().default(3),
  /** Never fire below this many mentions in the window. */
  minMentions: z.number().int().positive().default(5),
});

/** The share of negative mentions of a query in `window`, above `threshold` and above its baseline. */
export const negativeShareRuleSchema = z.strictObject({
  ...common,
  type: z.literal('negative-share'),
  query: querySchema,
  window: durationSchema.default(86400),
  threshold: z.number().gt(0).lt(1).default(0.4),
  baselineWindows: z.number().int().min(1).max(90).default(7),
  minMentions: z.number().int().positive().default(5),
});

/** A source (or author) that mentions what `query` names for the first time in `days`. */
export const newVoiceRuleSchema = z.strictObject({
  ...common,
  type: z.literal('new-voice'),
  query: querySchema,
  by: z.enum(['source', 'author']).default('source'),
  days: z.number().int().positive().max(365).default(30),
  /** Mentions published longer ago than this (or before the rule existed) never fire. */
  window: durationSchema.default(86400),
});

/** Coverage gaps: a source, a tier or a connector type that goes quiet for `factor`× its usual gap, or keeps failing. */
export const silenceRuleSchema = z.strictObject({
  ...common,
  type: z.literal('silence'),
  /** Which sources: listed ids, a tier, or every source of a connector type (default: tier 1). */
  sources: z.array(idSchema).optional(),
  tier: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  connector: z.string().min(1).optional(),
  factor: z.number().min(1).default(2),
  /** Consecutive failed polls that count as a gap. */
  failures: z.number().int().positive().default(3),
});

/** One rule of `alerts:`. A rule without `type` is a `match` rule (the first shape of this section). */
export const alertRuleSchema = z.preprocess(
  (value) => (value !== null && typeof value === 'object' && !('type' in value) ? { ...value, type: 'match' } : value),
  z.discriminatedUnion('type', [matchRuleSchema, spikeRuleSchema, negativeShareRuleSchema, newVoiceRuleSchema, silenceRuleSchema]),
);

export type AlertRuleConfig = z.infer<typeof alertRuleSchema>;
export type AlertRuleType = AlertRuleConfig['type'];
export type RuleOf<T extends AlertRuleType> = Extract<AlertRuleConfig, { type: T }>;
