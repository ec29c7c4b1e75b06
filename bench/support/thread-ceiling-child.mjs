// Run by the pipeline suite's `--case thread-ceiling` (thread-ceiling-case.ts): the work the
// pipeline shares between threads and nothing else, i.e. feed documents parsed, normalised and
// enriched, with no fetching, index, stories or answers beyond a count. What the best layout of
// JavaScript threads could reach. Runs the built package (dist). Prints one JSON line.
//   node thread-ceiling-child.mjs --docs DIR --watchlist FILE --layout main|split|pipeline [--passes N]
// main: the main thread does it all. split: two worker threads, each every other document.
// pipeline: one worker thread parses, normalises, finds entities and signs (`createTextMatcher`),
// and hands each document's items to another, which finds the language and scores sentiment
// (`createTextScorer`): each piece of code on one thread only. With `--passes N`, the same
// documents go through the same threads N times, one pass after the other (pass 2 on: warm code).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import console from 'node:console';
import process from 'node:process';
import { URL } from 'node:url';
import { isMainThread, MessageChannel, parentPort, Worker, workerData } from 'node:worker_threads';

const dist = new URL('../../dist/', import.meta.url);
const load = (path) => import(new URL(path, dist).href);

/** Parses, normalises, finds entities and signs documents, handing each document's matched items to `next`. */
async function documentMatcher(watchlistFile) {
  const { answerFeedParse } = await load('connectors/rss/threaded-feed-parse.js');
  const { createTextMatcher } = await load('enrich/create-enricher.js');
  const { watchlistSchema } = await load('config/watchlist.js');
  const match = createTextMatcher(watchlistSchema.parse(JSON.parse(readFileSync(watchlistFile, 'utf8'))));
  return async (files, next) => {
    for (const file of files) {
      const source = { id: file, name: file, channel: 'news', url: `http://127.0.0.1/${file}` };
      const answer = await answerFeedParse({ text: readFileSync(file, 'utf8'), feedUrl: source.url, where: file, normalise: { source, now: Date.now() } });
      if (!answer.ok) throw new Error(`${file}: ${answer.error.message}`);
      next(answer.normalised.items.map((item) => match({ title: item.title, text: item.text, languageHint: item.languageHint })));
    }
  };
}

/** Scores matched items, counting mentions and entities (a check that every layout did the same work). */
async function countingScorer() {
  const { createTextScorer } = await load('enrich/create-enricher.js');
  const score = createTextScorer();
  return (matched, totals) => {
    for (const item of matched) totals.entities += score(item).entities.length;
    totals.mentions += matched.length;
  };
}

/** The whole work on one thread: a function that runs one pass over `files`. */
async function wholeWork(watchlistFile) {
  const [matchDocuments, score] = await Promise.all([documentMatcher(watchlistFile), countingScorer()]);
  return async (files) => {
    const totals = { mentions: 0, entities: 0 };
    await matchDocuments(files, (matched) => score(matched, totals));
    return totals;
  };
}

/** A worker thread on this file, and a function that asks it for one pass and resolves with its answer. */
function startThread(data, transferList = []) {
  const worker = new Worker(new URL(import.meta.url), { workerData: data, transferList });
  let waiting;
  worker.on('message', (answer) => waiting?.done(answer));
  worker.on('error', (error) => {
    if (waiting) waiting.fail(error);
    else {
      console.error(error);
      process.exit(1);
    }
  });
  return (pass) =>
    new Promise((done, fail) => {
      waiting = { done, fail };
      worker.postMessage(pass);
    });
}

if (isMainThread) {
  const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const [docs, watchlist, layout] = [arg('--docs'), arg('--watchlist'), arg('--layout')];
  const passes = Number(arg('--passes') ?? 1);
  const files = readdirSync(docs).sort().map((name) => join(docs, name));
  let runPass;
  if (layout === 'main') {
    const work = await wholeWork(watchlist);
    runPass = async () => [await work(files)];
  } else if (layout === 'split') {
    const threads = [0, 1].map((t) => startThread({ role: 'whole', files: files.filter((_, i) => i % 2 === t), watchlist }));
    runPass = (pass) => Promise.all(threads.map((thread) => thread(pass)));
  } else if (layout === 'pipeline') {
    const { port1, port2 } = new MessageChannel();
    const matcher = startThread({ role: 'match', files, watchlist, port: port1 }, [port1]);
    const scorer = startThread({ role: 'score', documents: files.length, port: port2 }, [port2]);
    runPass = async (pass) => {
      const [, totals] = await Promise.all([matcher(pass), scorer(pass)]);
      return [totals];
    };
  } else throw new Error(`--layout: main, split or pipeline, not ${layout}`);
  // The first pass counts from the process's start: loading the code is part of a cold pass.
  let from = 0;
  const passSeconds = [];
  let results = [];
  for (let pass = 1; pass <= passes; pass++) {
    results = await runPass(pass);
    const now = performance.now();
    passSeconds.push((now - from) / 1000);
    from = now;
  }
  const mentions = results.reduce((sum, r) => sum + r.mentions, 0);
  const entities = results.reduce((sum, r) => sum + r.entities, 0);
  console.log(JSON.stringify({ mentions, entities, passSeconds }));
  process.exit(0);
} else if (workerData.role === 'whole') {
  const work = await wholeWork(workerData.watchlist);
  parentPort.on('message', async () => parentPort.postMessage(await work(workerData.files)));
} else if (workerData.role === 'match') {
  const matchDocuments = await documentMatcher(workerData.watchlist);
  parentPort.on('message', async () => {
    await matchDocuments(workerData.files, (matched) => workerData.port.postMessage(matched));
    parentPort.postMessage(null);
  });
} else {
  const score = await countingScorer();
  let totals = { mentions: 0, entities: 0 };
  let documents = 0;
  // A pass ends when the matcher's documents have all been scored, whichever of the two hears first.
  let passAsked = false;
  const finish = () => {
    if (!passAsked || documents < workerData.documents) return;
    parentPort.postMessage(totals);
    totals = { mentions: 0, entities: 0 };
    documents = 0;
    passAsked = false;
  };
  parentPort.on('message', () => {
    passAsked = true;
    finish();
  });
  workerData.port.on('message', (matched) => {
    score(matched, totals);
    documents++;
    finish();
  });
}
