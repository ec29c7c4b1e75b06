import { fold } from '../../core/text/fold.js';

/**
 * Tone towards one entity inside a sentence that may hold two tones: "Acme beats Globex",
 * "While Globex improved, Acme fell behind", "Malgré les critiques, Acme tient bon". Without such a
 * construction the sentence's own score stands. Clause scores come from the language's rules.
 */

/** "A beats B": the words before are the winner, after the loser ("beaten by" turns it round). */
const WINS = new Set(
  `beat beats outperform outperforms outperformed outsell outsells outsold overtake overtakes overtook outpace
  outpaces outpaced top tops topped surpass surpasses surpassed outshine outshines outshone trounce trounces
  trounced bat battent depasse depassent devance devancent surpasse surpassent`.split(/\s+/),
);
/** "B trails A": the words before are the loser. */
const LOSES = new Set(['trails', 'trailed', 'trail', 'lags']);
/** Passive markers after a WINS verb: "beaten by", "battu par". */
const PASSIVE = new Set(['by', 'par']);
const PASSIVE_WINS = new Set(['beaten', 'battu', 'battue', 'battus', 'depasse', 'devance', 'surpasse']);
/** Words that join two clauses of opposite tone ("A improved while B fell behind"). */
const CONTRAST = new Set(['while', 'whereas', 'but', 'although', 'though', 'mais', 'tandis']);
/** Two-word contrast joins. */
const CONTRAST_PAIRS = new Set(['alors que', 'pendant que', 'bien que', 'meme si']);
/** Joins of two clauses whose tones need not be opposite. */
const JOINS = new Set(['where', 'la ou']);
/** A leading phrase up to the first comma that concedes or contrasts: "Despite X, …", "Unlike X, …". */
const CONCEDE = new Set(['despite', 'malgre']);
const UNLIKE = new Set(['unlike', 'contrairement']);

interface Word {
  word: string;
  start: number;
}

function words(folded: string): Word[] {
  const out: Word[] = [];
  for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) out.push({ word: match[0], start: match.index });
  return out;
}

/**
 * A cheap pre-check on the raw sentence, before folding and splitting it: every marker below, at
 * the start of a word (a superset: a hit only means the full look is worth it).
 */
const MAY_APPLY =
  /(?:^|[^\p{L}\p{N}])(?:beat|outperform|outs[eo]l|overt[ao]|outpac|tops?\b|topped|surpass|outsh|trounc|bat|battu|d[eé]pass|devan|trail|lags\b|los[et]|profit|while|whereas|but\b|(?:al)?though|mais\b|tandis|alors que|pendant que|bien que|m[eê]me si|where\b|l[aà] o[uù]|despite|malgr|unlike|contrair)/iu;

/** Whether the folded sentence holds any word the rules below react to. */
function mayApply(list: Word[]): boolean {
  for (let i = 0; i < list.length; i += 1) {
    const w = list[i]!.word;
    if (WINS.has(w) || LOSES.has(w) || PASSIVE_WINS.has(w) || CONTRAST.has(w) || CONCEDE.has(w) || UNLIKE.has(w) || w === 'where' || w === 'que' || w === 'si' || w === 'ou' || w === 'profit') return true;
  }
  return false;
}

/**
 * The tone towards the entity whose occurrence starts at `at` (offset in `sentence`), given the
 * sentence's own score, a scorer for parts of it, and where other watched entities occur in it
 * (two clauses are told apart only when another entity sits in the other one: otherwise both
 * clauses may well speak of the same entity, "Acme is fast but expensive").
 */
export function entityScore(sentence: string, at: number, others: number[], sentenceScore: number, scoreClause: (clause: string) => number): number {
  if (!MAY_APPLY.test(sentence)) return sentenceScore;
  const folded = fold(sentence).toLowerCase();
  const list = words(folded);
  if (list.length < 3 || !mayApply(list)) return sentenceScore;
  const strength = Math.max(0.3, Math.abs(sentenceScore));

  // Comparatives: winner before the verb, loser after (turned round by "by/par" or "trails").
  for (let i = 1; i < list.length - 1; i += 1) {
    const w = list[i]!.word;
    const next = list[i + 1]!.word;
    let before = 0;
    if (PASSIVE_WINS.has(w) && PASSIVE.has(next)) before = -1;
    else if (WINS.has(w)) before = 1;
    else if (LOSES.has(w) || ((w === 'loses' || w === 'lost' || w === 'lose') && next === 'to')) before = -1;
    else if (w === 'profit' && list[i - 1]!.word === 'au' && list.some((x, k) => k < i && (x.word === 'perd' || x.word === 'perdu'))) before = -1;
    if (before !== 0) return (at < list[i]!.start ? before : -before) * strength;
  }

  // A leading "Despite …," / "Unlike …," phrase.
  const lead = list[0]!.word;
  const comma = folded.indexOf(',');
  if ((CONCEDE.has(lead) || UNLIKE.has(lead)) && comma > 0) {
    const phrase = scoreClause(sentence.slice(0, comma));
    const main = scoreClause(sentence.slice(comma + 1));
    if (at > comma) return main !== 0 ? main : -phrase;
    if (UNLIKE.has(lead)) return main !== 0 ? -main : phrase;
    return phrase !== 0 ? phrase : sentenceScore;
  }

  // Two clauses joined by a contrast word (or a neutral join such as "where").
  for (let i = 0; i < list.length - 1; i += 1) {
    const w = list[i]!.word;
    const pair = `${w} ${list[i + 1]!.word}`;
    const contrast = CONTRAST.has(w) || CONTRAST_PAIRS.has(pair);
    if (!contrast && !JOINS.has(w) && !JOINS.has(pair)) continue;
    const cut = list[i]!.start;
    // "While A did x, B did y": the leading clause runs to the comma.
    const split = i === 0 ? (comma > 0 ? comma : -1) : cut;
    if (split <= 0) continue;
    if (!others.some((o) => (o < split) !== (at < split))) return sentenceScore;
    const first = scoreClause(sentence.slice(0, split));
    const second = scoreClause(sentence.slice(split));
    const own = at < split ? first : second;
    const other = at < split ? second : first;
    if (own !== 0) return own;
    return contrast && other !== 0 ? -other : sentenceScore;
  }
  return sentenceScore;
}
