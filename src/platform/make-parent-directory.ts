import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Creates the folders a file path needs, one level at a time, and throws the first refusal
 * (ENOENT, EACCES, ENOTDIR…) with the folder it concerns.
 *
 * Not `mkdirSync(dir, { recursive: true })`: on Node 20 that loops forever at full CPU when a
 * level cannot be created and does not exist (any folder under `/proc`, for one).
 */
export function makeParentDirectory(filePath: string): void {
  const missing: string[] = [];
  let current = dirname(resolve(filePath));
  for (;;) {
    try {
      if (statSync(current).isDirectory()) break;
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${current}'`), { code: 'ENOTDIR', path: current });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(current);
      const parent = dirname(current);
      if (parent === current) throw error;
      current = parent;
    }
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
