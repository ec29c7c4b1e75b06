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
/** windows-1252 for 0x80–0x9F (the five bytes it leaves undefined are kept as C1 controls). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
/** The byte each character of CP1252_HIGH stands for. */
const CP1252_BYTE = new Map([...CP1252_HIGH].map((char, i) => [char, 0x80 + i]));
/** A byte 0x80–0x9F as a C1 control or as windows-1252 read it; a byte 0x80–0xBF (a UTF-8 continuation). */
const HIGH = `\u0080-\u009f${CP1252_HIGH}`;
const CONT = `\u0080-\u00bf${CP1252_HIGH}`;
/** A UTF-8 sequence whose bytes were read one by one as windows-1252 or Latin-1, with a byte 0x80–0x9F among them. */
const MISREAD_UTF8 = new RegExp(`[\u00c2-\u00df][${CONT}]|[\u00e0-\u00ef][${CONT}]{2}|[\u00f0-\u00f4][${CONT}]{3}`, 'g');
const MISREAD_HINT = new RegExp(`[\u00c2-\u00f4][${HIGH}]|[\u0080-\u009f]`);
const HAS_HIGH = new RegExp(`[${HIGH}]`);
const C1 = /[\u0080-\u009f]/;

function bytesOf(run: string): Buffer {
  return Buffer.from([...run].map((char) => CP1252_BYTE.get(char) ?? char.charCodeAt(0)));
}

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
 * Repairs characters only a misdecoding produces: a UTF-8 sequence read byte by byte as
 * windows-1252 or Latin-1 with a byte 0x80–0x9F among them (`â€¦` or `â\u0080¦` → `…`, `â€™` →
 * `’`), then any C1 control left, read as windows-1252 (`don\u0092t` → `don’t`). Genuine text can
 * hold two-character runs (`CAFÉ…`, `Ã©`): those are repaired only when a C1 control proves them
 * misread; nothing here guesses.
 */
export function repairMisdecoded(text: string): { text: string; repaired: boolean } {
  if (!MISREAD_HINT.test(text)) return { text, repaired: false };
  let repaired = false;
  const fixed = text
    .replace(MISREAD_UTF8, (run) => {
      // Two-byte runs (`É…`, `Ü”`) occur in genuine text: only a C1 control proves those misread.
      if (run.length === 2 ? !C1.test(run) : !HAS_HIGH.test(run.slice(1))) return run;
      const bytes = bytesOf(run);
      if (!isUtf8(bytes)) return run;
      repaired = true;
      return bytes.toString('utf8');
    })
    .replace(/[\u0080-\u009f]/g, (char) => {
      repaired = true;
      const mapped = CP1252_HIGH[char.charCodeAt(0) - 0x80]!;
      return mapped === char ? '' : mapped;
    });
  return { text: fixed, repaired };
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
