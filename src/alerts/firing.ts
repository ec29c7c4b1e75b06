import type { AlertRuleType } from '../config/alert-rules.js';

/** One story an alert shows: the first copy of a story, with how many copies it has in the alert. */
export interface StoryLine {
  mentionId: string;
  storyId: string | null;
  title: string;
  url: string | null;
  sourceName: string;
  publishedAt: string;
  sentiment: string;
  reach: number;
  /** Copies of this story among the alert's mentions (syndicated wire stories count once). */
  copies: number;
}

/** A label and a number-bearing value: why an alert fired (`count`, `baseline`, `share`, `window`). */
export interface Fact {
  label: string;
  value: string;
}

/**
 * What one rule found at one evaluation: plain data, stored before anything is sent. `key` groups
 * firings for cooldown and digests (a rule, a source, a voice); `dedupKey` is unique per
 * (rule, mention) or (rule, window) and is never fired twice.
 */
export interface Firing {
  ruleId: string;
  type: AlertRuleType;
  key: string;
  dedupKey: string;
  /** When it was evaluated (ISO). */
  at: string;
  headline: string;
  /** Why, in numbers: "42 mentions in 1 h vs a baseline of 8.3 ± 2.1". */
  reason: string;
  facts: Fact[];
  /** Top stories, one line per story. */
  stories: StoryLine[];
  /** Mentions behind it (for a digest's total). */
  mentionCount: number;
  /** The command that shows the same mentions. */
  search: string;
}

/** A message as every notifier gets it, before any channel's formatting. */
export interface AlertMessage {
  id: string;
  ruleId: string;
  type: AlertRuleType;
  key: string;
  createdAt: string;
  headline: string;
  reason: string;
  facts: Fact[];
  stories: StoryLine[];
  search: string;
  /** Firings folded into this message (more than one: a digest). */
  firings: number;
  mentionCount: number;
  /** A sample sent by `alerts test`. */
  test?: boolean;
}
