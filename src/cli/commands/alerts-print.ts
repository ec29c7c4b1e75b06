import type { BacktestResult } from '../../app/alerts-service.js';

/** A backtest for people: one line per message, or one line per setting in a sweep. */
export function printBacktest(result: BacktestResult, out: (line: string) => void): void {
  if ('rule' in result) {
    const r = result.rule;
    out(`${r.ruleId}: ${r.messages.length} messages (${r.firings} firings) from ${r.from} to ${r.to}, evaluated every ${r.stepSeconds} s`);
    for (const m of r.messages) out(`  ${m.at}  ${m.firings > 1 ? `[digest ×${m.firings}] ` : ''}${m.headline}\n      ${m.reason}`);
    return;
  }
  out('SETTING              MESSAGES  FIRINGS  FIRST');
  for (const row of result.sweep) out(`${row.setting.padEnd(20)} ${String(row.messages.length).padStart(8)} ${String(row.firings).padStart(8)}  ${row.messages[0]?.at ?? '-'}`);
}
