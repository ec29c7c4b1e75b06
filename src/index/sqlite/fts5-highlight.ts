import { nearAlternatives, type QueryNode } from '../query/ast.js';
import { fts5Tokens, type Fts5Tokens } from './fts5-tokenize.js';

const OPEN = '\u0002';
const CLOSE = '\u0003';
const ELLIPSIS = '…';
const TITLE = 0;
const BODY = 1;

/** A phrase of the highlight expression: folded terms, the last one a prefix or not, on the title alone or on both columns. */
interface Phrase {
  terms: string[];
  prefix: boolean;
  titleOnly: boolean;
}

/** One leaf of the expression: a phrase, or two phrases within `distance` tokens of each other. */
type Leaf = { phrase: Phrase } | { near: [Phrase, Phrase]; distance: number };

/** A phrase instance in one column: phrase index, first token. */
interface Instance {
  phrase: number;
  offset: number;
}

/**
 * The highlight expression of a query (`compileQuery`'s `highlight`: the OR of its positive text
 * leaves) as phrases, numbered in the order FTS5 numbers them in that expression, so that marks and
 * snippet choice come out as FTS5's `highlight()` and `snippet()` give them.
 */
export interface HighlightQuery {
  phrases: Phrase[];
  leaves: Leaf[];
}

function phraseOf(node: Extract<QueryNode, { kind: 'term' | 'phrase' }>): Phrase {
  // FTS5 tokenizes a quoted string as it tokenizes text: `"covid-19"` is the phrase covid 19.
  return { terms: fts5Tokens(node.value).terms, prefix: node.kind === 'term' && node.prefix === true, titleOnly: node.field === 'title' };
}

/** The highlight query of the positive text leaves (`term`, `phrase`, `near` nodes, in expression order). */
export function highlightQuery(leaves: readonly QueryNode[]): HighlightQuery {
  const query: HighlightQuery = { phrases: [], leaves: [] };
  for (const leaf of leaves) {
    if (leaf.kind === 'term' || leaf.kind === 'phrase') {
      const phrase = phraseOf(leaf);
      query.phrases.push(phrase);
      query.leaves.push({ phrase });
    } else if (leaf.kind === 'near') {
      for (const left of nearAlternatives(leaf.left)) {
        for (const right of nearAlternatives(leaf.right)) {
          const pair: [Phrase, Phrase] = [phraseOf(left), phraseOf(right)];
          query.phrases.push(...pair);
          query.leaves.push({ near: pair, distance: leaf.distance });
        }
      }
    }
  }
  return query;
}

/** Token offsets where a phrase occurs in a column. */
function occurrences(phrase: Phrase, tokens: Fts5Tokens, column: number): number[] {
  const found: number[] = [];
  const n = phrase.terms.length;
  if (n === 0 || (phrase.titleOnly && column !== TITLE)) return found;
  const last = n - 1;
  for (let at = 0; at + n <= tokens.terms.length; at += 1) {
    let i = 0;
    while (i < last && tokens.terms[at + i] === phrase.terms[i]) i += 1;
    if (i < last) continue;
    const term = tokens.terms[at + last]!;
    if (phrase.prefix ? term.startsWith(phrase.terms[last]!) : term === phrase.terms[last]) found.push(at);
  }
  return found;
}

/** The instances of a NEAR pair: those of each side that have one of the other within `distance` tokens between them. */
function nearInstances(pair: [Phrase, Phrase], distance: number, tokens: Fts5Tokens, column: number): [number[], number[]] {
  const [a, b] = [occurrences(pair[0], tokens, column), occurrences(pair[1], tokens, column)];
  const [la, lb] = [pair[0].terms.length, pair[1].terms.length];
  // Within reach of `x` (length `lx`): the other side's instances from x - ly - distance to
  // x + lx + distance; both lists are in token order, so a binary search finds the first of them.
  const reaches = (x: number, lx: number, others: number[], ly: number): boolean => {
    let lo = 0;
    let hi = others.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (others[mid]! < x - ly - distance) lo = mid + 1;
      else hi = mid;
    }
    return lo < others.length && others[lo]! <= x + lx + distance;
  };
  return [a.filter((pa) => reaches(pa, la, b, lb)), b.filter((pb) => reaches(pb, lb, a, la))];
}

/** Every phrase instance of a column, ordered by token, then phrase. */
function instancesOf(query: HighlightQuery, tokens: Fts5Tokens, column: number): Instance[] {
  const found: Instance[] = [];
  let index = 0;
  for (const leaf of query.leaves) {
    if ('phrase' in leaf) {
      for (const offset of occurrences(leaf.phrase, tokens, column)) found.push({ phrase: index, offset });
      index += 1;
    } else {
      const [left, right] = nearInstances(leaf.near, leaf.distance, tokens, column);
      for (const offset of left) found.push({ phrase: index, offset });
      for (const offset of right) found.push({ phrase: index + 1, offset });
      index += 2;
    }
  }
  return found.sort((x, y) => x.offset - y.offset || x.phrase - y.phrase);
}

