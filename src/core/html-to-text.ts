import { Parser } from 'htmlparser2';

/** Elements whose content is never text a reader sees. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'head', 'title']);

/** Elements that end a line or a paragraph. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);

/** Cheap test: text without `<` or `&` needs no parsing. */
const MARKUP = /[<&]/;

/**
 * Turns HTML (a feed's content, a post) into plain text a person would read: script, style and
 * similar content dropped, entities decoded, block elements ending lines, whitespace collapsed
 * (runs only: rewriting every single space costs half the speed), at most one blank line in a row.
 * Robust to broken markup (htmlparser2 is tolerant); never returns HTML.
 */
export function htmlToText(html: string): string {
  if (!MARKUP.test(html)) return collapse(html);
  const parts: string[] = [];
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIPPED.has(name)) skipDepth++;
        else if (skipDepth === 0 && BLOCKS.has(name)) parts.push('\n');
      },
      onclosetag(name, isImplied) {
        if (SKIPPED.has(name)) {
          if (skipDepth > 0) skipDepth--;
        } else if (skipDepth === 0 && BLOCKS.has(name) && !(isImplied && name === 'br')) parts.push('\n');
      },
      ontext(text) {
        if (skipDepth === 0) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return collapse(parts.join(''));
}

/** Collapses whitespace: runs of spaces to one, runs of blank lines to one, trims each line. */
export function collapse(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\f\v \u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\u200b\ufeff]/g, '')
    .trim();
}

/** A title as one line of plain text (titles may carry HTML or entities in some feeds). */
export function textLine(text: string, isHtml = false): string {
  const plain = isHtml || MARKUP.test(text) ? htmlToText(text) : text;
  return collapse(plain.replace(/\s*\n\s*/g, ' '));
}
