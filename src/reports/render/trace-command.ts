import type { Trace } from '../report-model.js';

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function timeArg(iso: string): string {
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** The command that lists the mentions behind a figure (its total is the count). */
export function searchCommand(trace: Trace): string {
  return `hubwatch search ${shellQuote(trace.query)} --from ${timeArg(trace.from)} --to ${timeArg(trace.to)}`;
}

/** An outside URL kept only when it is http(s); anything else (javascript:, data:) is dropped. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
