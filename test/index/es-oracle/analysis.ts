import type { estypes } from '@elastic/elasticsearch';
// Deep path only (the package's index pulls in far more than a stemmer).
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';

/** One token of an analysed text: its term, position (word count) and character offsets. */
export interface Token {
  term: string;
  position: number;
  start: number;
  end: number;
}

type TokenFilter = (tokens: Token[]) => Token[];
type Tokenizer = (text: string) => Token[];

/** Letters ASCII folding maps to more than the base letter (the rest: decomposition, marks removed). */
const FOLDS: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', ı: 'i', þ: 'th', Þ: 'TH', ð: 'd', Ð: 'D', ﬁ: 'fi', ﬂ: 'fl' };

/**
 * Lucene's ASCIIFoldingFilter, for the letters a news corpus holds: it maps characters that have
 * an ASCII form (Latin letters with marks), and leaves other scripts as they are (Cyrillic й stays й).
 */
export function asciiFold(term: string): string {
  return term
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/[œŒæÆßøØđĐłŁıþÞðÐﬁﬂ]/g, (c) => FOLDS[c] ?? c);
}

function patternTokenizer(pattern: string): Tokenizer {
  // Elasticsearch's pattern tokenizer takes a Java regex; the ones a template uses here are also valid in JS with `u`.
  const split = new RegExp(pattern, 'gu');
  return (text) => {
    const tokens: Token[] = [];
    let last = 0;
    let position = 0;
    for (const match of text.matchAll(split)) {
      if (match.index > last) tokens.push({ term: text.slice(last, match.index), position: position++, start: last, end: match.index });
      last = match.index + match[0].length;
    }
    if (last < text.length) tokens.push({ term: text.slice(last), position: position++, start: last, end: text.length });
    return tokens;
  };
}

/** The standard tokenizer (Unicode word boundaries, UAX #29), as `Intl.Segmenter` implements them. */
const standardTokenizer: Tokenizer = (text) => {
  const tokens: Token[] = [];
  let position = 0;
  for (const segment of new Intl.Segmenter('en', { granularity: 'word' }).segment(text)) {
    if (segment.isWordLike) tokens.push({ term: segment.segment, position: position++, start: segment.index, end: segment.index + segment.segment.length });
  }
  return tokens;
};

const map = (f: (term: string) => string): TokenFilter => (tokens) => tokens.map((t) => ({ ...t, term: f(t.term) }));

/**
 * Savoy's light French stemmer, reduced to its plural and feminine endings: the sub-fields it feeds
 * only add to the score, so an approximate stem changes an order, never a match.
 */
function lightFrench(term: string): string {
  let word = term;
  if (word.length > 5 && word.endsWith('aux')) word = `${word.slice(0, -3)}al`;
  else if (word.length > 3 && /[sx]$/.test(word)) word = word.slice(0, -1);
  if (word.length > 5 && word.endsWith('e')) word = word.slice(0, -1);
  return word;
}

function filterOf(name: string, defs: Record<string, estypes.AnalysisTokenFilter>): TokenFilter {
  if (name === 'lowercase') return map((t) => t.toLowerCase());
  if (name === 'asciifolding') return map(asciiFold);
  const def = defs[name];
  if (!def || typeof def === 'string') throw new Error(`oracle: token filter '${name}' is not defined by the template`);
  switch (def.type) {
    case 'elision': {
      const articles = new Set((def.articles ?? []).map((a) => (def.articles_case ? a.toLowerCase() : a)));
      return map((term) => {
        const match = /^([^'’]+)['’](.+)$/u.exec(term);
        if (!match) return term;
        const article = def.articles_case ? (match[1] as string).toLowerCase() : (match[1] as string);
        return articles.has(article) ? (match[2] as string) : term;
      });
    }
    case 'stemmer': {
      const language = 'language' in def ? def.language : (def as { name?: string }).name;
      if (language === 'english') return map((t) => porter.stem(t));
      if (language === 'light_french') return map(lightFrench);
      if (language === 'possessive_english') return map((t) => t.replace(/['’]s$/u, ''));
      throw new Error(`oracle: stemmer language '${String(language)}' is not implemented`);
    }
    default:
      throw new Error(`oracle: token filter type '${def.type}' is not implemented`);
  }
}

function tokenizerOf(name: string, defs: Record<string, estypes.AnalysisTokenizer>): Tokenizer {
  if (name === 'standard') return standardTokenizer;
  const def = defs[name];
  if (def && typeof def !== 'string' && def.type === 'pattern') return patternTokenizer(def.pattern ?? '\\W+');
  throw new Error(`oracle: tokenizer '${name}' is not implemented`);
}

/** Analysers and normalizers built from an index template's `settings.analysis`. */
export class Analysis {
  private readonly analyzers = new Map<string, (text: string) => Token[]>();
  private readonly normalizers = new Map<string, (value: string) => string>();

  constructor(analysis: estypes.IndicesIndexSettingsAnalysis = {}) {
    const filters = analysis.filter ?? {};
    for (const [name, def] of Object.entries(analysis.analyzer ?? {})) {
      if (def.type !== 'custom') throw new Error(`oracle: analyzer type '${def.type}' is not implemented`);
      const tokenizer = tokenizerOf(def.tokenizer, analysis.tokenizer ?? {});
      const chain = [def.filter ?? []].flat().map((f) => filterOf(f, filters));
      this.analyzers.set(name, (text) => chain.reduce((tokens, f) => f(tokens), tokenizer(text)).filter((t) => t.term.length > 0));
    }
    for (const [name, def] of Object.entries(analysis.normalizer ?? {})) {
      const chain = [(def as { filter?: string[] }).filter ?? []].flat().map((f) => filterOf(f, filters));
      this.normalizers.set(name, (value) => chain.reduce((tokens, f) => f(tokens), [{ term: value, position: 0, start: 0, end: value.length }])[0]?.term ?? '');
    }
  }

  analyze(analyzer: string, text: string): Token[] {
    const run = this.analyzers.get(analyzer) ?? (analyzer === 'standard' ? (t: string) => map((x) => x.toLowerCase())(standardTokenizer(t)) : undefined);
    if (!run) throw new Error(`oracle: analyzer '${analyzer}' is not defined by the template`);
    return run(text);
  }

  normalize(normalizer: string | undefined, value: string): string {
    if (normalizer === undefined) return value;
    const run = this.normalizers.get(normalizer);
    if (!run) throw new Error(`oracle: normalizer '${normalizer}' is not defined by the template`);
    return run(value);
  }
}
