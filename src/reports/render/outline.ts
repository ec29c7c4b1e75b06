import type { Compared, PreReadReport } from '../report-model.js';
import { fig, toneCells, type Ctx } from './outline-helpers.js';
import type { Block, Inline, Outline, OutlineSection } from './outline-types.js';
import { outlineLater } from './outline-later.js';
import { Format, WORDS, type Words } from './words.js';

function summary(c: Ctx): Block[] {
  const { f, w, report } = c;
  const s = report.summary;
  const row = (label: string, x: Compared, show: (v: number) => string, diff: (a: number, b: number) => string): Inline[] => [
    label, fig(show(x.current.value), x.current), fig(show(x.previous.value), x.previous), diff(x.current.value, x.previous.value),
  ];
  const points = (a: number, b: number): string => f.balance(a - b);
  return [
    {
      kind: 'table', numeric: [false, true, true, true],
      head: [w.labels.measure as string, w.labels.current as string, w.labels.previous as string, w.labels.change as string],
      rows: [
        row(w.labels.mentions as string, s.mentions, (v) => f.n(v), (a, b) => f.change(a, b)),
        row(w.labels.stories as string, s.stories, (v) => f.n(v), (a, b) => f.change(a, b)),
        row(w.labels.reach as string, s.reach, (v) => f.n(v), (a, b) => f.change(a, b)),
        row(w.labels.balance as string, s.balance, (v) => f.balance(v), points),
      ],
    },
    {
      kind: 'table', numeric: [false, false, false],
      head: [w.labels.posture as string, w.labels.section as string, w.labels.speaksTo as string],
      rows: [
        [w.postures.presence, w.sections.presence, `${w.labels.volume}, ${w.labels.channel}, ${w.labels.ownVoice}`],
        [w.postures.influence, w.sections.influence, `${w.labels.share}, ${w.labels.tier1}, ${w.labels.ownMessages}`],
        [w.postures.mobilisation, w.sections.mobilisation, `${w.labels.topSources}, ${w.labels.topAuthors}, ${w.labels.stakeholders}`],
        [w.postures.reaction, w.sections.reaction, `${w.labels.spike}, ${w.labels.negativeSurge}, ${w.labels.firstAnswer}, ${w.labels.firstAlert}`],
        [w.postures.endurance, w.sections.endurance, `${w.labels.mentions}, ${w.labels.stories}, ${w.labels.reach}, ${w.labels.tone}, ${w.labels.share}`],
      ],
    },
  ];
}

function reputation(c: Ctx): Block[] {
  const { f, w, report } = c;
  const blocks: Block[] = [
    {
      kind: 'chart',
      chart: {
        type: 'tone', title: `${w.labels.tone} — ${w.labels.brand}`, labelHead: w.labels.brand as string,
        labels: [w.labels.positive as string, w.labels.neutral as string, w.labels.negative as string],
        rows: report.reputation.brands.map((b) => ({ label: b.name, positive: b.tone.positive, neutral: b.tone.neutral, negative: b.tone.negative })),
      },
    },
    {
      kind: 'table', numeric: [false, true, true, true, true, true],
      head: [w.labels.brand as string, w.labels.mentions as string, w.labels.positive as string, w.labels.neutral as string, w.labels.negative as string, w.labels.balance as string],
      rows: report.reputation.brands.map((b) => [b.name, fig(f.n(b.mentions.value), b.mentions), ...toneCells(c, b.tone)]),
    },
  ];
  if (report.reputation.people.length > 0) {
    blocks.push({
      kind: 'table', numeric: [false, false, true, true, true, true, true],
      head: [w.labels.person as string, w.labels.role as string, w.labels.mentions as string, w.labels.positive as string, w.labels.neutral as string, w.labels.negative as string, w.labels.balance as string],
      rows: report.reputation.people.map((p) => [p.name, p.role, fig(f.n(p.mentions.value), p.mentions), ...toneCells(c, p.tone)]),
    });
  }
  for (const b of report.reputation.brands) {
    blocks.push({ kind: 'h3', text: `${w.labels.keyTerms} — ${b.name}` });
    if (b.keyTerms.length === 0) blocks.push({ kind: 'p', parts: [w.none] });
    else {
      blocks.push({
        kind: 'table', numeric: [false, true, true, true, true],
        head: [w.labels.term as string, w.labels.count as string, w.labels.rate as string, w.labels.refRate as string, w.labels.ll as string],
        rows: b.keyTerms.map((k) => [k.term, { text: f.n(k.count), trace: k.trace }, f.d(k.ratePerTenThousand), f.d(k.referenceRatePerTenThousand), f.d(k.logLikelihood)]),
      });
    }
    if (b.keyThemes.length > 0) {
      blocks.push({ kind: 'p', parts: [`${w.labels.keyThemes}: `, ...b.keyThemes.flatMap((k, i): Inline[] => [...(i > 0 ? ['; '] : []), `${k.term} (`, { text: f.n(k.count), trace: k.trace }, `, G² ${f.d(k.logLikelihood)})`])] });
    }
  }
  return blocks;
}

