import { z } from 'zod';
import { mentionSchema } from '../core/mention.js';

/** A `NormalisedItem` (src/core/normalise.ts) as it crosses a queue: a mention's own fields before enrichment. */
export const normalisedItemSchema = mentionSchema
  .pick({
    id: true, url: true, canonicalUrl: true, sourceId: true, sourceName: true, channel: true, title: true, text: true,
    author: true, publishedAt: true, fetchedAt: true, audience: true, flags: true,
  })
  // A post that shares an article carries the article's address (null or absent otherwise).
  .extend({ languageHint: z.string().nullable(), sharedUrl: z.string().nullable().optional() });

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
