import { z } from 'zod';
import { CHANNELS, SENTIMENT_LABELS, mentionSourceSchema } from '../core/mention.js';

/** One value or a repeated parameter (`brand=a&brand=b`), read as a list; at most 50 values. */
const repeated = z
  .union([z.string().max(200), z.array(z.string().max(200)).max(50)])
  .transform((value) => (Array.isArray(value) ? value : [value]))
  .optional();

const repeatedOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.array(z.enum(values)).max(values.length)])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .optional();

/** The filters of every list, stats and export route (docs/api.md, Filters). */
export const filtersSchema = z.object({
  q: z.string().max(4000).optional().describe('query language (docs/query-language.md)'),
  brand: repeated.describe('brand id or name; repeat for OR'),
  person: repeated.describe('person id or name; repeat for OR'),
  topic: repeated.describe('topic id or name; repeat for OR'),
  sentiment: repeatedOf(SENTIMENT_LABELS),
  channel: repeatedOf(CHANNELS),
  source: repeated.describe('source id; repeat for OR'),
  lang: repeated.describe('ISO 639-1 language; repeat for OR'),
  from: z.string().max(40).optional().describe('2026-11-01, 2026-11-01T08:00:00Z, or 30d / 12h back from now'),
  to: z.string().max(40).optional().describe('a date (that whole day included) or a date-time (excluded)'),
});
export type FiltersQuery = z.infer<typeof filtersSchema>;

const sentimentSchema = z.object({ score: z.number(), label: z.enum(SENTIMENT_LABELS) });

/** `HitView` (src/app/hit-view.ts): a mention as every entry point shows it. */
export const hitViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  source: z.string(),
  sourceName: z.string(),
  sources: z.array(mentionSourceSchema).describe('every source that delivered the mention, the first (`source`) first'),
  channel: z.string(),
  author: z.string().nullable(),
  publishedAt: z.string(),
  language: z.string().nullable(),
  sentiment: sentimentSchema,
  entities: z.array(z.object({ kind: z.string(), id: z.string(), name: z.string(), role: z.string().optional(), sentiment: sentimentSchema.optional() })),
  storyId: z.string().nullable(),
  storyRole: z.enum(['origin', 'copy', 'amplifier']).describe("the mention's part in its story; an amplifier shares the article at `sharedUrl`"),
  sharedUrl: z.string().optional(),
  reach: z.number(),
  score: z.number().optional(),
  snippets: z.array(z.object({ text: z.string(), highlights: z.array(z.tuple([z.number(), z.number()])) })),
});

export const ERROR_CODES = ['bad-query', 'bad-parameter', 'unauthorized', 'forbidden', 'not-found', 'rate-limited', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every error answer: one clear line, and where when known. */
export const errorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    parameter: z.string().optional(),
    position: z.number().int().optional(),
  }),
});

/** A route's answers: its own, plus the errors every `/api` route may give. */
export function withErrors<T extends Record<number, z.ZodType>>(answers: T): T & Record<400 | 401 | 403 | 404 | 429, typeof errorSchema> {
  return { ...answers, 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 429: errorSchema };
}
