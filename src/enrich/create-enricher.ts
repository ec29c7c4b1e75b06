import type { EntityMatch } from '../core/mention.js';
import type { Watchlist } from '../config/watchlist.js';
import type { Enricher, EnrichInput, Enrichment } from './enricher.js';
import { detectLanguage } from './language/detect-language.js';
import { compileWatchlist } from './match/compiled-watchlist.js';
import { matchEntities, type PreparedField } from './match/entity-matcher.js';
import { SentimentAnalyzer } from './sentiment/sentiment-analyzer.js';
import { UNSCORED } from './sentiment/valence.js';
import { minhash } from './signature/minhash.js';
import { fold } from '../core/text/fold.js';
import { wordTokens } from './text/word-tokens.js';

/** Options of the enricher. */
export interface EnricherOptions {
  /**
   * Characters of body text analysed (matching, sentiment, signature). Longer texts are cut here
   * so one huge item cannot stall the stage; offsets stay valid for the original. Default 100,000.
   */
  maxTextChars?: number;
  /**
   * Score French with the layer trained on the DEFT 2017 tweets and Allociné reviews (default true
   * when its file is installed); false uses the French rules alone. See docs/enrichment.md.
   */
  frenchModel?: boolean;
  /**
   * Score short English posts with the layer trained on the SemEval 2017 tweets (default false:
   * it scores the SemEval validation split better but the VADER sets worse); when false or when
   * its file is absent, English is the VADER rules alone.
   */
  englishModel?: boolean;
}

/**
 * Enrichment's first half, which needs no language: the title and the (cut) text, with the
 * watchlist entities found in them (offsets into the originals, no sentiment yet) and the
 * near-duplicate signature. `createTextScorer` finishes it.
 */
export interface MatchedText {
  title: string;
  /** The body text, cut to `maxTextChars`. */
  text: string;
  languageHint?: string | null;
  language?: string | null;
  entities: EntityMatch[];
  signature: string | null;
}

/**
 * The first half of `createEnricher`: the watchlist compiled once (phrase automaton), then each
 * input's entities and MinHash signature. Pure and synchronous; a thread can run it alone and hand
 * its results to a thread that runs `createTextScorer`.
 */
export function createTextMatcher(watchlist: Watchlist, options: Pick<EnricherOptions, 'maxTextChars'> = {}): (input: EnrichInput) => MatchedText {
  const compiled = compileWatchlist(watchlist);
  const maxTextChars = Math.max(1, options.maxTextChars ?? 100_000);

  const prepare = (field: 'title' | 'text', original: string): PreparedField => {
    const folded = fold(original);
    return { field, original, folded, tokens: wordTokens(folded) };
  };

  return (input) => {
    const title = typeof input.title === 'string' ? input.title : '';
    const fullText = typeof input.text === 'string' ? input.text : '';
    const text = fullText.length > maxTextChars ? fullText.slice(0, maxTextChars) : fullText;
    const fields = [prepare('title', title), prepare('text', text)];
    const entities: EntityMatch[] = matchEntities(compiled, fields);
    const words = fields[0]!.tokens.words.concat(fields[1]!.tokens.words);
    return { title, text, languageHint: input.languageHint, language: input.language, entities, signature: minhash(words) };
  };
}

/**
 * The second half of `createEnricher`: the language (eld's model; the hint on short or unsure
 * text), then document and entity sentiment for English and French (`unscored` otherwise). Sets
 * each entity's `sentiment` on the `MatchedText` it is given, and returns the whole enrichment.
 */
export function createTextScorer(options: Pick<EnricherOptions, 'frenchModel' | 'englishModel'> = {}): (matched: MatchedText) => Enrichment {
  const analyzer = new SentimentAnalyzer({ frenchModel: options.frenchModel !== false, englishModel: options.englishModel === true });

  return ({ title, text, languageHint, language: forced, entities, signature }) => {
    const language = detectLanguage({ title, text, languageHint, language: forced });
    const analysis = analyzer.analyse(language, title, text);
    const scored = analyzer.supports(language);
    for (const entity of entities) {
      if (!scored) {
        entity.sentiment = { ...UNSCORED };
        continue;
      }
      const others = entities.filter((e) => e !== entity).flatMap((e) => e.occurrences);
      entity.sentiment = analyzer.around(analysis.sentences, entity.occurrences, { language, title, text, others });
    }
    return { language, entities, sentiment: analysis.document, signature };
  };
}

/**
 * The enricher for a watchlist: compiled once (phrase automaton, lexicons, language model), then
 * `enrich` is pure and synchronous. Language by eld (hint on short or unsure text), entities with
 * context rules and offsets into the original title and text, document and entity sentiment for
 * English and French (`unscored` otherwise), and a MinHash signature for near-duplicates: the
 * scorer's half after the matcher's.
 */
export function createEnricher(watchlist: Watchlist, options: EnricherOptions = {}): Enricher {
  const match = createTextMatcher(watchlist, options);
  const score = createTextScorer(options);
  return { enrich: (input) => score(match(input)) };
}