function presence(c: Ctx): Block[] {
  const { f, w, report } = c;
  const p = report.presence;
  return [
    { kind: 'chart', chart: { type: 'columns', title: w.labels.volume as string, valueLabel: w.labels.mentions as string, overlayLabel: w.labels.ownVoice as string, points: p.volume.map((d) => ({ label: d.day, value: d.count, overlay: d.ownVoice })) } },
    {
      kind: 'table', numeric: [false, true, true, false],
      head: [w.labels.channel as string, w.labels.mentions as string, w.labels.ownVoice as string, w.labels.absent as string],
      rows: p.channels.map((ch) => [ch.channel, fig(f.n(ch.mentions.value), ch.mentions), fig(f.n(ch.ownVoice.value), ch.ownVoice), ch.absent ? (w.labels.yes as string) : (w.labels.no as string)]),
    },
    {
      kind: 'table', numeric: [false, true, true],
      head: [w.labels.language as string, w.labels.mentions as string, w.labels.share as string],
      rows: p.languages.map((l) => [l.label, fig(f.n(l.count.value), l.count), f.pct(report.summary.mentions.current.value === 0 ? 0 : l.count.value / report.summary.mentions.current.value)]),
    },
  ];
}

function influence(c: Ctx): Block[] {
  const { f, w, report } = c;
  const i = report.influence;
  const own = i.ownMessages;
  return [
    { kind: 'chart', chart: { type: 'bars', title: w.labels.share as string, labelHead: w.labels.brand as string, valueLabel: w.labels.share as string, rows: i.shareOfVoice.map((s) => ({ label: s.label, value: s.share, display: f.pct(s.share) })) } },
    {
      kind: 'table', numeric: [false, true, true],
      head: [w.labels.brand as string, w.labels.mentions as string, w.labels.share as string],
      rows: i.shareOfVoice.map((s) => [s.label, fig(f.n(s.count.value), s.count), f.pct(s.share)]),
    },
    { kind: 'p', parts: [`${w.labels.tier1}: `, fig(f.n(i.tier1.value), i.tier1), ` ${w.labels.tier1Note} (${i.tier1Sources.join(', ') || '—'}).`] },
    { kind: 'p', parts: [`${w.labels.ownMessages}: `, fig(f.n(own.stories.value), own.stories), ` — ${w.labels.amplified}: ${f.n(own.amplified)}; ${w.labels.amplifiers}: ${f.n(own.amplifiers)}.`] },
    ...(own.top.length === 0 ? [] : [{
      kind: 'table' as const, numeric: [false, false, false, true],
      head: [w.labels.title as string, w.labels.relay as string, w.labels.published as string, w.labels.amplifiers as string],
      rows: own.top.map((m): Inline[] => [{ text: m.title, href: m.url }, m.relay, f.day(m.publishedAt), f.n(m.amplifiers)]),
    }]),
  ];
}

/** Lays the report out as headed sections of paragraphs, tables and charts. */
export function outline(report: PreReadReport): Outline {
  const c: Ctx = { f: new Format(report.language), w: WORDS[report.language], report };
  const { w, f } = c;
  const intro: Inline[] = [
    w.period(f.day(report.window.from), f.day(report.window.to), `${f.day(report.previousWindow.from)} – ${f.day(report.previousWindow.to)}`),
    ` ${w.brands}: ${report.brands.map((b) => b.name).join(', ')}.`,
  ];
  const section = (id: keyof Words['sections'], blocks: Block[]): OutlineSection => ({ id, heading: w.sections[id], blocks });
  if (report.empty) {
    const empty: Block[] = [{ kind: 'p', parts: [w.noData] }];
    return {
      language: report.language, title: w.title, intro,
      sections: [section('summary', [...summary(c), ...empty]), ...(['reputation', 'presence', 'influence', 'mobilisation', 'reaction', 'endurance', 'notable', 'questions'] as const).map((id) => section(id, id === 'endurance' ? outlineLater(c).endurance : [{ kind: 'p', parts: [w.none] }]))],
    };
  }
  const later = outlineLater(c);
  return {
    language: report.language, title: w.title, intro,
    sections: [
      section('summary', summary(c)), section('reputation', reputation(c)), section('presence', presence(c)), section('influence', influence(c)),
      section('mobilisation', later.mobilisation), section('reaction', later.reaction), section('endurance', later.endurance), section('notable', later.notable), section('questions', later.questions),
    ],
  };
}
