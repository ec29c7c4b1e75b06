import { z } from 'zod';
import { audienceSchema, channelSchema } from '../core/mention.js';

/** A `NormalisedItem` (src/core/normalise.ts) as it crosses a queue. */
export const normalisedItemSchema = z.object({
  id: z.string().min(1),
  url: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  sharedUrl: z.string().nullable().optional(),
  sourceId: z.string().min(1),
  sourceName: z.string(),
  channel: channelSchema,
  title: z.string(),
  text: z.string(),
  author: z.string().nullable(),
  publishedAt: z.string(),
  fetchedAt: z.string(),
  languageHint: z.string().nullable(),
  audience: audienceSchema.nullable(),
  flags: z.array(z.string()),
});

/** An `ItemProblem` (src/core/raw-item.ts). */
export const itemProblemSchema = z.object({
  index: z.number().int().optional(),
  ref: z.string().optional(),
  reason: z.string(),
  message: z.string(),
  outcome: z.enum(['dropped', 'repaired']),
});

/** A connector cursor (src/connectors/connector.ts). */
export const cursorSchema = z.object({
  etag: z.string().nullable().optional(),
  lastModified: z.string().nullable().optional(),
  position: z.string().nullable().optional(),
  movedTo: z.string().nullable().optional(),
});

/** A `SourceBatch` (src/workers/poll-types.ts): what the fetch stage hands the index stage. */
export const sourceBatchSchema = z.object({
  sourceId: z.string().min(1),
  startedAt: z.iso.datetime(),
  fetched: z.number().int().nonnegative(),
  items: z.array(normalisedItemSchema),
  problems: z.array(itemProblemSchema),
  itemsPerDay: z.number().nonnegative(),
  cursor: cursorSchema,
  minIntervalSeconds: z.number().nonnegative().optional(),
  degraded: z.string().optional(),
});
