import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/alerts/alert-store.js';
import { startSlackReceiver, type SlackReceiver } from '../support/slack-receiver.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function child(args: string[]) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'test/support/alert-delivery-child.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => proc.on('close', (code) => resolve(code)));
  return { proc, exited, out: () => stdout, err: () => stderr };
}

/** A real process killed with SIGKILL while its Slack post is in flight, then started again. */
describe('kill -9 mid-delivery, then restart', () => {
  let dir: string;
  let receiver: SlackReceiver;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-kill-'));
    receiver = await startSlackReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never posts the interrupted message twice, and keeps alerting after the restart', async () => {
    const path = join(dir, 'hubwatch.db');
    receiver.answers.push('hang');
    const first = child([path, receiver.url, 'first']);
    await receiver.waitFor(1, 30_000);
    first.proc.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    expect(JSON.stringify(receiver.received[0]!.body)).toContain('Acme first-story');

    const second = child([path, receiver.url, 'restart']);
    expect(await second.exited, second.err()).toBe(0);
    const posts = receiver.received.map((r) => JSON.stringify(r.body));
    expect(posts).toHaveLength(2);
    expect(posts.filter((p) => p.includes('Acme first-story'))).toHaveLength(1);
    expect(posts[1]).toContain('Acme second-story');
    const history = JSON.parse(second.out().trim().split('\n').at(-1)!) as HistoryEntry[];
    expect(history.filter((e) => e.event === 'failed')).toEqual([expect.objectContaining({ reason: expect.stringContaining('interrupted mid-request') })]);
    expect(history.filter((e) => e.event === 'fired')).toHaveLength(2);
  }, 60_000);
});
