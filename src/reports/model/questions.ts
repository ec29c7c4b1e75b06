import type { PreReadReport, Question } from '../report-model.js';

/** Questions for the workshop, each drawn from one finding of the report, most pressing first. */
export function drawQuestions(report: Omit<PreReadReport, 'questions'>): Question[] {
  const questions: Question[] = [];
  for (const e of report.reaction.episodes.filter((x) => x.kind === 'negative').slice(0, 2)) {
    const watched = (report.reaction.alertRules ?? []).length > 0;
    questions.push({ kind: 'negative-surge', day: e.start, peak: e.peak, baseline: e.baseline, answer: e.firstAnswer, ...(watched ? { alert: e.firstAlert } : {}) });
  }
  for (const channel of report.presence.channels.filter((c) => c.absent).slice(0, 3)) {
    questions.push({ kind: 'absent-channel', channel: channel.channel, mentions: channel.mentions.value });
  }
  for (const target of report.mobilisation.stakeholders.filter((s) => s.kind === 'target' && s.voice.value === 0).slice(0, 3)) {
    questions.push({ kind: 'target-missed', name: target.name });
  }
  const own = report.influence.ownMessages;
  if (own.stories.value > 0 && own.amplified < own.stories.value) {
    questions.push({ kind: 'messages-unamplified', total: own.stories.value, unamplified: own.stories.value - own.amplified });
  }
  const periods = report.endurance.periods;
  for (const t of report.endurance.trends.filter((x) => x.trend === 'faded' && (x.measure === 'mentions' || x.measure === 'reach' || x.measure === 'share'))) {
    const values = periods.map((p) => p[t.measure]);
    const earlier = values.slice(0, -1);
    questions.push({ kind: 'measure-faded', measure: t.measure, current: values[values.length - 1] ?? 0, before: earlier.reduce((a, b) => a + b, 0) / Math.max(1, earlier.length) });
  }
  for (const person of report.reputation.people.filter((p) => p.mentions.value >= 3 && p.tone.balance < 0).slice(0, 2)) {
    questions.push({ kind: 'person-negative', name: person.name, balance: person.tone.balance, mentions: person.mentions.value });
  }
  return questions;
}
