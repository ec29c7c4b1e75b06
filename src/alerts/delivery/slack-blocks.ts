import type { AlertMessage, StoryLine } from '../firing.js';
import { inert, safeLinkTarget, SECTION_MAX } from './slack-text.js';

/** Slack's limits: 50 blocks a message, 150 characters a header, 10 fields a section. */
export const SLACK_LIMITS = { blocks: 50, header: 150, fields: 10, field: 2_000, context: 2_000, fallback: 3_000 } as const;

type TextObject = { type: 'plain_text'; text: string; emoji?: boolean } | { type: 'mrkdwn'; text: string; verbatim: true };
export type SlackBlock =
  | { type: 'header'; text: TextObject }
  | { type: 'section'; text?: TextObject; fields?: TextObject[] }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'divider' };

/** The Block Kit payload of an incoming webhook. */
export interface SlackPayload {
  text: string;
  blocks: SlackBlock[];
}

const md = (text: string): TextObject => ({ type: 'mrkdwn', text, verbatim: true });

function storyLine(story: StoryLine): string {
  const title = inert(story.title || '(no title)', 300).replaceAll('|', '∣');
  const target = safeLinkTarget(story.url);
  const head = target ? `<${target}|${title}>` : title;
  const copies = story.copies > 1 ? ` · ${story.copies} copies` : '';
  return `• ${head} — ${inert(story.sourceName, 120)} · ${story.publishedAt.slice(0, 16).replace('T', ' ')} UTC · ${inert(story.sentiment, 20)}${copies}`;
}

/**
 * A message as Block Kit. Every text from outside (titles, source names, the query) goes through
 * `inert` (escaped, clipped); links are built here from mention URLs only. The block count and every
 * length stay within Slack's limits by construction: at most 4 + stories (8) blocks.
 */
export function toSlackPayload(message: AlertMessage): SlackPayload {
  const prefix = message.test ? '[test] ' : message.firings > 1 ? `[digest ×${message.firings}] ` : '';
  const headline = `${prefix}${message.headline}`;
  const blocks: SlackBlock[] = [
    // Plain text is not parsed for mentions or links; it is escaped all the same, like every text from outside.
    { type: 'header', text: { type: 'plain_text', text: inert(headline, SLACK_LIMITS.header), emoji: false } },
    { type: 'section', text: md(inert(message.reason, SECTION_MAX)) },
  ];
  if (message.facts.length > 0) {
    blocks.push({ type: 'section', fields: message.facts.slice(0, SLACK_LIMITS.fields).map((f) => md(`*${inert(f.label, 100)}*\n${inert(f.value, SLACK_LIMITS.field - 120)}`)) });
  }
  for (const story of message.stories.slice(0, 8)) blocks.push({ type: 'section', text: md(storyLine(story)) });
  const notes = [`rule \`${inert(message.ruleId, 80)}\``, `reproduce: \`${inert(message.search, SLACK_LIMITS.context - 200)}\``];
  if (message.firings > 1) notes.push(`${message.firings} alerts folded into one message (${message.mentionCount} mentions)`);
  blocks.push({ type: 'context', elements: notes.map(md) });
  return { text: inert(headline, SLACK_LIMITS.fallback), blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}
