/** A promise whose settling can be read without awaiting it. */
export function watch<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let done = false;
  const settle = (): void => {
    done = true;
  };
  promise.then(settle, settle);
  return { promise, settled: () => done };
}
