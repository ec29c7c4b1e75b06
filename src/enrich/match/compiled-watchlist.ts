import type { EntityKind } from '../../core/mention.js';
import type { Watchlist } from '../../config/watchlist.js';
import { fold } from '../../core/text/fold.js';
import { wordTokens } from '../text/word-tokens.js';
import { PhraseMatcher } from './phrase-matcher.js';

/** One watchlist entry, ready for matching. */
export interface CompiledEntry {
  kind: EntityKind;
  id: string;
  name: string;
  role?: string;
  /** Context term ids: at least one must appear in the mention (empty = no requirement). */
  require: number[];
  /** Context term ids: a match with one of these near it does not count. */
  exclude: number[];
  /** For a person: the entry index of their organisation's brand, or -1. */
  organisation: number;
}

/** What a phrase in the automaton stands for. */
export type PhrasePayload =
  | { type: 'alias'; entry: number; surnameOnly: boolean }
  | { type: 'context'; term: number };

export interface CompiledWatchlist {
  entries: CompiledEntry[];
  matcher: PhraseMatcher<PhrasePayload>;
}

/**
 * Compiles the watchlist once: every alias, product, person variant, topic term and context term
 * goes into one phrase automaton; multi-word names also go in joined ("acmerail"), as social
 * handles and hashtags write them. A person's one-word variants (and the surname taken from the
 * name) are marked `surnameOnly`: they count only near the person's company or full name.
 */
export function compileWatchlist(watchlist: Watchlist): CompiledWatchlist {
  const matcher = new PhraseMatcher<PhrasePayload>();
  const entries: CompiledEntry[] = [];
  const terms = new Map<string, number>();
  const brandIndex = new Map<string, number>();

  const termIds = (list: string[]): number[] => {
    const ids: number[] = [];
    for (const term of list) {
      const key = wordTokens(fold(term)).words.join(' ');
      if (key === '') continue;
      let id = terms.get(key);
      if (id === undefined) {
        id = terms.size;
        terms.set(key, id);
        matcher.add(term, { type: 'context', term: id }, { plural: true });
      }
      ids.push(id);
    }
    return ids;
  };
  const addAliases = (entry: number, phrases: Iterable<string>, plural: boolean): void => {
    const seen = new Set<string>();
    for (const phrase of phrases) {
      const words = wordTokens(fold(phrase)).words;
      // "Acme Rail" also as "acmerail": social handles and hashtags (@AcmeRail, #AcmeRail).
      const variants = words.length > 1 && words.join('').length >= 5 ? [words.join(' '), words.join('')] : [words.join(' ')];
      for (const key of variants) {
        if (key === '' || seen.has(key)) continue;
        seen.add(key);
        matcher.add(key, { type: 'alias', entry, surnameOnly: false }, { plural });
      }
    }
  };

  for (const brand of watchlist.brands) {
    const entry = entries.length;
    brandIndex.set(brand.id, entry);
    entries.push({
      kind: 'brand',
      id: brand.id,
      name: brand.name,
      role: brand.role,
      require: termIds(brand.context.require),
      exclude: termIds(brand.context.exclude),
      organisation: -1,
    });
    addAliases(entry, [brand.name, ...brand.aliases, ...brand.products], true);
  }
  for (const person of watchlist.people) {
    const entry = entries.length;
    entries.push({
      kind: 'person',
      id: person.id,
      name: person.name,
      require: termIds(person.context.require),
      exclude: termIds(person.context.exclude),
      organisation: person.organisation === undefined ? -1 : (brandIndex.get(person.organisation) ?? -1),
    });
    const full = new Set<string>();
    const single = new Set<string>();
    const nameWords = wordTokens(fold(person.name)).words;
    // The name itself always counts, even when it is one word ("Madonna").
    if (nameWords.length > 0) full.add(nameWords.join(' '));
    for (const variant of person.aliases) {
      const words = wordTokens(fold(variant)).words;
      if (words.length === 0) continue;
      (words.length === 1 ? single : full).add(words.join(' '));
    }
    const surname = nameWords[nameWords.length - 1];
    if (nameWords.length > 1 && surname !== undefined && surname.length >= 3) single.add(surname);
    for (const phrase of full) {
      matcher.add(phrase, { type: 'alias', entry, surnameOnly: false });
      const joined = phrase.replace(/ /g, '');
      if (joined !== phrase && joined.length >= 5 && !full.has(joined)) matcher.add(joined, { type: 'alias', entry, surnameOnly: false });
    }
    for (const phrase of single) {
      if (full.has(phrase)) continue;
      matcher.add(phrase, { type: 'alias', entry, surnameOnly: true });
    }
  }
  for (const topic of watchlist.topics) {
    const entry = entries.length;
    entries.push({
      kind: 'topic',
      id: topic.id,
      name: topic.name,
      require: termIds(topic.context.require),
      exclude: termIds(topic.context.exclude),
      organisation: -1,
    });
    addAliases(entry, topic.terms, true);
  }
  return { entries, matcher };
}
