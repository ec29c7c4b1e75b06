import { watchlistSchema, type Watchlist } from '../../src/config/watchlist.js';

/** Generated watchlists and English and French news texts for the benchmarks (written for them, no measuring set). */
const SYLLABLES = ['ka', 'lo', 'mi', 'tra', 'zen', 'vor', 'qui', 'bel', 'dor', 'nex', 'sol', 'ver', 'ami', 'rho', 'tek'];

function name(random: () => number, parts = 2): string {
  let out = '';
  for (let i = 0; i < parts; i += 1) out += SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** A generated watchlist: `brands` brands with an alias and a product each, `people` people, `topics` topics. */
export function buildWatchlist(random: () => number, sizes: { brands: number; people: number; topics: number } = { brands: 300, people: 150, topics: 50 }): Watchlist {
  const brands = Array.from({ length: sizes.brands }, (_, i) => ({
    id: `brand-${i}`,
    name: `${name(random, 3)} ${i}`,
    aliases: [`${name(random, 2)}${i} Group`],
    products: [`${name(random, 2)} ${i}X`],
    role: i < 10 ? 'own' : 'competitor',
    context: i % 10 === 0 ? { require: [], exclude: ['recipe', 'recette'] } : undefined,
  }));
  const people = Array.from({ length: sizes.people }, (_, i) => ({
    id: `person-${i}`,
    name: `${name(random, 2)} ${name(random, 3)}${i}`,
    organisation: `brand-${i % sizes.brands}`,
  }));
  const topics = Array.from({ length: sizes.topics }, (_, i) => ({ id: `topic-${i}`, name: `Topic ${i}`, terms: [`${name(random, 3)}ism${i}`] }));
  return watchlistSchema.parse({ brands, people, topics });
}

const EN = [
  'The company said on Tuesday that quarterly revenue rose sharply, beating what analysts had expected.',
  'Critics called the decision a terrible mistake and warned that customers would not forgive it.',
  'Shares fell after the chief executive admitted the launch had been badly handled.',
  'The new product is really good, and early reviews praise its design and battery life!',
  'Regulators opened an investigation into the deal, which unions described as a disaster for jobs.',
  'The group plans to open three factories next year and hire about 2,000 people in Europe.',
];
const FR = [
  "L'entreprise a annoncé mardi une hausse de son chiffre d'affaires, supérieure aux attentes des analystes.",
  "Les syndicats dénoncent un plan social brutal et appellent à la grève dans tous les sites.",
  "Le nouveau service n'est pas terrible, selon plusieurs clients déçus qui réclament un remboursement.",
  "Le patron s'est dit très fier de cette réussite et remercie les équipes pour leur travail formidable.",
  "L'autorité de la concurrence ouvre une enquête sur ce rachat jugé inquiétant par les associations.",
  "Le groupe prévoit d'ouvrir trois usines l'an prochain et de recruter près de 2 000 personnes en Europe.",
];

/** About 2 KB texts, English and French in turn, naming watched brands, people and products. */
export function buildTexts(random: () => number, watchlist: Watchlist, count: number): { title: string; text: string }[] {
  const texts: { title: string; text: string }[] = [];
  for (let i = 0; i < count; i += 1) {
    const bank = i % 2 === 0 ? EN : FR;
    const brand = watchlist.brands[Math.floor(random() * watchlist.brands.length)]!;
    const person = watchlist.people[Math.floor(random() * watchlist.people.length)]!;
    let text = '';
    while (text.length < 2000) {
      let sentence = bank[Math.floor(random() * bank.length)]!;
      const roll = random();
      if (roll < 0.2) sentence = `${brand.name}: ${sentence}`;
      else if (roll < 0.3) sentence = `${person.name} (${brand.aliases[0]}) : ${sentence}`;
      else if (roll < 0.35) sentence = `${sentence} ${brand.products[0]} ${i % 7}.`;
      text += `${sentence} `;
    }
    texts.push({ title: `${brand.name} ${bank[i % bank.length]!.slice(0, 60)}`, text: text.slice(0, 2048) });
  }
  return texts;
}

