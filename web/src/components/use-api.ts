import { useEffect, useState } from 'preact/hooks';
import { isAbort } from '../api/client.js';

/** Loads once on mount: `{ data }` when answered, `{ error }` when it failed. */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>): { data: T | null; error: string | null } {
  const [result, setResult] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setResult({ data, error: null }),
      (error: unknown) => !isAbort(error) && setResult({ data: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => controller.abort();
  }, []);
  return result;
}
