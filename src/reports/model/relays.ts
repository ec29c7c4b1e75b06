import type { Stakeholder, StakeholderKind } from '../../config/stakeholders.js';
import type { Mention } from '../../core/mention.js';

/** Case- and accent-folded, as the query language compares field values. */
export function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** Who published a mention, as the stakeholders section names it. */
export interface Voice {
  stakeholder: Stakeholder | null;
  kind: StakeholderKind;
}

const EXTERNAL: Voice = { stakeholder: null, kind: 'external' };

/**
 * Classes mentions by their publisher: a listed author first (the more precise), then a listed
 * source; anything else is external.
 */
export class RelayClassifier {
  private readonly bySource = new Map<string, Stakeholder>();
  private readonly byAuthor = new Map<string, Stakeholder>();
  private readonly byPerson = new Map<string, Stakeholder>();

  constructor(readonly stakeholders: readonly Stakeholder[]) {
    for (const s of stakeholders) {
      for (const id of s.sources) this.bySource.set(id, s);
      for (const name of s.authors) this.byAuthor.set(fold(name), s);
      for (const id of s.people) this.byPerson.set(id, s);
    }
  }

  voiceOf(mention: Pick<Mention, 'author' | 'sourceId'>): Voice {
    const s = (mention.author ? this.byAuthor.get(fold(mention.author)) : undefined) ?? this.bySource.get(mention.sourceId);
    return s ? { stakeholder: s, kind: s.kind } : EXTERNAL;
  }

  kindOfSource(sourceId: string): Voice {
    const s = this.bySource.get(sourceId);
    return s ? { stakeholder: s, kind: s.kind } : EXTERNAL;
  }

  kindOfAuthor(author: string): Voice {
    const s = this.byAuthor.get(fold(author));
    return s ? { stakeholder: s, kind: s.kind } : EXTERNAL;
  }

  /** The stakeholder a watchlist person belongs to, if any. */
  ofPerson(personId: string): Stakeholder | undefined {
    return this.byPerson.get(personId);
  }
}

/** A value as the query language reads it: a bare word when safe, else a phrase (quotes dropped). */
export function queryValue(value: string): string {
  if (/^[\p{L}\p{N}_-]+$/u.test(value) && !/^(AND|OR|NOT)$/.test(value)) return value;
  return `"${value.replace(/["\\]/g, ' ').replace(/\s+/g, ' ').trim()}"`;
}

/** The query that finds what a stakeholder published (`source:a OR author:"B"`), or null. */
export function voiceQuery(s: Stakeholder): string | null {
  const parts = [...s.sources.map((id) => `source:${queryValue(id)}`), ...s.authors.map((a) => `author:${queryValue(a)}`)];
  if (parts.length === 0) return null;
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
}

/** The query that finds the mentions naming a stakeholder's people, or null. */
export function visibilityQuery(s: Stakeholder): string | null {
  if (s.people.length === 0) return null;
  return s.people.length === 1 ? `person:${queryValue(s.people[0] as string)}` : `person:(${s.people.map(queryValue).join(' OR ')})`;
}

/** `a AND b`, parenthesising `b` when it holds a top-level OR. */
export function and(scope: string, extra: string): string {
  return scope === '' ? extra : `${scope} AND ${extra}`;
}
