import { IndexError } from '../../core/errors.js';

const RETRYABLE = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_PROTOCOL']);

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Turns a better-sqlite3 error into an `IndexError`: busy/locked (another writer), full (disk or size
 * cap) and I/O errors are retryable; anything else (a corrupt file, a bug) is not.
 */
export function toIndexError(error: unknown, action: string): IndexError {
  if (error instanceof IndexError) return error;
  const code = codeOf(error) ?? 'unknown';
  const base = code.split('_').slice(0, 2).join('_');
  const retryable = RETRYABLE.has(code) || RETRYABLE.has(base);
  const hint =
    base === 'SQLITE_FULL'
      ? 'the disk or the database size cap is full; free space and retry'
      : base === 'SQLITE_BUSY' || base === 'SQLITE_LOCKED'
        ? 'another process holds the database; retry'
        : (error as Error | null)?.message ?? String(error);
  return new IndexError(`sqlite index: ${action} failed (${code}): ${hint}`, {
    reason: code.toLowerCase().replace(/_/g, '-'),
    retryable,
    cause: error,
  });
}
