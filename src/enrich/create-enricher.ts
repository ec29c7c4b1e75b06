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
 * The enricher for a watchlist: compiled once (phrase automaton, lexicons, language model), then
 * `enrich` is pure and synchronous. Language by eld (hint on short or unsure text), entities with
 * context rules and offsets into the original title and text, document and entity sentiment for
 * English and French (`unscored` otherwise), and a MinHash signature for near-duplicates.
 */
export function createEnricher(watchlist: Watchlist, options: EnricherOptions = {}): Enricher {
  const compiled = compileWatchlist(watchlist);
  const analyzer = new SentimentAnalyzer({ frenchModel: options.frenchModel !== false, englishModel: options.englishModel === true });
  const maxTextChars = Math.max(1, options.maxTextChars ?? 100_000);

  const prepare = (field: 'title' | 'text', original: string): PreparedField => {
    const folded = fold(original);
    return { field, original, folded, tokens: wordTokens(folded) };
  };

  return {
    enrich(input: EnrichInput): Enrichment {
      const title = typeof input.title === 'string' ? input.title : '';
      const fullText = typeof input.text === 'string' ? input.text : '';
      const text = fullText.length > maxTextChars ? fullText.slice(0, maxTextChars) : fullText;
      const language = detectLanguage({ title, text, languageHint: input.languageHint, language: input.language });
      const fields = [prepare('title', title), prepare('text', text)];
      const entities: EntityMatch[] = matchEntities(compiled, fields);
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
      const words = fields[0]!.tokens.words.concat(fields[1]!.tokens.words);
      return { language, entities, sentiment: analysis.document, signature: minhash(words) };
    },
  };
}
