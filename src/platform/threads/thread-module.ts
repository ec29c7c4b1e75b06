import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { workerData } from 'node:worker_threads';

/** What a thread started through `threadModule` receives as `workerData`. */
interface ThreadEnvelope<T> {
  /** The TypeScript module to load (from the sources), or null (the built package starts the module itself). */
  entry: string | null;
  /** The name the thread takes where the system shows thread names (see `threadData`). */
  thread: string;
  data: T;
}

/** The file a worker thread starts on, and the `workerData` to give it (for `new Worker` or a pool). */
export interface ThreadModule<T> {
  filename: string;
  workerData: ThreadEnvelope<T>;
}

/**
 * How to start a worker thread on the module `name` beside `base` (the caller's `import.meta.url`):
 * in the built package, the compiled `name.js` itself; from the TypeScript sources (tsx, vitest),
 * `tsx-thread-entry.mjs`, which registers tsx's loader in the thread and then imports `name.ts`
 * (tsx is a dev dependency, present wherever the sources run) and re-exports its default export,
 * so a pool's task function works the same both ways. The thread reads `data` with `threadData()`.
 */
export function threadModule<T>(base: string, name: string, data: T): ThreadModule<T> {
  const thread = threadName(name);
  if (!base.endsWith('.ts')) return { filename: fileURLToPath(new URL(`./${name}.js`, base)), workerData: { entry: null, thread, data } };
  return {
    filename: fileURLToPath(new URL('./tsx-thread-entry.mjs', import.meta.url)),
    workerData: { entry: new URL(`./${name}.ts`, base).href, thread, data },
  };
}

/** `hw-` and the module's name without `-worker`, within the 15 characters Linux keeps: `hw-enrich`, `hw-fts`, `hw-sqlite-read`. */
function threadName(module: string): string {
  return `hw-${module.replace(/-worker$/, '')}`.slice(0, 15);
}

let named = false;

/**
 * In a thread started through `threadModule`: the data its starter gave. The first call also names
 * the thread (`threadName`) where the system shows thread names, so that `top -H`, `ps -L` and
 * `/proc/<pid>/task/<tid>/comm` tell hubwatch's threads apart (on Linux; elsewhere the name is
 * only left out).
 */
export function threadData<T>(): T {
  const envelope = workerData as ThreadEnvelope<T>;
  if (!named) {
    named = true;
    try {
      writeFileSync('/proc/thread-self/comm', envelope.thread);
    } catch {
      // Not Linux, or /proc not mounted: a name only helps reading the system's thread lists.
    }
  }
  return envelope.data;
}
