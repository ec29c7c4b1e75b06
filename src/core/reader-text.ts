import { isUtf8 } from 'node:buffer';
import { decodeHTMLStrict } from 'entities';
import { collapse, htmlToText } from './html-to-text.js';

/**
 * Plain text as a feed reader shows it, whatever layer of escaping the feed used. Feeds escape
 * their fields inconsistently: RSS titles are HTML or text at the publisher's whim, Atom
 * `type="text"` and JSON Feed titles still arrive as `&rsquo;` or `<span>€</span>` from CMSs that
 * escape twice. The rule, after the format's own decoding: what still looks like HTML (a closing
 * tag, a known HTML element, an entity reference ending in `;`) is read as HTML once more; what does
 * not ("AT&T", "x < y", "R&D") is left exactly as it is.
 */

/** An entity reference a browser would decode: numeric, or a name ending in `;`. */
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;
/** Markup a browser would render: a closing tag, or the opening tag of a known HTML element. */
const TAG =
  /<\/[A-Za-z][\w:-]*\s*>|<(?:a|abbr|b|big|br|cite|code|del|div|em|font|h[1-6]|hr|i|img|ins|li|mark|p|q|s|small|span|strike|strong|sub|sup|u|ul|ol)(?:\s[^<>]*)?\/?>/i;
/** C1 control characters: never text; a sign of windows-1252 or UTF-8 bytes read as Latin-1. */
const C1 = /[\u0080-\u009f]/;
/** A UTF-8 multi-byte sequence spelled as Latin-1 characters. */
const MISREAD_UTF8 = /[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}|[\u00f0-\u00f4][\u0080-\u00bf]{3}/g;
/** windows-1252 for 0x80–0x9F (the five bytes it leaves undefined become nothing). */
const CP1252_C1 = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';

/** Whether text in a plain-text field still carries HTML a reader would render. */
export function looksLikeHtml(text: string): boolean {
  return (text.includes('<') && TAG.test(text)) || (text.includes('&') && ENTITY.test(text));
}

/** One more reading as HTML when the text still looks like it: tags stripped, or entities decoded. */
function unescapeOnce(text: string, allowTags: boolean): string | null {
  if (allowTags && text.includes('<') && TAG.test(text)) return htmlToText(text);
  if (text.includes('&') && ENTITY.test(text)) return decodeHTMLStrict(text);
  return null;
}

/**
 * Repairs characters that only a misdecoding produces: a UTF-8 sequence read as Latin-1 whose
 * bytes include a C1 control (`â\u0080¦` → `…`), then any C1 control left, read as windows-1252
 * (`don\u0092t` → `don’t`). Text without C1 controls is returned as it is.
 */
export function repairMisdecoded(text: string): { text: string; repaired: boolean } {
  if (!C1.test(text)) return { text, repaired: false };
  const fixed = text
    .replace(MISREAD_UTF8, (run) => {
      if (!C1.test(run)) return run;
      const bytes = Buffer.from(run, 'latin1');
      return isUtf8(bytes) ? bytes.toString('utf8') : run;
    })
    .replace(/[\u0080-\u009f]/g, (char) => CP1252_C1[char.charCodeAt(0) - 0x80]!.replace('\u0000', ''));
  return { text: fixed, repaired: true };
}

/**
 * A title or an author as one line of what a reader shows. `isHtml` when the format says the
 * field is HTML (Atom `type="html"`/`"xhtml"`); otherwise it is read as HTML only if it looks like
 * it. At most two further layers of escaping are undone (`&amp;rsquo;` in an HTML field).
 */
export function readerLine(text: string, isHtml = false): { text: string; repaired: boolean } {
  let out = isHtml ? htmlToText(text) : text;
  for (let pass = 0; pass < 2; pass += 1) {
    const next = unescapeOnce(out, true);
    if (next === null) break;
    out = next;
  }
  const repaired = repairMisdecoded(out);
  return { text: collapse(repaired.text.replace(/\s*\n\s*/g, ' ')), repaired: repaired.repaired };
}

/**
 * A body as plain text. An HTML body is converted once, then entities escaped a second time are
 * decoded (tags it shows as text, such as code samples, stay text); a plain-text body is read as
 * HTML only if it looks like it.
 */
export function readerBody(body: string, isHtml: boolean): { text: string; repaired: boolean } {
  let out = isHtml ? htmlToText(body) : body;
  const next = unescapeOnce(out, !isHtml);
  if (next !== null) out = next;
  const repaired = repairMisdecoded(out);
  return { text: next !== null || repaired.repaired || !isHtml ? collapse(repaired.text) : repaired.text, repaired: repaired.repaired };
}
