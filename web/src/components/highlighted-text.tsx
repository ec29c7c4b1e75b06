import type { Snippet } from '../api/types.js';

/**
 * A snippet as text nodes with its matches in <mark>: the text is never parsed as HTML, so a
 * snippet holding markup shows that markup as characters. Offsets outside the text, overlapping
 * or out of order are clamped or skipped rather than trusted.
 */
export function HighlightedText({ snippet }: { snippet: Snippet }) {
  const { text } = snippet;
  const parts: preact.JSX.Element[] = [];
  let at = 0;
  const ranges = [...snippet.highlights].sort((a, b) => a[0] - b[0]);
  for (const [rawStart, rawEnd] of ranges) {
    const start = Math.max(at, Math.min(rawStart, text.length));
    const end = Math.min(Math.max(rawEnd, start), text.length);
    if (end <= start) continue;
    if (start > at) parts.push(<span key={`t${at}`}>{text.slice(at, start)}</span>);
    parts.push(<mark key={`m${start}`}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(<span key={`t${at}`}>{text.slice(at)}</span>);
  return <>{parts}</>;
}
