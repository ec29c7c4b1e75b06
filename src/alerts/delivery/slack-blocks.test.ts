import { describe, expect, it } from 'vitest';
import type { AlertMessage, StoryLine } from '../firing.js';
import { SLACK_LIMITS, toSlackPayload, type SlackBlock } from './slack-blocks.js';
import { clip, slackEscape } from './slack-text.js';

const HOSTILE = '*URGENT* <!channel> <!here> <@U024BE7LH> <#C123|general> <https://evil.example/phish|Click here> @here @channel & more';

function story(title: string, url: string | null = 'https://news.example/a?x=1&y=2'): StoryLine {
  return { mentionId: 'm', storyId: null, title, url, sourceName: '<!everyone> Wire', publishedAt: '2026-11-30T12:00:00.000Z', sentiment: 'negative', reach: 1, copies: 1 };
}

function message(overrides: Partial<AlertMessage> = {}): AlertMessage {
  return {
    id: 'm1', ruleId: 'acme', type: 'match', key: 'all', createdAt: '2026-11-30T12:00:00.000Z', headline: `New mention: ${HOSTILE}`,
    reason: HOSTILE, facts: [{ label: 'source', value: HOSTILE }], stories: [story(HOSTILE)], search: "hubwatch search 'brand:acme'", firings: 1, mentionCount: 1, ...overrides,
  };
}

/** Every text object of a payload. */
function texts(blocks: SlackBlock[]): { type: string; text: string }[] {
  return blocks.flatMap((b) => (b.type === 'header' ? [b.text] : b.type === 'section' ? [...(b.text ? [b.text] : []), ...(b.fields ?? [])] : b.type === 'context' ? b.elements : []));
}

describe('Slack Block Kit payloads from hostile data', () => {
  it('escapes &, < and >: no broadcast, user, channel or link syntax comes from data', () => {
    const payload = toSlackPayload(message());
    const all = JSON.stringify(payload);
    for (const bad of ['<!channel>', '<!here>', '<!everyone>', '<@U024BE7LH>', '<#C123', '<https://evil.example']) expect(all).not.toContain(bad);
    expect(all).toContain('&lt;!channel&gt;');
    // `@here` typed as text is broken by a zero-width space, and mrkdwn is never re-parsed (verbatim).
    expect(all).not.toMatch(/@(here|channel|everyone)\b/);
    for (const t of texts(payload.blocks)) if (t.type === 'mrkdwn') expect(t).toMatchObject({ verbatim: true });
    // The only link is the one built from the mention's own URL, its `&` escaped.
    const links = [...all.matchAll(/<(https?:[^|>]*)\|/g)].map((m) => m[1]);
    expect(links).toEqual(['https://news.example/a?x=1&amp;y=2']);
  });

  it('a link target cannot break out: `|` and `>` in a URL are encoded, other schemes dropped', () => {
    const payload = toSlackPayload(message({ stories: [story('T', 'https://news.example/a|b>c'), story('J', 'javascript:alert(1)')] }));
    const all = JSON.stringify(payload);
    expect(all).toContain('<https://news.example/a%7Cb%3Ec|T>');
    expect(all).not.toContain('javascript:');
  });

  it('stays within 50 blocks and 3,000 characters a section, whatever the size of the data', () => {
    const huge = `${'&<>'.repeat(20_000)}😀`.repeat(2);
    const payload = toSlackPayload(message({
      headline: huge, reason: huge, facts: Array.from({ length: 40 }, () => ({ label: huge, value: huge })),
      stories: Array.from({ length: 500 }, () => story(huge)), search: huge, firings: 500,
    }));
    expect(payload.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    for (const block of payload.blocks) {
      if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
      if (block.type === 'section') {
        if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3_000);
        expect((block.fields ?? []).length).toBeLessThanOrEqual(10);
        for (const f of block.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2_000);
      }
    }
    expect(payload.text.length).toBeLessThanOrEqual(3_000);
    // Clipping never leaves half an entity or half a surrogate pair.
    for (const t of texts(payload.blocks)) expect(t.text).not.toMatch(/&(a|am|amp|l|lt|g|gt)?…/);
  });

  it('clip cuts before an entity or a surrogate pair, never inside', () => {
    expect(clip(slackEscape('ab&cd'), 4)).toBe('ab…');
    expect(clip('ab😀cd', 4)).toBe('ab…');
    expect(clip('short', 10)).toBe('short');
  });
});
