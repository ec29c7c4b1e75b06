import { parseCountOption, resolveWindow } from '../../app/time-range.js';
import type { Notifier } from '../../alerts/delivery/notifier.js';
import type { SqliteAlertStore } from '../../state/sqlite-alert-store.js';
import type { CliContext } from '../cli-context.js';
import type { CommandModule } from '../command.js';
import { printBacktest } from './alerts-print.js';

// The alerts service, the notifiers (undici) and the store are loaded by the action that runs:
// `hubwatch --help` must not pay for them.
const service = () => import('../../app/alerts-service.js');

async function notifiersOf(context: CliContext): Promise<Map<string, Notifier>> {
  const { createNotifiers } = await import('../../alerts/delivery/create-notifiers.js');
  return createNotifiers(context.config(), { write: (line) => context.out(line), now: context.clock });
}

async function withStore<T>(context: CliContext, work: (store: SqliteAlertStore) => Promise<T>): Promise<T> {
  const { SqliteAlertStore } = await import('../../state/sqlite-alert-store.js');
  const store = new SqliteAlertStore(context.config().index.sqlite.path);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** `hubwatch alerts list|test|backtest|history`: thin commands over src/app/alerts-service.ts. */
export const alertsCommand: CommandModule = {
  register(program, context) {
    const alerts = program.command('alerts').description('alert rules: list, test, backtest, history');
    alerts
      .command('list')
      .description('rules with their type, last firing and the health of each destination')
      .option('--json', 'one JSON object per line')
      .action(async (options: { json?: boolean }) => {
        const { listAlertRules } = await service();
        const views = await withStore(context, async (store) => listAlertRules(context.config(), store, await notifiersOf(context)));
        for (const v of views) {
          if (options.json) context.out(JSON.stringify(v));
          else context.out(`${v.id}  ${v.type}${v.enabled ? '' : ' (disabled)'}  ${v.watches}  last fired: ${v.lastFiredAt ?? 'never'}  → ${v.notify.map((n) => `${n.id} (${n.health}${n.broken ? `: ${n.broken}` : ''})`).join(', ')}`);
        }
        if (views.length === 0 && !options.json) context.err('no alert rules configured (see docs/alerts.md)');
      });
    alerts
      .command('test')
      .argument('<rule>', 'rule id')
      .description("send a sample message to the rule's destinations")
      .action(async (ruleId: string) => {
        const { findRule, sendTestAlert } = await service();
        const rule = findRule(context.config(), ruleId);
        const outcomes = await sendTestAlert(rule, await notifiersOf(context), context.clock());
        for (const o of outcomes) context.out(`${o.notifierId}: ${o.ok ? 'sent' : `failed (${o.error ?? 'unknown'})`}`);
        if (outcomes.some((o) => !o.ok)) process.exitCode = 1;
      });
    alerts
      .command('backtest')
      .argument('<rule>', 'rule id')
      .description('when the rule would have fired over indexed history, how often, and why each time')
      .option('--from <when>', 'start: a date, a date-time or a duration back (30d)', '30d')
      .option('--to <when>', 'end (default: now)')
      .option('--sweep', 'replay at several thresholds or sensitivities, side by side')
      .option('--json', 'the result as JSON')
      .action(async (ruleId: string, options: { from: string; to?: string; sweep?: boolean; json?: boolean }) => {
        const { backtestRule, findRule } = await service();
        const rule = findRule(context.config(), ruleId);
        const window = resolveWindow(options, context.clock());
        const index = await context.openIndex();
        try {
          const result = await backtestRule(rule, index, window, options.sweep === true);
          if (options.json) context.out(JSON.stringify(result));
          else printBacktest(result, context.out);
        } finally {
          await index.close();
        }
      });
    alerts
      .command('history')
      .description('alerts fired, delivered and failed (with the reason), newest first')
      .option('--limit <n>', 'lines', '50')
      .option('--json', 'one JSON object per line')
      .action(async (options: { limit: string; json?: boolean }) => {
        const { alertHistory } = await service();
        const entries = await withStore(context, (store) => alertHistory(store, parseCountOption(options.limit, '--limit', 10_000)));
        for (const e of entries) {
          if (options.json) context.out(JSON.stringify(e));
          else context.out(`${e.at}  ${e.event.padEnd(9)} ${e.ruleId}${e.notifierId ? ` → ${e.notifierId}` : ''}  ${e.headline}${e.reason && e.event === 'failed' ? `  (${e.reason})` : ''}`);
        }
      });
  },
};
