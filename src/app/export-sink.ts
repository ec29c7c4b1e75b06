import type { ExportSink } from './export-service.js';

/**
 * A sink writing to a stream: when the stream's buffer is full it waits for `drain`, so an export
 * holds one page in memory whatever the reader's speed; false once the reader has gone.
 */
export function sinkFor(stream: NodeJS.WritableStream): ExportSink {
  let gone = false;
  const onGone = (): void => {
    gone = true;
  };
  stream.on('error', onGone);
  stream.on('close', onGone);
  return async (text) => {
    if (gone) return false;
    if (stream.write(text)) return true;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        stream.off('drain', done);
        stream.off('error', done);
        stream.off('close', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('error', done);
      stream.on('close', done);
    });
    return !gone;
  };
}
