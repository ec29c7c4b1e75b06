import { z } from 'zod';

/** Where a mention was published: the kind of channel, used for filters and charts. */
export const CHANNELS = ['news', 'blog', 'social', 'forum', 'video', 'podcast'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

/**
 * Sentiment labels. `unscored` is for languages the analyser does not cover: better no label
 * than a wrong one.
 */
export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive', 'unscored'] as const;
export const sentimentLabelSchema = z.enum(SENTIMENT_LABELS);
export type SentimentLabel = z.infer<typeof sentimentLabelSchema>;

/** A sentiment score in -1..1 with its label (thresholds at +/-0.05, as VADER uses). */
export const sentimentSchema = z.object({
  score: z.number().min(-1).max(1),
  label: sentimentLabelSchema,
});
export type Sentiment = z.infer<typeof sentimentSchema>;

/** The kinds of watchlist entry a mention can match. */
export const ENTITY_KINDS = ['brand', 'person', 'topic'] as const;
export const entityKindSchema = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof entityKindSchema>;

/** Which text field of the mention a match was found in. */
export const matchFieldSchema = z.enum(['title', 'text']);
export type MatchField = z.infer<typeof matchFieldSchema>;

/**
 * One watchlist entry found in a mention: the entry's id and display name, and every place it
 * was found (field + UTF-16 offsets into that field of the mention, for highlighting).
 */
export const entityMatchSchema = z.object({
  kind: entityKindSchema,
  /** The watchlist entry's id (`acme`, `claire-dubois`). */
  id: z.string().min(1),
  /** The watchlist entry's display name. */
  name: z.string().min(1),
  /** For a brand: `own` (the company's) or `competitor`. */
  role: z.string().optional(),
  occurrences: z
    .array(
      z.object({
        field: matchFieldSchema,
        start: z.number().int().nonnegative(),
        end: z.number().int().nonnegative(),
        /** The text as it appears in the mention. */
        text: z.string(),
      }),
    )
    .min(1),
  /** Sentiment of the sentences around this entity's occurrences. */
  sentiment: sentimentSchema.optional(),
});
export type EntityMatch = z.infer<typeof entityMatchSchema>;

/** Audience figures a source gives for an item (social networks, forums, video). */
export const audienceSchema = z.object({
  followers: z.number().nonnegative().optional(),
  score: z.number().optional(),
  comments: z.number().nonnegative().optional(),
  shares: z.number().nonnegative().optional(),
  views: z.number().nonnegative().optional(),
});
export type Audience = z.infer<typeof audienceSchema>;

const isoDate = z.iso.datetime({ offset: true });

/** A source that delivered a mention: its configured id and display name. */
export const mentionSourceSchema = z.object({ id: z.string().min(1), name: z.string() });
export type MentionSource = z.infer<typeof mentionSourceSchema>;

/**
 * The mention: one item about the watched company, cleaned, enriched and ready to index.
 * Text fields are plain text, never HTML. Its `id` is stable (see `mentionId`).
 */
export const mentionSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/, 'must be 32 lower-case hex characters'),
  /** The item's link as published (http/https only), or null. */
  url: z.string().nullable(),
  /** The canonical form of `url` the id was derived from, or null. */
  canonicalUrl: z.string().nullable(),
  /**
   * When the mention is a post sharing an article (a link post, a post with a link card): the
   * article's URL. The post's own permalink is `url`; absent when the mention shares nothing.
   */
  sharedUrl: z.string().optional(),
  /** The first source that delivered the mention (its primary source: it owns the content). */
  sourceId: z.string().min(1),
  sourceName: z.string(),
  /**
   * Every source that delivered this same mention (an article seen in its outlet's feed and in a
   * news search), the primary first, in the order they delivered it. Absent means the primary
   * alone; `sourcesOf` (mention-sources.ts) reads either form.
   */
  sources: z.array(mentionSourceSchema).optional(),
  channel: channelSchema,
  title: z.string(),
  text: z.string(),
  author: z.string().nullable(),
  publishedAt: isoDate,
  fetchedAt: isoDate,
  /** ISO 639-1 code, or null when it could not be told. */
  language: z.string().nullable(),
  entities: z.array(entityMatchSchema),
  sentiment: sentimentSchema,
  /** Near-duplicate cluster: syndicated and lightly edited copies share one story id. */
  storyId: z.string().nullable(),
  /** Near-duplicate signature (`s2` then hex: MinHash ranks and a set of the numbers in the text), used to join later copies to the story. */
  signature: z.string().nullable(),
  /** Weight of the source (tier or audience), used for reach. */
  reach: z.number().nonnegative(),
  audience: audienceSchema.nullable(),
  /** Problems met while building the mention (a future date, an unparsable date...). */
  flags: z.array(z.string()),
});
export type Mention = z.infer<typeof mentionSchema>;
