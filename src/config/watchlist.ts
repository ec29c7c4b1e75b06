import { z } from 'zod';

const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, "-" or "_" (e.g. "acme-cloud")');

/**
 * Context terms tell homonyms apart: with `require`, a match counts only if one of these terms is
 * in the same text; with `exclude`, a match does not count if one of these is near it.
 */
export const contextSchema = z
  .strictObject({
    require: z.array(z.string().min(1)).default([]),
    exclude: z.array(z.string().min(1)).default([]),
  })
  .default({ require: [], exclude: [] });

/** A brand: the company's own (`role: own`) or a competitor's. */
export const brandSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** Product names: a product match counts as a mention of the brand. */
  products: z.array(z.string().min(1)).default([]),
  role: z.enum(['own', 'competitor']).default('own'),
  /** Ids of the brands this one competes with (for share of voice). */
  competitors: z.array(idSchema).default([]),
  context: contextSchema,
});

/** An executive or spokesperson. */
export const personSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  /** Name variants ("J.-P. Agon"). The surname alone counts only near `organisation`. */
  aliases: z.array(z.string().min(1)).default([]),
  role: z.string().default(''),
  /** The brand id of the person's company. */
  organisation: idSchema.optional(),
  context: contextSchema,
});

export const topicSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  /** Words and phrases that mark the topic. */
  terms: z.array(z.string().min(1)).min(1, 'a topic needs at least one term'),
  context: contextSchema,
});

export const watchlistSchema = z
  .strictObject({
    brands: z.array(brandSchema).default([]),
    people: z.array(personSchema).default([]),
    topics: z.array(topicSchema).default([]),
  })
  .default({ brands: [], people: [], topics: [] });

export type Brand = z.infer<typeof brandSchema>;
export type Person = z.infer<typeof personSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type Watchlist = z.infer<typeof watchlistSchema>;
