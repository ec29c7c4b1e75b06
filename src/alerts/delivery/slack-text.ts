/** Longest text of a section block (Slack's limit is 3,000). */
export const SECTION_MAX = 3_000;

const BROADCAST = /@(channel|here|everyone)\b/gi;
// Control characters other than tab and newline carry nothing a reader needs.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * Text from outside made inert for Slack mrkdwn: `&`, `<` and `>` escaped (so no `<!channel>`,
 * `<@U123>` or `<url|label>` can come from data), and `@here`-style words broken by a zero-width
 * space in case a client parses them.
 */
export function slackEscape(text: string): string {
  return text.replace(CONTROL, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replace(BROADCAST, '@\u200b$1');
}

/**
 * Cuts escaped text to `max` characters (an ellipsis included), never inside an entity (`&amp;`)
 * nor between the halves of a surrogate pair.
 */
export function clip(escaped: string, max: number): string {
  if (escaped.length <= max) return escaped;
  let end = max - 1;
  const amp = escaped.lastIndexOf('&', end);
  if (amp >= 0 && amp > end - 5 && escaped.indexOf(';', amp) >= end) end = amp;
  const code = escaped.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${escaped.slice(0, end)}…`;
}

/** Escapes and clips in one step. */
export function inert(text: string, max: number): string {
  return clip(slackEscape(text), max);
}

/** A link for mrkdwn from a mention's URL (http/https only), or null: `|` and `>` cannot break out. */
export function safeLinkTarget(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    const href = parsed.href.replaceAll('|', '%7C').replaceAll('<', '%3C').replaceAll('>', '%3E').replaceAll('&', '&amp;');
    return href.length > 1_000 ? null : href;
  } catch {
    return null;
  }
}
