/**
 * Start-up benchmark: `npm run bench -- --suite startup [--runs 15] [--no-build] [--vs DIR] [--keep]`.
 * Builds the package (`npm run build`, unless --no-build), fills a sample index once in a scratch
 * folder (`hubwatch run --once` on the bundled sample feeds, untimed), then times each command as
 * a whole process, `node bin/hubwatch.js ARGS` from spawn to exit, `--runs` times, and prints the
 * median and p95 wall time and the median CPU time (user + system, from /proc on Linux). With `--vs DIR` (another checkout of hubwatch, built) the two are run
 * alternately, DIR first, in the same scratch folder, and each pair's ratio new/old is summarised.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { argValue, percentile } from './support/measure.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The commands timed: the issue's goals first (--help, config check < 150 ms; search < 300 ms). */
const COMMANDS: readonly { name: string; args: string[]; goalMs?: number }[] = [
  { name: '--help', args: ['--help'], goalMs: 150 },
  { name: 'config check', args: ['config', 'check'], goalMs: 150 },
  { name: 'search', args: ['search', 'Acme AND sentiment:negative'], goalMs: 300 },
  { name: '--version', args: ['--version'] },
  { name: 'stats sov', args: ['stats', 'sov'] },
  { name: 'sources list', args: ['sources', 'list'] },
];

const TICK_MS = 10; // /proc's clock ticks (USER_HZ 100)

/** CPU milliseconds (user + system) of this process's children that have exited, from /proc; null where there is no /proc. */
function childrenCpuMs(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

/** One run of a command: wall time from spawn to exit and the child's CPU time (NaN without /proc), in ms. */
interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** Runs `node ROOT/bin/hubwatch.js ARGS` in `cwd` (`node -e ''` without a root) and times it, or throws with its stderr. */
function timeCommand(root: string | null, args: readonly string[], cwd: string): Timing {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const result = spawnSync(process.execPath, root ? [join(root, 'bin/hubwatch.js'), ...args] : ['-e', ''], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HUBWATCH_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const wallMs = performance.now() - started;
  const cpuAfter = childrenCpuMs();
  if (result.status !== 0) throw new Error(`${root}: hubwatch ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { wallMs, cpuMs: cpuBefore === null || cpuAfter === null ? NaN : cpuAfter - cpuBefore };
}

function build(root: string): void {
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${root}: npm run build failed`);
}

/** A scratch folder holding the default configuration and the sample index it fills. */
function sampleFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hubwatch-bench-startup-'));
  mkdirSync(join(dir, 'config'));
  copyFileSync(join(ROOT, 'config/hubwatch.yaml'), join(dir, 'config/hubwatch.yaml'));
  const fill = spawnSync(process.execPath, [join(ROOT, 'bin/hubwatch.js'), 'run', '--once'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (fill.status !== 0) throw new Error(`filling the sample index failed: ${fill.stderr}`);
  return dir;
}

const ms = (n: number): string => `${n.toFixed(0)} ms`;
const median = (values: readonly number[]): number => percentile([...values].sort((a, b) => a - b), 50);

export async function run(argv: string[]): Promise<void> {
  const runs = Number(argValue(argv, '--runs') ?? 15);
  const vs = argValue(argv, '--vs');
  const old = vs ? resolve(vs) : undefined;
  if (old && !existsSync(join(old, 'bin/hubwatch.js'))) throw new Error(`--vs ${old}: no bin/hubwatch.js there`);
  if (!argv.includes('--no-build')) {
    build(ROOT);
    if (old) build(old);
  }
  const dir = sampleFolder();
  console.log(`load average at start: ${loadavg().map((n) => n.toFixed(2)).join(' ')} (other processes share the CPUs: compare medians taken alternately)`);
  console.log(`startup bench: ${runs} runs per command, ${cpus().length} CPUs, Node ${process.version}${old ? `, alternated with ${old} (old first)` : ''}`);
  try {
    // One untimed run of each warms the file cache for both builds.
    for (const command of COMMANDS) {
      if (old) timeCommand(old, command.args, dir);
      timeCommand(ROOT, command.args, dir);
    }
    // The floor: Node starting and exiting with nothing to run, on this machine at this moment.
    const floor = Array.from({ length: runs }, () => timeCommand(null, [], dir));
    const floorWall = floor.map((run) => run.wallMs).sort((a, b) => a - b);
    console.log(`${"node -e ''".padEnd(14)} median ${ms(median(floorWall))}, p95 ${ms(percentile(floorWall, 95))}, CPU median ${ms(median(floor.map((run) => run.cpuMs)))} (Node alone)`);
    for (const command of COMMANDS) {
      const fresh: Timing[] = [];
      const before: Timing[] = [];
      for (let i = 0; i < runs; i += 1) {
        if (old) before.push(timeCommand(old, command.args, dir));
        fresh.push(timeCommand(ROOT, command.args, dir));
      }
      const wall = fresh.map((run) => run.wallMs);
      const sorted = [...wall].sort((a, b) => a - b);
      const goal = command.goalMs ? `, goal < ${command.goalMs} ms: ${median(wall) < command.goalMs ? 'met' : 'NOT met'}` : '';
      let line = `${command.name.padEnd(14)} median ${ms(median(wall))}, p95 ${ms(percentile(sorted, 95))}, CPU median ${ms(median(fresh.map((run) => run.cpuMs)))}${goal}`;
      if (old) {
        const oldWall = before.map((run) => run.wallMs);
        const ratios = wall.map((value, i) => value / oldWall[i]!);
        const cpuRatios = fresh.map((run, i) => run.cpuMs / before[i]!.cpuMs);
        const oldSorted = [...oldWall].sort((a, b) => a - b);
        line +=
          ` | old median ${ms(median(oldWall))}, p95 ${ms(percentile(oldSorted, 95))}, CPU median ${ms(median(before.map((run) => run.cpuMs)))}` +
          ` | new/old per pair: wall ${median(ratios).toFixed(2)}, CPU ${median(cpuRatios).toFixed(2)}`;
      }
      console.log(line);
    }
  } finally {
    if (argv.includes('--keep')) console.log(`sample folder kept: ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
