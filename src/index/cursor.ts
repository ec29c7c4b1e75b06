import { UserInputError } from '../core/errors.js';

/** Where the next page starts: after (published, tie-breaker) by date, or at an offset by relevance. */
export type CursorState =
  | { sort: 'date'; published: number; after: string }
  | { sort: 'relevance'; offset: number; snapshot: string };

/** Encodes a page position as an opaque, URL-safe string. */
export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

/** Decodes a cursor made by `encodeCursor` for the same sort order; `UserInputError` otherwise. */
export function decodeCursor(cursor: string, sort: 'date' | 'relevance'): CursorState {
  let state: unknown;
  try {
    state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new UserInputError('invalid cursor: pass back the nextCursor of a previous page', 'invalid-cursor');
  }
  const valid =
    typeof state === 'object' &&
    state !== null &&
    (sort === 'date'
      ? (state as CursorState).sort === 'date' &&
        Number.isFinite((state as { published: unknown }).published) &&
        typeof (state as { after: unknown }).after === 'string'
      : (state as CursorState).sort === 'relevance' &&
        Number.isInteger((state as { offset: unknown }).offset) &&
        (state as { offset: number }).offset >= 0 &&
        typeof (state as { snapshot: unknown }).snapshot === 'string');
  if (!valid) throw new UserInputError(`invalid cursor for sort by ${sort}: pass back the nextCursor of a previous page with the same sort`, 'invalid-cursor');
  return state as CursorState;
}
