/**
 * Copies of a wire story as newspapers print them, made by fixed rules from the written texts
 * (seeded, so every run builds the same set): cut from the end to a half or a third of the body,
 * lightly edited (house style: dateline, spacing, hyphens, glued punctuation, figures written
 * differently, a few typos, a byline), given a new headline, or a new lead paragraph.
 */
import { prng } from '../../bench/corpus/generate.js';
import type { Article, WireStory } from './wire-story.js';

export type CopyClass = 'cut-half' | 'cut-third' | 'cut-edited' | 'edited' | 'new-headline' | 'new-lead' | 'rewritten';

export interface Copy extends Article {
  kind: CopyClass;
}

const body = (story: WireStory): string => story.paragraphs.join('\n\n');

/** The body cut from the end at a sentence boundary, keeping at least `share` of its characters. */
export function cutTo(story: WireStory, share: number): string {
  const text = body(story);
  const sentences = text.match(/[^.!?»]+[.!?»]+["”»]?\s*/g) ?? [text];
  let kept = '';
  for (const sentence of sentences) {
    if (kept.length >= share * text.length) break;
    kept += sentence;
  }
  return kept.trim();
}

/** Drops the agency dateline ("HARWICK, March 3 (Wireline) - ") or writes it the house's way. */
function dateline(text: string, random: () => number): string {
  const match = /^([A-ZÉÈ' -]+), ([^()]+) \(([^)]+)\) - /.exec(text);
  if (!match) return text;
  const rest = text.slice(match[0].length);
  const city = match[1]!.charAt(0) + match[1]!.slice(1).toLowerCase();
  const roll = random();
  if (roll < 0.4) return rest.charAt(0).toUpperCase() + rest.slice(1);
  if (roll < 0.7) return `${city} (${match[3]}) — ${rest}`;
  return `${match[1]} – ${rest}`;
}

const SPACING: [RegExp, string][] = [
  [/ :/g, ':'],
  [/« /g, '«'],
  [/ »/g, '»'],
  [/ %/g, '%'],
  [/ ;/g, ';'],
  [/, /g, ','],
  [/ percent/g, '%'],
  [/(\d),(\d{3})/g, '$1$2'],
  [/(\d) (\d{3})/g, '$1$2'],
  [/(\d)\.(\d)/g, '$1,$2'],
];

/** Joins two neighbouring words with a hyphen or nothing, or splits a hyphenated pair, at a few places. */
function respace(text: string, random: () => number, count: number): string {
  let out = text;
  for (let n = 0; n < count; n += 1) {
    const spaces = [...out.matchAll(/\p{L} \p{L}/gu)].map((m) => m.index + 1);
    if (spaces.length === 0) break;
    const at = spaces[Math.floor(random() * spaces.length)]!;
    out = `${out.slice(0, at)}${random() < 0.5 ? '-' : ''}${out.slice(at + 1)}`;
  }
  return out.replace(/(\p{L})-(\p{L})/gu, (whole, a: string, b: string) => (random() < 0.3 ? `${a} ${b}` : whole));
}

/** A few typos: a letter dropped, doubled or swapped with its neighbour, in words of five letters or more. */
function typos(text: string, random: () => number, count: number): string {
  let out = text;
  for (let n = 0; n < count; n += 1) {
    const words = [...out.matchAll(/\p{L}{5,}/gu)];
    const word = words[Math.floor(random() * words.length)];
    if (!word) break;
    const i = 1 + Math.floor(random() * (word[0].length - 2));
    const w = word[0];
    const roll = random();
    const edited = roll < 0.33 ? w.slice(0, i) + w.slice(i + 1) : roll < 0.66 ? w.slice(0, i) + w[i] + w.slice(i) : w.slice(0, i - 1) + w[i] + w[i - 1] + w.slice(i + 1);
    out = out.slice(0, word.index) + edited + out.slice(word.index + w.length);
  }
  return out;
}

const BYLINES = {
  en: ['(Reporting by Sam Okoye; editing by Ruth Miller)', 'Additional reporting by our staff.', '— Wireline'],
  fr: ['(Avec Agence Hexa)', 'Avec notre correspondant.', '— Rédaction, avec agence'],
};

/** A light edit in the house style of one newspaper (`seed` picks which). */
export function lightlyEdit(story: WireStory, text: string, seed: number): string {
  const random = prng(seed);
  let out = dateline(text, random);
  for (const [pattern, replacement] of SPACING) if (random() < 0.5) out = out.replace(pattern, replacement);
  out = respace(out, random, 3);
  out = typos(out, random, 3);
  if (random() < 0.6) out += `\n${BYLINES[story.lang][Math.floor(random() * 3)]!}`;
  return out;
}

/** Every copy of one story: two of each cut, two cut and edited, four edited, and one of each other kind. */
export function copiesOf(story: WireStory, seed: number): Copy[] {
  const whole = body(story);
  const half = cutTo(story, 0.5);
  const third = cutTo(story, 1 / 3);
  const lead = [story.newLead, ...story.paragraphs.slice(1)].join('\n\n');
  return [
    { kind: 'cut-half', title: story.title, text: half },
    { kind: 'cut-half', title: story.altTitle, text: dateline(half, prng(seed + 1)) },
    { kind: 'cut-third', title: story.title, text: third },
    { kind: 'cut-third', title: story.altTitle, text: dateline(third, prng(seed + 2)) },
    { kind: 'cut-edited', title: story.title, text: lightlyEdit(story, half, seed + 3) },
    { kind: 'cut-edited', title: story.title, text: lightlyEdit(story, third, seed + 4) },
    ...[5, 6, 7, 8].map((n): Copy => ({ kind: 'edited', title: story.title, text: lightlyEdit(story, whole, seed + n) })),
    { kind: 'new-headline', title: story.altTitle, text: whole },
    { kind: 'new-lead', title: story.title, text: lead },
    { kind: 'rewritten', ...story.rewrite },
  ];
}
