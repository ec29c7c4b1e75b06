/** A sentence of a text field, as offsets into that field. */
export interface SentenceSpan {
  start: number;
  end: number;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x202f || code === 0x2009 || code === 0x3000;
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 0xc0 && code < 0x2000 && code !== 0xd7 && code !== 0xf7);
}

function isUpperOrDigit(code: number): boolean {
  if (code >= 48 && code <= 57) return true;
  if (code >= 65 && code <= 90) return true;
  if (code < 128) return code === 34 || code === 39 || code === 40 || code === 45;
  const ch = String.fromCharCode(code);
  return ch !== ch.toLowerCase() || '«“‘—–'.includes(ch) || code >= 0x2e80;
}

/**
 * Splits text into sentences: at line breaks, and after ".", "!", "?" or "…" followed by space
 * and a capital, digit or quote. A one-letter word before the period ("J.", "M.") is an initial,
 * not an end. Offsets refer to the input; leading and trailing space is trimmed from each span.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const length = text.length;
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s += 1;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e -= 1;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = 0; i < length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      push(i);
      start = i + 1;
      continue;
    }
    if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) continue;
    let j = i + 1;
    while (j < length) {
      const d = text.charCodeAt(j);
      if (d === 46 || d === 33 || d === 63 || d === 0x2026 || d === 34 || d === 0x201d || d === 0xbb || d === 41) j += 1;
      else break;
    }
    if (j >= length) break;
    const space = text.charCodeAt(j);
    if (space !== 32 && space !== 9 && space !== 0xa0 && space !== 10 && space !== 13) continue;
    let k = j;
    while (k < length && isSpace(text.charCodeAt(k))) k += 1;
    if (k < length && !isUpperOrDigit(text.charCodeAt(k))) continue;
    if (c === 46 && i >= 1 && isLetter(text.charCodeAt(i - 1)) && (i < 2 || !isLetter(text.charCodeAt(i - 2)))) continue;
    push(j);
    start = j;
    i = j - 1;
  }
  push(length);
  return spans;
}
