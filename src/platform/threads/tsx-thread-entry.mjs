// The entry of a worker thread started from the TypeScript sources (see thread-module.ts): tsx's
// loader is registered in this thread first, then the module is loaded and its task functions
// (default export, for pools) handed on.
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
const loaded = await import(workerData.entry);
export default loaded.default;
// Named task functions (piscina's `name` option) of the thread modules that have them; an ES
// module cannot re-export names it only learns at run time, so each is listed here.
export const parseFeed = loaded.parseFeed;
