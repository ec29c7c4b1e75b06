// Preloaded (`node --import`) into a timed `hubwatch run --once` by the cli-once case's `--cli-threads`:
// samples every thread's CPU time (Linux /proc) and writes the last reading of each thread, by
// name, to the file in HUBWATCH_BENCH_THREAD_CPU when the process exits. hubwatch names its own
// threads (hw-enrich, hw-fts, hw-sqlite-read); the others are Node's and V8's (compiler, garbage
// collector, libuv). A thread that ends before the process has its last sample, at most 25 ms old.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { setInterval } from 'node:timers';
import { isMainThread } from 'node:worker_threads';

const out = process.env.HUBWATCH_BENCH_THREAD_CPU;
if (isMainThread && out) {
  const ticksPerSecond = 100;
  const threads = new Map();
  const sample = () => {
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const name = tid === String(process.pid) ? 'main' : readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
        threads.set(tid, { name, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond });
      } catch {
        // The thread ended between the listing and the read.
      }
    }
  };
  setInterval(sample, 25).unref();
  process.on('exit', () => {
    sample();
    writeFileSync(out, JSON.stringify([...threads.values()]));
  });
}
