import { collapse } from './html-to-text.js';

/** Longest title made from a post's text (posts have no title of their own). */
export const TEXT_TITLE_CHARS = 140;

const ELLIPSIS = '…';

/**
 * A title taken from the start of a text, as one line. The whole text when it fits in `limit`
 * characters; otherwise it is cut at the last word boundary before the limit (a single word longer
 * than the limit is cut inside it) and ends with an ellipsis, so a reader sees that it was cut.
 */
export function titleFromText(text: string, limit: number = TEXT_TITLE_CHARS): string {
  const line = collapse(text.replace(/\s*\n\s*/g, ' '));
  if (line.length <= limit) return line;
  // Room for the ellipsis; the character at `room` tells whether the cut falls between words.
  const room = limit - ELLIPSIS.length;
  const head = line.slice(0, room + 1);
  const boundary = head.search(/\s\S*$/);
  const cut = /\s/.test(head.charAt(room)) ? head.slice(0, room) : boundary > 0 ? head.slice(0, boundary) : line.slice(0, room);
  // Never leave half of a surrogate pair (an emoji) at the cut.
  const whole = cut.replace(/[\ud800-\udbff]$/, '');
  return `${whole.replace(/[\s,;:\-–—(]+$/u, '') || whole}${ELLIPSIS}`;
}
