/** The shapes the HTTP API answers with (see docs/web.md and the API's OpenAPI at /docs). */

export type SentimentLabel = 'positive' | 'neutral' | 'negative' | 'unscored';

export interface Sentiment {
  label: SentimentLabel;
  score?: number | null;
}

export interface Snippet {
  text: string;
  highlights: [number, number][];
}

export interface Hit {
  id: string;
  title: string;
  url: string | null;
  source: string;
  sourceName: string;
  channel: string;
  author: string | null;
  publishedAt: string;
  language: string | null;
  sentiment: Sentiment | null;
  entities: { kind: string; id: string; name: string; role?: string }[];
  storyId: string | null;
  reach: number;
  score?: number;
  snippets: Snippet[];
}

export interface MentionPage {
  total: number;
  totalIsExact: boolean;
  hits: Hit[];
  nextCursor: string | null;
}

export interface MentionDetail {
  mention: Hit & { text: string | null };
  story: { id: string | null; origin: Hit | null; members: Hit[]; size: number };
}

export interface VolumeRow {
  key: string;
  count: number;
}

export interface SentimentRow {
  key: string;
  positive: number;
  neutral: number;
  negative: number;
  unscored: number;
}

export interface ShareRow {
  key: string;
  name?: string;
  count: number;
  share: number;
}

/** A configured source and its health (`status`: new, ok, degraded, backoff, failing, disabled). */
export interface SourceRow {
  id: string;
  name: string;
  type: string;
  url: string | null;
  enabled: boolean;
  status: string;
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  itemsPerDay: number | null;
  intervalSeconds: number | null;
}

export interface AlertRule {
  id: string;
  type: string;
  enabled: boolean;
  lastFiredAt: string | null;
}

/** One event of an alert's life: fired, then delivered or failed per notifier. */
export interface AlertHistoryEntry {
  at: string;
  ruleId: string;
  event: 'fired' | 'delivered' | 'failed' | string;
  notifierId?: string | null;
  headline?: string | null;
  reason?: string | null;
}

export interface SavedSearch {
  id: string;
  name: string;
  params: string;
  createdAt: string;
  /** Saved with the caller's own token (only those, or an admin, may delete it). */
  mine: boolean;
}

export interface ApiErrorBody {
  code: string;
  message: string;
  parameter?: string;
  position?: number;
}
