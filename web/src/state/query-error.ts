/** A query refused by the API: its message and, when the parser knows it, the 0-based offset. */
export interface QueryError {
  query: string;
  message: string;
  position: number | undefined;
}

/** The span to underline for an error at `position`: the token there (to the next space or bracket), at least one character. */
export function errorSpan(query: string, position: number): { start: number; end: number } {
  const start = Math.max(0, Math.min(position, query.length));
  let end = start;
  while (end < query.length && !/[\s()]/.test(query[end] ?? '')) end++;
  return { start, end: Math.max(end, Math.min(start + 1, query.length)) };
}
