import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { startSlackReceiver, type SlackReceiver } from '../support/slack-receiver.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The shipped config/hubwatch.yaml, on its own port and index file, through the real command. */
describe('the default configuration fires on the samples', () => {
  let dir: string;
  let file: string;
  let receiver: SlackReceiver;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-default-alerts-'));
    file = join(dir, 'hubwatch.yaml');
    const port = await freePort();
    writeFileSync(file, readFileSync('config/hubwatch.yaml', 'utf8').replaceAll('4719', String(port)).replace('path: data/hubwatch.db', `path: ${join(dir, 'hubwatch.db')}`));
    receiver = await startSlackReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints alerts on the console without SLACK_WEBHOOK_URL; run --once posts them to Slack when it is set', async () => {
    const printed = await runCli(['--config', file, 'alerts', 'test', 'acme-spike']);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toContain('ALERT [test] Test of rule acme-spike');

    const env = { SLACK_WEBHOOK_URL: receiver.url };
    const run = await runCli(['--config', file, 'run', '--once'], { env, timeoutMs: 120_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(receiver.received.length).toBeGreaterThanOrEqual(1);
    expect(receiver.received.map((r) => JSON.stringify(r.body)).join('\n')).toContain('Negative share');
    expect(run.stderr).not.toContain(receiver.url);

    // The windowed rules the sample world meets by construction, whatever the time of day: the strike
    // wire stories of two and three days ago (strike coverage and negative press in the last 4 days)
    // and the negative week. The sample items were all published before the rules existed: a
    // backfill, so no per-mention rule fired. acme-spike (a 1-day window) depends on the hour.
    const history = await runCli(['--config', file, 'alerts', 'history', '--json'], { env });
    const entries = history.stdout.trim().split('\n').map((line) => JSON.parse(line) as { event: string; ruleId: string });
    const fired = new Set(entries.filter((e) => e.event === 'fired').map((e) => e.ruleId));
    expect([...fired].filter((id) => id !== 'acme-spike').sort()).toEqual(['acme-negative-share', 'acme-news-negative-share', 'acme-strike-spike']);
    const posted = receiver.received.map((r) => JSON.stringify(r.body)).join('\n');
    expect(posted).toContain('Spike: brand:acme AND topic:strikes');
    expect(posted).toContain('brand:acme AND channel:news');
    expect(entries.filter((e) => e.event === 'delivered').length).toBe(receiver.received.length);

    const list = await runCli(['--config', file, 'alerts', 'list', '--json'], { env });
    const rules = list.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string; lastFiredAt: string | null; notify: { health: string }[] });
    expect(rules.find((r) => r.id === 'acme-negative-share')).toMatchObject({ lastFiredAt: expect.any(String), notify: [{ health: 'ok' }] });

    const sweep = await runCli(['--config', file, 'alerts', 'backtest', 'acme-negative-tier1', '--from', '7d', '--sweep', '--json'], { env });
    expect(sweep.code, sweep.stderr).toBe(0);
    const rows = (JSON.parse(sweep.stdout) as { sweep: { setting: string; messages: unknown[] }[] }).sweep;
    expect(rows.map((r) => r.setting)).toEqual(['minMentions 1', 'minMentions 3', 'minMentions 5', 'minMentions 10', 'minMentions 20']);
    expect(rows[0]!.messages.length).toBeGreaterThan(0);

    const bad = await runCli(['--config', file, 'alerts', 'backtest', 'no-such-rule'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no alert rule "no-such-rule"');
  }, 180_000);
});
