import type { MatchField, Sentiment } from '../../core/mention.js';
import { splitSentences } from '../text/sentences.js';
import { EnglishRules } from './english-rules.js';
import { EnglishTone } from './english-tone.js';
import { entityScore } from './entity-clauses.js';
import { FrenchRules } from './french-rules.js';
import { FrenchTone, type RuleSentence } from './french-tone.js';
import { normaliseValence, sentimentOf, UNSCORED, type ValenceRules } from './valence.js';

/** A scored sentence of a mention (offsets into its field). */
export interface ScoredSentence {
  field: MatchField;
  start: number;
  end: number;
  score: number;
}

/** Where an entity occurs (offsets into its field). */
type Occurrence = { field: MatchField; start: number; end: number };

/** Document sentiment plus the scored sentences, for entity-level sentiment. */
export interface SentimentAnalysis {
  document: Sentiment;
  sentences: ScoredSentence[];
}

/** Which trained layers the analyser may use (each also needs its file; see docs/enrichment.md). */
export interface SentimentOptions {
  /** French layer fitted on DEFT 2017 tweets and Allociné reviews (default true). */
  frenchModel?: boolean;
  /** English layer fitted on SemEval 2017 tweets, used on short posts (default false). */
  englishModel?: boolean;
}

/** A language's rules, and its trained layer when one is installed and allowed. */
interface Language {
  rules: ValenceRules;
  /** Scores a short post as one unit. */
  post?: (text: string) => number;
  /** Scores a long body as a whole, pushing each sentence's rule score to `sentences`. */
  document?: (text: string, sentences: RuleSentence[]) => number;
}

/** Up to this many characters, title and text are scored as one unit, as VADER scores a tweet. */
const SHORT_TEXT = 400;
/** The title weighs like this many sentences of the body. */
const TITLE_WEIGHT = 2;

const ruleScore = (rules: ValenceRules, unit: string): number => normaliseValence(rules.valenceSum(unit));

/**
 * Sentiment for English and French (other languages: `unscored`). A post (up to 400 characters,
 * no title) is one unit, scored by the language's trained layer when it has one. A short news
 * item is its title and its body, each one unit by the rules, the title counting double. A longer
 * item: French bodies by the French layer over the whole body (sentence features summed), other
 * bodies as the mean of their sentences' rule scores; the title (rules) counts double. Sentences
 * keep their rule scores (layer scores in posts) for entity-level sentiment.
 */
export class SentimentAnalyzer {
  private readonly languages: ReadonlyMap<string, Language>;

  constructor(options: SentimentOptions = {}) {
    const french = new FrenchRules();
    const english = new EnglishRules();
    const frenchTone = options.frenchModel === false ? null : FrenchTone.load(french);
    const englishTone = options.englishModel === true ? EnglishTone.load(english) : null;
    this.languages = new Map<string, Language>([
      ['en', { rules: english, post: englishTone ? (text) => englishTone.score(text) : undefined }],
      [
        'fr',
        frenchTone
          ? { rules: french, post: (text) => frenchTone.score(text), document: (text, sentences) => frenchTone.scoreWithSentences(text, sentences) }
          : { rules: french },
      ],
    ]);
  }

  /** Whether a language is scored. */
  supports(language: string | null): boolean {
    return language !== null && this.languages.has(language);
  }

  /** The -1..1 score of one unit of text (a sentence, a tweet), as a post is scored. */
  scoreUnit(language: string, unit: string): number {
    const lang = this.languages.get(language);
    if (!lang) return 0;
    return lang.post ? lang.post(unit) : ruleScore(lang.rules, unit);
  }

  /** Document sentiment and per-sentence scores. */
  analyse(language: string | null, title: string, text: string): SentimentAnalysis {
    const lang = language === null ? undefined : this.languages.get(language);
    if (!lang) return { document: { ...UNSCORED }, sentences: [] };
    const sentences: ScoredSentence[] = [];
    const titleTrimmed = title.trim();
    const short = titleTrimmed.length + text.length <= SHORT_TEXT;
    const headline = titleTrimmed === '' ? null : ruleScore(lang.rules, title);
    if (headline !== null) sentences.push({ field: 'title', start: 0, end: title.length, score: headline });
    if (short && headline === null) {
      // A post: the trained layer (what it was fitted on) for the whole and for each sentence.
      const score = (unit: string): number => (lang.post ? lang.post(unit) : ruleScore(lang.rules, unit));
      for (const span of splitSentences(text)) sentences.push({ field: 'text', start: span.start, end: span.end, score: score(text.slice(span.start, span.end)) });
      return { document: sentimentOf(sentences.length === 0 ? 0 : score(text)), sentences };
    }
    if (!short && lang.document) {
      const spans: RuleSentence[] = [];
      const body = lang.document(text, spans);
      for (const span of spans) sentences.push({ field: 'text', ...span });
      if (spans.length === 0) return { document: sentimentOf(headline ?? 0), sentences };
      return { document: sentimentOf(headline === null ? body : (TITLE_WEIGHT * headline + body) / (TITLE_WEIGHT + 1)), sentences };
    }
    for (const span of splitSentences(text)) {
      sentences.push({ field: 'text', start: span.start, end: span.end, score: ruleScore(lang.rules, text.slice(span.start, span.end)) });
    }
    if (sentences.length === 0) return { document: sentimentOf(0), sentences };
    if (short) {
      // Title and body each as one unit (VADER's way with a short text); the title counts double.
      const body = text.trim() === '' ? null : ruleScore(lang.rules, text);
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

  /**
   * Sentiment towards an entity: the mean, over the sentences holding its occurrences (each once),
   * of the tone towards it there — the sentence's score, or its own clause's when the sentence
   * compares or contrasts ("Acme beats Globex", "malgré les critiques, Acme…"; see
   * entity-clauses.ts). `context` gives the fields' text, the language and the other entities'
   * occurrences; without it each sentence's score is taken whole.
   */
  around(
    sentences: ScoredSentence[],
    occurrences: Occurrence[],
    context?: { language: string | null; title: string; text: string; others: Occurrence[] },
  ): Sentiment {
    const picked = new Map<ScoredSentence, number>();
    for (const occurrence of occurrences) {
      const sentence = sentences.find(
        (s) => s.field === occurrence.field && s.start <= occurrence.start && occurrence.start < s.end,
      );
      if (sentence && !picked.has(sentence)) picked.set(sentence, occurrence.start);
    }
    if (picked.size === 0) return sentimentOf(0);
    const lang = context?.language ? this.languages.get(context.language) : undefined;
    let total = 0;
    for (const [sentence, start] of picked) {
      if (!context || !lang) {
        total += sentence.score;
        continue;
      }
      const field = sentence.field === 'title' ? context.title : context.text;
      const others: number[] = [];
      for (const o of context.others) if (o.field === sentence.field && o.start >= sentence.start && o.start < sentence.end) others.push(o.start - sentence.start);
      const unit = field.slice(sentence.start, sentence.end);
      total += entityScore(unit, start - sentence.start, others, sentence.score, (clause) => ruleScore(lang.rules, clause));
    }
    return sentimentOf(total / picked.size);
  }
}
