/**
 * Test helper process: takes the index-writer lock of the index at argv[2], prints `held` (or the
 * refusal) on stdout, and holds it until SIGTERM (released, exit 0) or SIGKILL.
 */
import { acquireIndexWriterLock } from '../../src/index/sqlite/index-writer-lock.js';

try {
  const lock = acquireIndexWriterLock(process.argv[2]!);
  process.stdout.write(`held ${JSON.stringify(lock.holder)}\n`);
  const keepAlive = setInterval(() => undefined, 60_000);
  process.once('SIGTERM', () => {
    lock.release();
    clearInterval(keepAlive);
    process.exit(0);
  });
} catch (error) {
  process.stdout.write(`refused ${(error as Error).message}\n`);
  process.exit(3);
}
