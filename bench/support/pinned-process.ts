import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const TIME = '/usr/bin/time';

/** What a pinned command printed and used. */
export interface PinnedRun {
  code: number | null;
  /** Standard output and standard error together. */
  out: string;
  wallSeconds: number;
  /** User + system CPU of the process (every thread), from GNU time; NaN without it. */
  cpuSeconds: number;
  /** Peak RSS in MB, from GNU time; NaN without it. */
  peakMb: number;
}

/** True when GNU time is there to read a command's CPU time and peak memory. */
export function canTimeCpu(): boolean {
  return existsSync(TIME);
}

/** Runs `command` pinned to `cores` with `taskset` (a list such as `0` or `0-1`), under GNU time when it is installed, timed from outside. */
export function runPinned(cores: string, command: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<PinnedRun> {
  const timed = canTimeCpu() ? [TIME, '-f', 'RUSAGE %U %S %M'] : [];
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn('taskset', ['-c', cores, ...timed, ...command], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const wallSeconds = (performance.now() - started) / 1000;
      const usage = /RUSAGE ([\d.]+) ([\d.]+) (\d+)/.exec(out);
      done({
        code,
        out,
        wallSeconds,
        cpuSeconds: usage ? Number(usage[1]) + Number(usage[2]) : Number.NaN,
        peakMb: usage ? Number(usage[3]) / 1024 : Number.NaN,
      });
    });
  });
}
