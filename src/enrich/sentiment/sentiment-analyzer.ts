import type { MatchField, Sentiment } from '../../core/mention.js';
import { splitSentences } from '../text/sentences.js';
import { EnglishRules } from './english-rules.js';
import { FrenchRules } from './french-rules.js';
import { FrenchTone } from './french-tone.js';
import { normaliseValence, sentimentOf, UNSCORED, type ValenceRules } from './valence.js';

/** A scored sentence of a mention (offsets into its field). */
export interface ScoredSentence {
  field: MatchField;
  start: number;
  end: number;
  score: number;
}

/** Document sentiment plus the scored sentences, for entity-level sentiment. */
export interface SentimentAnalysis {
  document: Sentiment;
  sentences: ScoredSentence[];
}

function unitScore(rules: ValenceRules, unit: string): number {
  return rules.score ? rules.score(unit) : normaliseValence(rules.valenceSum(unit));
}

/** Up to this many characters, title and text are scored as one unit, as VADER scores a tweet. */
const SHORT_TEXT = 400;
/** The title weighs like this many sentences of the body. */
const TITLE_WEIGHT = 2;

/**
 * Sentiment for English and French (other languages: `unscored`). Short items (up to 400
 * characters) are scored as VADER scores a tweet: a post without a title as one unit, with the
 * language's trained model when it has one (French); a short news item as its title and its body,
 * the title counting double. Longer items are the mean of their sentences (the title counts
 * double), which keeps long articles from saturating at +/-1.
 */
export class SentimentAnalyzer {
  private readonly rules: ReadonlyMap<string, ValenceRules>;

  /**
   * `frenchModel: false` scores French by the rules alone, without the model trained on the DEFT
   * 2017 tweets (see docs/enrichment.md); it is used by default when its file is installed.
   */
  constructor(options: { frenchModel?: boolean } = {}) {
    const french = new FrenchRules();
    const tone = options.frenchModel === false ? null : FrenchTone.load(french);
    const frenchRules: ValenceRules = tone
      ? { valenceSum: (unit) => french.valenceSum(unit), score: (unit) => tone.score(unit) }
      : french;
    this.rules = new Map<string, ValenceRules>([
      ['en', new EnglishRules()],
      ['fr', frenchRules],
    ]);
  }

  /** Whether a language is scored. */
  supports(language: string | null): boolean {
    return language !== null && this.rules.has(language);
  }

  /** The -1..1 score of one unit of text (a sentence, a tweet). */
  scoreUnit(language: string, unit: string): number {
    const rules = this.rules.get(language);
    return rules ? unitScore(rules, unit) : 0;
  }

  /** Document sentiment and per-sentence scores. */
  analyse(language: string | null, title: string, text: string): SentimentAnalysis {
    const rules = language === null ? undefined : this.rules.get(language);
    if (!rules) return { document: { ...UNSCORED }, sentences: [] };
    const sentences: ScoredSentence[] = [];
    const titleTrimmed = title.trim();
    // A trained model (French) is used only on short items without a title — social posts, what it
    // was fitted on. News items and long articles are scored by the rules, sentence by sentence.
    const short = titleTrimmed.length + text.length <= SHORT_TEXT;
    const post = short && titleTrimmed === '';
    const score = (unit: string): number => (post ? unitScore(rules, unit) : normaliseValence(rules.valenceSum(unit)));
    if (titleTrimmed !== '') sentences.push({ field: 'title', start: 0, end: title.length, score: score(title) });
    for (const span of splitSentences(text)) {
      sentences.push({ field: 'text', start: span.start, end: span.end, score: score(text.slice(span.start, span.end)) });
    }
    if (sentences.length === 0) return { document: sentimentOf(0), sentences };
    if (post) return { document: sentimentOf(unitScore(rules, text)), sentences };
    if (short) {
      // Title and body each as one unit (VADER's way with a short text); the title counts double.
      const body = text.trim() === '' ? null : normaliseValence(rules.valenceSum(text));
      const headline = sentences[0]!.field === 'title' ? sentences[0]!.score : null;
      if (headline === null) return { document: sentimentOf(body ?? 0), sentences };
      return { document: sentimentOf(body === null ? headline : (TITLE_WEIGHT * headline + body) / (TITLE_WEIGHT + 1)), sentences };
    }
    let total = 0;
    let weight = 0;
    for (const sentence of sentences) {
      const w = sentence.field === 'title' ? TITLE_WEIGHT : 1;
      total += sentence.score * w;
      weight += w;
    }
    return { document: sentimentOf(total / weight), sentences };
  }

  /** Sentiment of the sentences holding these occurrences (each sentence counted once). */
  around(sentences: ScoredSentence[], occurrences: { field: MatchField; start: number; end: number }[]): Sentiment {
    const picked = new Set<ScoredSentence>();
    for (const occurrence of occurrences) {
      const sentence = sentences.find(
        (s) => s.field === occurrence.field && s.start <= occurrence.start && occurrence.start < s.end,
      );
      if (sentence) picked.add(sentence);
    }
    if (picked.size === 0) return sentimentOf(0);
    let total = 0;
    for (const sentence of picked) total += sentence.score;
    return sentimentOf(total / picked.size);
  }
}
