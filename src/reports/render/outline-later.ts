import type { Episode, MentionRef, RelayRow } from '../report-model.js';
import type { Block, Inline } from './outline-types.js';
import { fig, toneCells, type Ctx } from './outline-helpers.js';

function relayTable(c: Ctx, rows: readonly RelayRow[], head: string): Block {
  const { f, w } = c;
  return {
    kind: 'table', numeric: [false, false, true, true, true, true, true, true, true, true],
    head: [head, w.labels.kind as string, w.labels.mentions as string, w.labels.reach as string, w.labels.positive as string, w.labels.neutral as string, w.labels.negative as string, w.labels.balance as string, w.labels.broke as string, w.labels.joined as string],
    rows: rows.map((r) => [r.name, w.kinds[r.kind], fig(f.n(r.mentions.value), r.mentions), f.n(r.reach), ...toneCells(c, r.tone), f.n(r.broke), f.n(r.amplified)]),
  };
}

function mentionList(c: Ctx, refs: readonly MentionRef[]): Block {
  const { f, w } = c;
  if (refs.length === 0) return { kind: 'p', parts: [w.none] };
  return {
    kind: 'table', numeric: [false, false, false, true, true],
    head: [w.labels.title as string, w.labels.source as string, w.labels.published as string, w.labels.reach as string, w.labels.tone as string],
    rows: refs.map((m): Inline[] => [{ text: m.title, href: m.url }, m.author ? `${m.source} — ${m.author}` : m.source, f.day(m.publishedAt), f.d(m.reach), f.d(m.score)]),
  };
}

/** How soon an alert fired, or honestly why none is shown. */
function alertText(c: Ctx, alert: Episode['firstAlert']): string {
  const { f, w, report } = c;
  if (alert) return `${alert.ruleId}, ${f.hours(alert.hoursAfter)} ${w.labels.after} (${f.day(alert.at)} ${alert.at.slice(11, 16)} UTC)`;
  const rules = report.reaction.alertRules;
  return (rules === null ? w.labels.alertsUnread : rules.length === 0 ? w.labels.noAlertRule : w.labels.noAlert) as string;
}

/** Sections 5 to 9. */
export function outlineLater(c: Ctx): Record<'mobilisation' | 'reaction' | 'endurance' | 'notable' | 'questions', Block[]> {
  const { f, w, report } = c;
  const m = report.mobilisation;
  const mobilisation: Block[] = [
    { kind: 'h3', text: w.labels.topSources as string }, relayTable(c, m.sources, w.labels.source as string),
    { kind: 'h3', text: w.labels.topAuthors as string }, relayTable(c, m.authors, w.labels.author as string),
    { kind: 'h3', text: w.labels.stakeholders as string },
    m.stakeholders.length === 0
      ? { kind: 'p', parts: [w.none] }
      : {
          kind: 'table', numeric: [false, false, true, true, false, true, false],
          head: [w.labels.stakeholder as string, w.labels.kind as string, w.labels.voice as string, w.labels.visibility as string, w.labels.reached as string, w.labels.balance as string, w.labels.channels as string],
          rows: m.stakeholders.map((s): Inline[] => [
            s.name, w.kinds[s.kind], fig(f.n(s.voice.value), s.voice), s.visibility ? fig(f.n(s.visibility.value), s.visibility) : '—',
            s.voice.value > 0 || (s.visibility?.value ?? 0) > 0 ? (w.labels.yes as string) : (w.labels.no as string), f.balance(s.tone.balance), s.channels.join(', ') || '—',
          ]),
        },
  ];
  const reaction: Block[] = report.reaction.episodes.length === 0 ? [{ kind: 'p', parts: [w.none] }] : report.reaction.episodes.flatMap((e): Block[] => [
    { kind: 'h3', text: `${e.kind === 'negative' ? w.labels.negativeSurge : w.labels.spike}: ${e.start}${e.end !== e.start ? ` – ${e.end}` : ''}` },
    {
      kind: 'p', parts: [
        `${w.labels.mentions}: `, fig(f.n(e.count.value), e.count), `; ${w.labels.peak}: ${f.n(e.peak)}; ${w.labels.baseline}: ${f.d(e.baseline)}. ${w.labels.firstAnswer}: `,
        ...(e.firstAnswer ? [`${e.firstAnswer.relay} (${e.firstAnswer.channel}), ${f.hours(e.firstAnswer.hoursAfter)} ${w.labels.after} — `, { text: e.firstAnswer.title, href: e.firstAnswer.url }] : [w.labels.noAnswer as string]),
        `. ${w.labels.firstAlert}: ${alertText(c, e.firstAlert)}.`,
      ],
    },
    { kind: 'list', ordered: false, items: e.stories.map((s): Inline[] => [{ text: s.title, href: s.url }, ` — ${s.source} (${f.n(s.count)})`]) },
  ]);
  const e = report.endurance;
  const endurance: Block[] = [
    {
      kind: 'table', numeric: [false, true, true, true, true, true],
      head: [w.labels.periodCol as string, w.labels.mentions as string, w.labels.stories as string, w.labels.reach as string, w.labels.balance as string, w.labels.share as string],
      rows: e.periods.map((p): Inline[] => [`${f.day(p.from)} – ${f.day(p.to)}`, f.n(p.mentions), f.n(p.stories), f.n(p.reach), f.balance(p.balance), f.pct(p.share)]),
    },
    { kind: 'chart', chart: { type: 'bars', title: w.labels.mentions as string, labelHead: w.labels.periodCol as string, valueLabel: w.labels.mentions as string, rows: e.periods.map((p) => ({ label: `${f.day(p.from)} – ${f.day(p.to)}`, value: p.mentions, display: f.n(p.mentions) })) } },
    { kind: 'list', ordered: false, items: e.trends.map((t): Inline[] => [`${w.measures[t.measure] ?? t.measure}: ${w.trends[t.trend]}`]) },
    ...(e.themes.length === 0 ? [] : [{
      kind: 'table' as const, numeric: [false, ...e.periods.map(() => true), false],
      head: [w.labels.theme as string, ...e.periods.map((p) => f.day(p.from)), w.labels.trend as string],
      rows: e.themes.map((t): Inline[] => [t.name, ...t.counts.map((n) => f.n(n)), w.trends[t.trend]]),
    }]),
  ];
  const notable: Block[] = [
    { kind: 'h3', text: w.labels.notablePositive as string }, mentionList(c, report.notable.positive),
    { kind: 'h3', text: w.labels.notableNegative as string }, mentionList(c, report.notable.negative),
  ];
  const questions: Block[] = report.questions.length === 0 ? [{ kind: 'p', parts: [w.none] }] : [{ kind: 'list', ordered: true, items: report.questions.map((q) => [w.question(q, f)]) }];
  return { mobilisation, reaction, endurance, notable, questions };
}
