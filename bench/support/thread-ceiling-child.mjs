// Run by the pipeline suite's `--case thread-ceiling` (thread-ceiling-case.ts): the work the
// pipeline shares between threads and nothing else, i.e. feed documents parsed, normalised and
// enriched, with no fetching, index, stories or answers beyond a count. What the best layout of
// JavaScript threads could reach. Runs the built package (dist). Prints one JSON line.
//   node thread-ceiling-child.mjs --docs DIR --watchlist FILE --layout main|split|pipeline
// main: the main thread does it all. split: two worker threads, each every other document.
// pipeline: one worker thread parses, normalises, finds entities and signs (`createTextMatcher`),
// and hands each document's items to another, which finds the language and scores sentiment
// (`createTextScorer`): each piece of code on one thread only.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import console from 'node:console';
import process from 'node:process';
import { URL } from 'node:url';
import { isMainThread, MessageChannel, parentPort, Worker, workerData } from 'node:worker_threads';

const dist = new URL('../../dist/', import.meta.url);
const load = (path) => import(new URL(path, dist).href);

/** Parses, normalises, finds entities and signs each document in turn, handing its matched items to `next`. */
async function matchDocuments(files, watchlistFile, next) {
  const { answerFeedParse } = await load('connectors/rss/threaded-feed-parse.js');
  const { createTextMatcher } = await load('enrich/create-enricher.js');
  const { watchlistSchema } = await load('config/watchlist.js');
  const match = createTextMatcher(watchlistSchema.parse(JSON.parse(readFileSync(watchlistFile, 'utf8'))));
  for (const file of files) {
    const source = { id: file, name: file, channel: 'news', url: `http://127.0.0.1/${file}` };
    const answer = await answerFeedParse({ text: readFileSync(file, 'utf8'), feedUrl: source.url, where: file, normalise: { source, now: Date.now() } });
    if (!answer.ok) throw new Error(`${file}: ${answer.error.message}`);
    next(answer.normalised.items.map((item) => match({ title: item.title, text: item.text, languageHint: item.languageHint })));
  }
}

/** A scorer that counts what it finishes: mentions, and entities (a check that every layout did the same work). */
async function scoreCounting() {
  const { createTextScorer } = await load('enrich/create-enricher.js');
  const score = createTextScorer();
  const totals = { mentions: 0, entities: 0 };
  return {
    totals,
    score(matched) {
      for (const item of matched) totals.entities += score(item).entities.length;
      totals.mentions += matched.length;
    },
  };
}

/** The whole work on this thread. */
async function all(files, watchlistFile) {
  const scorer = await scoreCounting();
  await matchDocuments(files, watchlistFile, (matched) => scorer.score(matched));
  return scorer.totals;
}

function thread(data, transferList = []) {
  return new Promise((done, fail) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: data, transferList });
    worker.once('message', done);
    worker.once('error', fail);
  });
}

if (isMainThread) {
  const started = performance.now();
  const arg = (name) => process.argv[process.argv.indexOf(name) + 1];
  const [docs, watchlist, layout] = [arg('--docs'), arg('--watchlist'), arg('--layout')];
  const files = readdirSync(docs).sort().map((name) => join(docs, name));
  let results;
  if (layout === 'main') results = [await all(files, watchlist)];
  else if (layout === 'split') results = await Promise.all([0, 1].map((t) => thread({ role: 'all', files: files.filter((_, i) => i % 2 === t), watchlist })));
  else if (layout === 'pipeline') {
    const { port1, port2 } = new MessageChannel();
    thread({ role: 'match', files, watchlist, port: port1 }, [port1]).catch((error) => {
      console.error(error);
      process.exit(1);
    });
    results = [await thread({ role: 'score', documents: files.length, port: port2 }, [port2])];
  } else throw new Error(`--layout: main, split or pipeline, not ${layout}`);
  const mentions = results.reduce((sum, r) => sum + r.mentions, 0);
  const entities = results.reduce((sum, r) => sum + r.entities, 0);
  console.log(JSON.stringify({ mentions, entities, workSeconds: (performance.now() - started) / 1000 }));
  process.exit(0);
} else if (workerData.role === 'all') {
  parentPort.postMessage(await all(workerData.files, workerData.watchlist));
} else if (workerData.role === 'match') {
  await matchDocuments(workerData.files, workerData.watchlist, (matched) => workerData.port.postMessage(matched));
  parentPort.postMessage(null);
} else {
  const scorer = await scoreCounting();
  let documents = 0;
  workerData.port.on('message', (matched) => {
    scorer.score(matched);
    if (++documents === workerData.documents) parentPort.postMessage(scorer.totals);
  });
}
