import type { EntityMatch, MatchField } from '../../core/mention.js';
import type { WordTokens } from '../text/word-tokens.js';
import type { CompiledWatchlist, PhrasePayload } from './compiled-watchlist.js';
import type { PhraseHit } from './phrase-matcher.js';

/** A text field already folded and tokenised (shared with sentiment and signatures). */
export interface PreparedField {
  field: MatchField;
  original: string;
  folded: string;
  tokens: WordTokens;
}

/** How many words away an `exclude` term still counts as "near" a match. */
const EXCLUDE_WINDOW = 10;
/** How many words away a person's company must be for their surname alone to count. */
const SURNAME_WINDOW = 40;

interface Accepted {
  entry: number;
  field: PreparedField;
  first: number;
  last: number;
  surnameOnly: boolean;
}

/** Whether no sentence end (". ", "!", "?", line break) lies between two hits. */
function sameSentence(field: PreparedField, a: PhraseHit<PhrasePayload>, b: PhraseHit<PhrasePayload>): boolean {
  const from = field.tokens.ends[Math.min(a.last, b.last)]!;
  const to = field.tokens.starts[Math.max(a.first, b.first)]!;
  return from >= to || !/[.!?\n]\s/.test(field.folded.slice(from, to + 1));
}

/** Keeps the leftmost-longest alias hits that do not overlap (context terms are kept apart). */
function resolveOverlaps(hits: PhraseHit<PhrasePayload>[]): PhraseHit<PhrasePayload>[] {
  const aliases = hits.filter((hit) => hit.payload.type === 'alias');
  aliases.sort((a, b) => a.first - b.first || b.last - a.last);
  const kept: PhraseHit<PhrasePayload>[] = [];
  let end = -1;
  for (const hit of aliases) {
    if (hit.first <= end) continue;
    kept.push(hit);
    end = hit.last;
  }
  return kept;
}

/**
 * Finds the watchlist entities of one mention, with context rules applied: `require` terms
 * anywhere in the mention, `exclude` terms near the match, a person's surname alone only near
 * their company (or when their full name appears too).
 */
export function matchEntities(compiled: CompiledWatchlist, fields: PreparedField[]): EntityMatch[] {
  const { entries, matcher } = compiled;
  const presentTerms = new Set<number>();
  const contextHits = new Map<PreparedField, PhraseHit<PhrasePayload>[]>();
  const aliasHits: { field: PreparedField; hit: PhraseHit<PhrasePayload> }[] = [];

  for (const field of fields) {
    const hits = matcher.findAll(field.tokens, field.folded);
    const context = hits.filter((hit) => hit.payload.type === 'context');
    for (const hit of context) if (hit.payload.type === 'context') presentTerms.add(hit.payload.term);
    contextHits.set(field, context);
    for (const hit of resolveOverlaps(hits)) aliasHits.push({ field, hit });
  }
  if (aliasHits.length === 0) return [];

  const accepted: Accepted[] = [];
  for (const { field, hit } of aliasHits) {
    if (hit.payload.type !== 'alias') continue;
    const entry = entries[hit.payload.entry]!;
    if (entry.require.length > 0 && !entry.require.some((term) => presentTerms.has(term))) continue;
    if (entry.exclude.length > 0) {
      const near = (contextHits.get(field) ?? []).some(
        (other) =>
          other.payload.type === 'context' &&
          entry.exclude.includes(other.payload.term) &&
          other.last >= hit.first - EXCLUDE_WINDOW &&
          other.first <= hit.last + EXCLUDE_WINDOW &&
          sameSentence(field, other, hit),
      );
      if (near) continue;
    }
    accepted.push({ entry: hit.payload.entry, field, first: hit.first, last: hit.last, surnameOnly: hit.payload.surnameOnly });
  }

  const withFullName = new Set(accepted.filter((a) => !a.surnameOnly).map((a) => a.entry));
  const confirmed = accepted.filter((a) => {
    if (!a.surnameOnly || withFullName.has(a.entry)) return true;
    const organisation = entries[a.entry]!.organisation;
    if (organisation < 0) return false;
    return accepted.some(
      (b) =>
        b.entry === organisation &&
        b.field === a.field &&
        b.last >= a.first - SURNAME_WINDOW &&
        b.first <= a.last + SURNAME_WINDOW,
    );
  });

  const byEntry = new Map<number, EntityMatch>();
  for (const a of confirmed) {
    const start = a.field.tokens.starts[a.first]!;
    const end = a.field.tokens.ends[a.last]!;
    const occurrence = { field: a.field.field, start, end, text: a.field.original.slice(start, end) };
    const existing = byEntry.get(a.entry);
    if (existing) {
      existing.occurrences.push(occurrence);
      continue;
    }
    const entry = entries[a.entry]!;
    const match: EntityMatch = { kind: entry.kind, id: entry.id, name: entry.name, occurrences: [occurrence] };
    if (entry.role !== undefined) match.role = entry.role;
    byEntry.set(a.entry, match);
  }
  return [...byEntry.values()];
}
