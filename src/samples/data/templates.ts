import type { ExpectedSentiment, SampleLanguage } from '../sample-types.js';

/**
 * A text pattern rendered several times with different slot values ({a}, {b}: places; {n}: a
 * number; {h}: a handle-free first name). Each template carries the reader's sentiment and the
 * watchlist ids its text names, so generated items stay labelled.
 */
export interface Template {
  lang: SampleLanguage;
  expected: ExpectedSentiment;
  entities: string[];
  title: string;
  paragraphs: string[];
}

export interface Slots {
  a: string;
  b: string;
  n: number;
  h: string;
}

export const PLACES_EN: [string, string][] = [
  ['Boston', 'Providence'],
  ['New York', 'Philadelphia'],
  ['Baltimore', 'Washington'],
  ['New Haven', 'Hartford'],
  ['Albany', 'New York'],
  ['Newark', 'Trenton'],
  ['Stamford', 'New Haven'],
];

export const PLACES_FR: [string, string][] = [
  ['Paris', 'Lyon'],
  ['Lyon', 'Marseille'],
  ['Bordeaux', 'Toulouse'],
  ['Lille', 'Paris'],
  ['Rennes', 'Nantes'],
  ['Strasbourg', 'Metz'],
  ['Dijon', 'Besançon'],
  ['Montpellier', 'Nîmes'],
];

export const FIRST_NAMES = ['Emma', 'Lucas', 'Chloé', 'Noah', 'Léa', 'Liam', 'Manon', 'Ethan', 'Jade', 'Olivia', 'Hugo', 'Ava'];

/** Replaces {a}, {b}, {n} and {h} in a template string. */
export function fill(text: string, slots: Slots): string {
  return text.replace(/\{([abnh])\}/g, (_whole, name: string) => String(slots[name as keyof Slots]));
}

/** Bylines for generated items, by feed family (news desks and blog authors). */
export const BYLINES: Record<'news-en' | 'news-fr' | 'blog-en' | 'blog-fr', string[]> = {
  'news-en': ['Priya Natarajan', 'Tom Avery', 'Luis Ortega', 'Graham Pike', 'Sarah Lindqvist'],
  'news-fr': ['Camille Leroy', 'Hugo Bernard', 'Yann Le Gall', 'Étienne Faure', 'Inès Garnier'],
  'blog-en': ['Sam Okafor'],
  'blog-fr': ['Léa Dumas', 'Karim Haddad'],
};