/** Overlapping instances merged into spans of tokens `[first, last]`, in order. */
function spans(query: HighlightQuery, instances: readonly Instance[]): [number, number][] {
  const out: [number, number][] = [];
  for (const instance of instances) {
    const end = instance.offset + query.phrases[instance.phrase]!.terms.length - 1;
    const current = out[out.length - 1];
    if (current && instance.offset <= current[1]) current[1] = Math.max(current[1], end);
    else out.push([instance.offset, end]);
  }
  return out;
}

/**
 * The text of tokens `first..last` with each span that starts in that range marked (up to the
 * range's end); with `whole`, also the text before the first token and after the last.
 */
function marked(text: string, tokens: Fts5Tokens, marks: readonly [number, number][], first: number, last: number, whole: boolean): string {
  let out = '';
  let copied = first === 0 || whole ? 0 : tokens.starts[first]!;
  for (const [start, end] of marks) {
    if (start < first || start > last) continue;
    const stop = Math.min(end, last);
    out += text.slice(copied, tokens.starts[start]) + OPEN + text.slice(tokens.starts[start], tokens.ends[stop]) + CLOSE;
    copied = tokens.ends[stop]!;
  }
  const lastEnd = last < 0 ? 0 : tokens.ends[last]!;
  return out + text.slice(copied, whole ? text.length : Math.max(copied, lastEnd));
}

/** The first token of each sentence: the first, and each after `.` or `:` and whitespace. */
function sentenceStarts(text: string, tokens: Fts5Tokens): number[] {
  const starts: number[] = [];
  for (let t = 0; t < tokens.starts.length; t += 1) {
    if (t === 0) {
      starts.push(0);
      continue;
    }
    let i = tokens.starts[t]! - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i -= 1;
    if (i !== tokens.starts[t]! - 1 && (text[i] === '.' || text[i] === ':')) starts.push(t);
  }
  return starts;
}

/** 1000 for each phrase first seen in the window `[from, from + size)`, 1 for each repeat; and where FTS5 would start the window to centre those. */
function windowScore(query: HighlightQuery, instances: readonly Instance[], from: number, size: number, columnSize: number): { score: number; start: number } {
  const seen = new Set<number>();
  let score = 0;
  let first = -1;
  let last = 0;
  // The instances are in token order: only those of the window are read (FTS5 reads them all for
  // each candidate window, quadratic in a long text full of matches).
  let lo = 0;
  let hi = instances.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (instances[mid]!.offset < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < instances.length && instances[i]!.offset < from + size; i += 1) {
    const instance = instances[i]!;
    score += seen.has(instance.phrase) ? 1 : 1000;
    seen.add(instance.phrase);
    if (first < 0) first = instance.offset;
    last = instance.offset + query.phrases[instance.phrase]!.terms.length;
  }
  let start = first - Math.trunc((size - (last - first)) / 2);
  if (start + size > columnSize) start = columnSize - size;
  return { score, start: Math.max(0, start) };
}

/** FTS5's `snippet()` of one column: the best window of `size` tokens, marked, with ellipses where it cuts. */
function snippet(query: HighlightQuery, text: string, tokens: Fts5Tokens, instances: readonly Instance[], size: number): string {
  const columnSize = tokens.starts.length;
  const sentences = sentenceStarts(text, tokens);
  let best = 0;
  let bestStart = 0;
  // Instances come in token order, so the sentence each starts in only moves forward.
  let s = 0;
  for (const instance of instances) {
    const at = windowScore(query, instances, instance.offset, size, columnSize);
    if (at.score > best) {
      best = at.score;
      bestStart = at.start;
    }
    if (sentences.length > 0 && columnSize > size) {
      while (s < sentences.length - 1 && sentences[s + 1]! <= instance.offset) s += 1;
      const sentence = sentences[s]!;
      if (sentence < instance.offset) {
        const score = windowScore(query, instances, sentence, size, columnSize).score + (sentence === 0 ? 120 : 100);
        if (score > best) {
          best = score;
          bestStart = sentence;
        }
      }
    }
  }
  const last = bestStart + size - 1;
  const marks = spans(query, instances).filter(([start]) => start >= bestStart);
  const shown = marked(text, tokens, marks, bestStart, Math.min(last, columnSize - 1), false);
  // A window that reaches the last token ends with the text after it; others with an ellipsis.
  const tail = last >= columnSize - 1 ? text.slice(columnSize === 0 ? 0 : tokens.ends[columnSize - 1]) : ELLIPSIS;
  return (bestStart > 0 ? ELLIPSIS : '') + shown + tail;
}

/**
 * What FTS5's `highlight(title)` and `snippet(body, …, size)` return for a row matched by the
 * highlight expression (matches between `\u0002` and `\u0003`), or null when the row has no
 * instance of it: the same strings, computed from the texts without an FTS5 table.
 */
export function highlightRow(query: HighlightQuery, title: string, body: string, size: number): { title: string; body: string } | null {
  const titleTokens = fts5Tokens(title);
  const titleInstances = instancesOf(query, titleTokens, TITLE);
  const bodyTokens = fts5Tokens(body);
  const bodyInstances = instancesOf(query, bodyTokens, BODY);
  if (titleInstances.length === 0 && bodyInstances.length === 0) return null;
  return {
    title: marked(title, titleTokens, spans(query, titleInstances), 0, titleTokens.starts.length - 1, true),
    body: snippet(query, body, bodyTokens, bodyInstances, size),
  };
}
