import type { StakeholderKind } from '../config/stakeholders.js';

/** The languages a pre-read is written in. */
export const REPORT_LANGUAGES = ['en', 'fr'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** The search that lists the mentions a figure is computed from: `hubwatch search QUERY --from --to`. */
export interface Trace {
  query: string;
  /** ISO instants, `from` inclusive, `to` exclusive. */
  from: string;
  to: string;
}

/** A number with the search that reproduces it. */
export interface Figure {
  value: number;
  trace: Trace;
}

/** A figure against the previous period of the same length. */
export interface Compared {
  current: Figure;
  previous: Figure;
}

/** Sentiment labels counted over a set of mentions, and the net balance. */
export interface Tone {
  positive: number;
  neutral: number;
  negative: number;
  /** (positive − negative) / scored mentions, in −1..1; 0 when nothing is scored. */
  balance: number;
}

/** A word or theme over-represented in a brand's mentions (Dunning log-likelihood G²). */
export interface KeyTerm {
  term: string;
  /** Occurrences in the brand's mentions. */
  count: number;
  /** Occurrences per 10,000 words: in the brand's mentions, in the rest of the period. */
  ratePerTenThousand: number;
  referenceRatePerTenThousand: number;
  logLikelihood: number;
  trace: Trace;
}

export interface BrandReputation {
  id: string;
  name: string;
  own: boolean;
  mentions: Figure;
  tone: Tone;
  keyTerms: KeyTerm[];
  keyThemes: KeyTerm[];
}

export interface PersonReputation {
  id: string;
  name: string;
  role: string;
  organisation: string | null;
  mentions: Figure;
  tone: Tone;
}

export interface ChannelRow {
  channel: string;
  mentions: Figure;
  /** Of them, published by the company's own relays. */
  ownVoice: Figure;
  /** Talk about the brand and no company voice on this channel. */
  absent: boolean;
}

export interface CountRow {
  key: string;
  label: string;
  count: Figure;
}

export interface ShareRow extends CountRow {
  own: boolean;
  share: number;
}

export interface OwnMessage {
  title: string;
  url: string | null;
  relay: string;
  publishedAt: string;
  /** Mentions of the story by relays other than internal ones. */
  amplifiers: number;
}

/** A voice of the media sphere: a source or an author, classed by the stakeholders section. */
export interface RelayRow {
  key: string;
  name: string;
  kind: StakeholderKind;
  stakeholder: string | null;
  mentions: Figure;
  reach: number;
  tone: Tone;
  /** Stories of two mentions or more this voice published first, and those it joined later. */
  broke: number;
  amplified: number;
}

export interface StakeholderRow {
  id: string;
  name: string;
  kind: StakeholderKind;
  /** Mentions of the brands this relay published. */
  voice: Figure;
  /** Mentions naming this relay's watchlist people (its visibility). */
  visibility: Figure | null;
  tone: Tone;
  channels: string[];
}

export interface StoryRef {
  title: string;
  url: string | null;
  source: string;
  count: number;
}

export interface Episode {
  kind: 'spike' | 'negative';
  /** First and last UTC day (YYYY-MM-DD). */
  start: string;
  end: string;
  peak: number;
  baseline: number;
  count: Figure;
  stories: StoryRef[];
  /** The first mention by an internal relay at or after the start, within the period. */
  firstAnswer: { relay: string; channel: string; at: string; hoursAfter: number; title: string; url: string | null } | null;
  /** The first firing, from the start to a day after the end, of an alert rule that covers the brands; null: none fired. */
  firstAlert: { ruleId: string; headline: string; at: string; hoursAfter: number } | null;
}

export interface PeriodFigures {
  from: string;
  to: string;
  mentions: number;
  stories: number;
  reach: number;
  balance: number;
  /** The report brands' part of all brand mentions, 0..1. */
  share: number;
}

export type Trend = 'grew' | 'lasted' | 'faded';

export interface MentionRef {
  title: string;
  url: string | null;
  source: string;
  author: string | null;
  channel: string;
  publishedAt: string;
  reach: number;
  score: number;
}

/** A question for the workshop, drawn from one finding: a key and its values, worded per language. */
export type Question =
  /** `alert`: absent when no alert rule covers the brands (or the history was not read), null when none fired. */
  | { kind: 'negative-surge'; day: string; peak: number; baseline: number; answer: Episode['firstAnswer']; alert?: Episode['firstAlert'] }
  | { kind: 'absent-channel'; channel: string; mentions: number }
  | { kind: 'target-missed'; name: string }
  | { kind: 'messages-unamplified'; total: number; unamplified: number }
  | { kind: 'measure-faded'; measure: string; current: number; before: number }
  | { kind: 'person-negative'; name: string; balance: number; mentions: number };

/** The pre-read: every figure, in the order of its nine sections. Plain data (JSON-able). */
export interface PreReadReport {
  language: ReportLanguage;
  generatedAt: string;
  window: { from: string; to: string };
  previousWindow: { from: string; to: string };
  brands: { id: string; name: string }[];
  /** The query that selects the report's mentions (`brand:acme`). */
  scopeQuery: string;
  /** No mention of the brands in the period. */
  empty: boolean;
  summary: { mentions: Compared; stories: Compared; reach: Compared; balance: Compared };
  reputation: { brands: BrandReputation[]; people: PersonReputation[] };
  presence: { volume: { day: string; count: number; ownVoice: number }[]; channels: ChannelRow[]; languages: CountRow[] };
  influence: { shareOfVoice: ShareRow[]; tier1: Figure; tier1Sources: string[]; ownMessages: { stories: Figure; amplified: number; amplifiers: number; top: OwnMessage[] } };
  mobilisation: { sources: RelayRow[]; authors: RelayRow[]; stakeholders: StakeholderRow[] };
  /** `alertRules`: the alert rules that cover the brands; null when the alert history was not read. */
  reaction: { episodes: Episode[]; alertRules: string[] | null };
  endurance: { periods: PeriodFigures[]; trends: { measure: keyof Omit<PeriodFigures, 'from' | 'to'>; trend: Trend }[]; themes: { name: string; counts: number[]; trend: Trend }[] };
  notable: { positive: MentionRef[]; negative: MentionRef[] };
  questions: Question[];
}
