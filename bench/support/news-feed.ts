import type { Watchlist } from '../../src/config/watchlist.js';
import { prng } from '../corpus/generate.js';

/**
 * RSS feeds of generated news for the loopback end-to-end benchmark: items of about 2 KB of text,
 * English or French (seven in ten English), naming the watchlist's brands, people and products.
 * Sentences are assembled from parts (subject, action, object, circumstance) and invented place and
 * people names, so that items are different articles sharing common phrases, as in real feeds, not
 * copies of a few sentences (which would all fall into a handful of stories, or all be candidates
 * of each other for the story clusterer).
 */
const PARTS = {
  en: {
    subjects: ['The company', 'The group', 'Its chief executive', 'A spokesperson', 'The regulator', 'Union leaders', 'Analysts', 'Customers', 'The board', 'Investors', 'Local officials', 'The rival firm'],
    actions: ['announced', 'criticised', 'welcomed', 'questioned', 'praised', 'rejected', 'confirmed', 'denied', 'delayed', 'defended', 'described as excellent', 'called disappointing'],
    objects: ['the quarterly results', 'the new pricing plan', 'a merger proposal', 'the safety report', 'the strike notice', 'the planned job cuts', 'a recall of faulty units', 'the expansion into Asia', 'the customer service overhaul', 'the data breach', 'the hiring programme', 'the sustainability targets'],
    circumstances: ['on Monday', 'after weeks of talks', 'despite strong opposition', 'in a terse statement', 'at the annual meeting', 'ahead of the holidays', 'amid falling sales', 'to the surprise of many', 'in an interview', 'before markets opened', 'following complaints', 'as expected'],
  },
  fr: {
    subjects: ["L'entreprise", 'Le groupe', 'Son directeur général', 'Une porte-parole', "L'autorité de contrôle", 'Les syndicats', 'Les analystes', 'Les clients', "Le conseil d'administration", 'Les investisseurs', 'Les élus locaux', 'Le concurrent'],
    actions: ['a annoncé', 'a critiqué', 'a salué', 'a remis en cause', 'a félicité', 'a rejeté', 'a confirmé', 'a démenti', 'a reporté', 'a défendu', 'a jugé excellent', 'a trouvé décevant'],
    objects: ['les résultats trimestriels', 'la nouvelle grille tarifaire', 'un projet de fusion', 'le rapport de sécurité', 'le préavis de grève', 'les suppressions de postes', 'le rappel de produits défectueux', "l'expansion en Asie", 'la refonte du service client', 'la fuite de données', 'le plan de recrutement', 'les objectifs climatiques'],
    circumstances: ['lundi', 'après des semaines de discussions', 'malgré une forte opposition', 'dans un communiqué laconique', "lors de l'assemblée annuelle", 'avant les fêtes', 'sur fond de ventes en baisse', 'à la surprise générale', 'dans un entretien', "avant l'ouverture des marchés", 'après des plaintes', 'comme prévu'],
  },
};

const SYLLABLES = ['ba', 'cor', 'den', 'fi', 'gal', 'hu', 'jor', 'ka', 'lem', 'mo', 'nar', 'pel', 'qui', 'ros', 'sa', 'tin', 'vel', 'wo', 'yar', 'zo'];

/** Place and people names, invented: news vocabulary is large, and copies are what share most words. */
function vocabulary(random: () => number, size: number): string[] {
  return Array.from({ length: size }, () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(''));
}

const NAMES = vocabulary(prng(99), 4000);

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One item's title and ~2 KB of paragraphs. */
function article(random: () => number, watchlist: Watchlist, lang: 'en' | 'fr'): { title: string; paragraphs: string[] } {
  const parts = PARTS[lang];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const brand = pick(watchlist.brands);
  const person = pick(watchlist.people);
  const sentence = (): string => {
    const roll = random();
    const subject = roll < 0.25 ? brand.name : roll < 0.35 ? person.name : roll < 0.4 ? (brand.products[0] ?? brand.name) : pick(parts.subjects);
    const place = `${pick(NAMES)} ${pick(NAMES)}`;
    const who = `${pick(NAMES)} ${pick(NAMES)}`;
    return lang === 'en'
      ? `${subject} ${pick(parts.actions)} ${pick(parts.objects)} ${pick(parts.circumstances)} in ${place}, according to ${who}.`
      : `${subject} ${pick(parts.actions)} ${pick(parts.objects)} ${pick(parts.circumstances)} à ${place}, selon ${who}.`;
  };
  const paragraphs: string[] = [];
  let size = 0;
  while (size < 2000) {
    const paragraph = Array.from({ length: 3 }, sentence).join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 1;
  }
  return { title: `${brand.name}: ${pick(parts.subjects)} ${pick(parts.actions)} ${pick(parts.objects)}`, paragraphs };
}

/** An RSS 2.0 document of `items` generated news items for feed number `feed`. */
export function newsFeed(feed: number, items: number, watchlist: Watchlist, now: Date): string {
  const random = prng(1000 + feed);
  const parts: string[] = [];
  for (let i = 0; i < items; i++) {
    const { title, paragraphs } = article(random, watchlist, random() < 0.7 ? 'en' : 'fr');
    const date = new Date(now.getTime() - (feed * items + i) * 60_000).toUTCString();
    parts.push(
      `<item><title>${escapeXml(title)}</title><link>https://news${feed}.example.com/story/${i}</link>` +
        `<guid isPermaLink="false">news-${feed}-${i}</guid><pubDate>${date}</pubDate>` +
        `<description><![CDATA[${paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('')}]]></description></item>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>News ${feed}</title>` +
    `<link>https://news${feed}.example.com/</link><description>generated news</description>${parts.join('')}</channel></rss>`
  );
}
