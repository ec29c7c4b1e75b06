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

export interface SourceRow {
  id: string;
  name: string;
  type: string;
  channel: string;
  enabled: boolean;
  health: string;
  lastPollAt?: string | null;
  lastError?: string | null;
  itemsPerDay?: number | null;
  interval?: string | number | null;
}

export interface AlertHistoryEntry {
  ruleId: string;
  firedAt: string;
  title?: string;
  mentions?: string[];
}

export interface SavedSearch {
  id: string;
  name: string;
  params: string;
  createdAt: string;
}

export interface ApiErrorBody {
  code: string;
  message: string;
  parameter?: string;
  position?: number;
}
