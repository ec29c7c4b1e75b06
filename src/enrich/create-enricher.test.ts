import { describe, expect, it } from 'vitest';
import { watchlistSchema } from '../config/watchlist.js';
import { createEnricher, createTextMatcher, createTextScorer } from './create-enricher.js';
import { compareSignatures } from './signature/minhash.js';

const watchlist = watchlistSchema.parse({
  brands: [
    { id: 'orange', name: 'Orange', aliases: ['Orange SA'], context: { exclude: ['jus', 'juice', 'fruit'] } },
    { id: 'loreal', name: "L'Oréal", role: 'competitor', products: ['Elsève'] },
    { id: 'acme', name: 'Acme', aliases: ['Acme Corp'], products: ['Acme Cloud'] },
    { id: 'apple', name: 'Apple', context: { require: ['iphone', 'mac', 'ios'] } },
  ],
  people: [
    { id: 'jp-agon', name: 'Jean-Paul Agon', aliases: ['J.-P. Agon', 'Agon'], organisation: 'loreal' },
    { id: 'claire-dubois', name: 'Claire Dubois', organisation: 'acme' },
  ],
  topics: [{ id: 'strike', name: 'Strike', terms: ['grève', 'strike'] }],
});
const enricher = createEnricher(watchlist);
const ids = (title: string, text = ''): string[] => enricher.enrich({ title, text }).entities.map((e) => e.id);

describe('createEnricher: entities', () => {
  it('keeps offsets into the original strings, whatever the case, accents and apostrophes', () => {
    const title = 'Résultats : L’ORÉAL et l’oreal progressent';
    const result = enricher.enrich({ title, text: '' });
    const loreal = result.entities.find((e) => e.id === 'loreal')!;
    expect(loreal.role).toBe('competitor');
    expect(loreal.occurrences.map((o) => title.slice(o.start, o.end))).toEqual(['L’ORÉAL', 'l’oreal']);
    expect(loreal.occurrences.map((o) => o.text)).toEqual(['L’ORÉAL', 'l’oreal']);
  });

  it('handles elisions, possessives, plurals and hyphens', () => {
    expect(ids("Le cours d'Acme s'envole")).toEqual(['acme']);
    expect(ids("Acme's CEO quits")).toEqual(['acme']);
    expect(ids('Two Acmes are better than one')).toEqual(['acme']);
    expect(ids('Acme-backed startup')).toEqual(['acme']);
    expect(ids('Acmeister is not a brand')).toEqual([]);
    expect(ids('Down again, @AcmeCloud #AcmeCorp')).toEqual(['acme']);
  });

  it('prefers the longest alias and counts products as the brand', () => {
    const result = enricher.enrich({ title: 'Acme Cloud outage', text: '' });
    expect(result.entities).toHaveLength(1);
    expect(result.entities[0]!.occurrences[0]).toMatchObject({ start: 0, end: 10, text: 'Acme Cloud' });
  });

  it('tells homonyms apart with exclude and require terms', () => {
    expect(ids("Un verre de jus d'orange pressé")).toEqual([]);
    expect(ids('Orange relève ses prix', 'Un jus de fruit. Orange annonce une hausse.')).toEqual(['orange']);
    expect(ids('Apple pie recipe')).toEqual([]);
    expect(ids('Apple sells fewer iPhones')).toEqual(['apple']);
  });

  it('counts a surname alone only near the company or the full name', () => {
    expect(ids('Agon quitte la direction')).toEqual([]);
    expect(ids("Agon quitte la direction de L'Oréal")).toEqual(['jp-agon', 'loreal']);
    expect(ids('J.-P. Agon parle')).toEqual(['jp-agon']);
    expect(ids('Dubois wins', 'Claire Dubois said. Later Dubois added more.')).toEqual(['claire-dubois']);
    expect(ids('Mr Dubois the baker')).toEqual([]);
  });

  it('matches in texts without spaces and with diacritics of other scripts', () => {
    const cjk = createEnricher(watchlistSchema.parse({ brands: [{ id: 'sony', name: '索尼' }] }));
    const result = cjk.enrich({ title: '索尼公司发布新产品', text: '' });
    expect(result.entities[0]?.occurrences[0]).toMatchObject({ start: 0, end: 2 });
    // A Hangul syllable is one letter: 한국 must not match 하고, whose syllables start alike.
    const korean = createEnricher(watchlistSchema.parse({ brands: [{ id: 'hanguk', name: '한국' }, { id: 'yoga', name: 'Йога' }] }));
    const tagged = (text: string): string[] => korean.enrich({ title: '', text }).entities.map((e) => e.id);
    expect(tagged('그는 일을 하고 있다')).toEqual([]);
    expect(tagged('한국 경제가 성장했다')).toEqual(['hanguk']);
    // Marks of other scripts make other letters, as in the index: йога, not иога.
    expect(tagged('ЙОГА в парке')).toEqual(['yoga']);
    expect(tagged('иога в парке')).toEqual([]);
  });

  it('does not blow up on hostile input', () => {
    const started = Date.now();
    const result = enricher.enrich({ title: 'a'.repeat(50_000), text: `${'a '.repeat(40_000)}Acme` });
    expect(result.entities.map((e) => e.id)).toEqual(['acme']);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('createEnricher: language and sentiment', () => {
  it('detects French and English on short titles and long texts', () => {
    expect(enricher.enrich({ title: 'Acme shares fall after chief executive quits', text: '' }).language).toBe('en');
    expect(enricher.enrich({ title: "L'action Acme chute après le départ du patron", text: '' }).language).toBe('fr');
    expect(enricher.enrich({ title: 'Acme', text: '', languageHint: 'fr-FR' }).language).toBe('fr');
    expect(enricher.enrich({ title: 'Acme', text: '', language: 'de' }).language).toBe('de');
  });

  it('scores English and French with negation, and leaves other languages unscored', () => {
    expect(enricher.enrich({ title: 'Acme is not good at all', text: '', language: 'en' }).sentiment.label).toBe('negative');
    expect(enricher.enrich({ title: 'Acme is really great!', text: '', language: 'en' }).sentiment.label).toBe('positive');
    expect(enricher.enrich({ title: "Le nouveau produit d'Acme est pas terrible", text: '', language: 'fr' }).sentiment.label).toBe('negative');
    expect(enricher.enrich({ title: "Pas mal du tout, le service d'Acme", text: '', language: 'fr' }).sentiment.label).toBe('positive');
    expect(enricher.enrich({ title: 'Acme ist großartig', text: '', language: 'de' }).sentiment).toEqual({ score: 0, label: 'unscored' });
  });

  it('lets a short news item\'s title weigh double, and keeps the French post model off news items', () => {
    const opinion = enricher.enrich({
      title: 'Opinion: Acme’s hydrogen bet is a costly mistake',
      text: 'Hydrogen trains make good headlines, but the economics are poor. Its emissions targets are welcome.',
      language: 'en',
    });
    expect(opinion.sentiment.label).toBe('negative');
    const news = enricher.enrich({ title: 'Horaires d’hiver : ce qui change sur la ligne Lyon–Marseille', text: 'Certains départs sont décalés de 14 minutes.' });
    expect(news.sentiment.label).toBe('neutral');
  });

  it('gives each entity the sentiment of its own sentences', () => {
    const text = 'Acme launched an excellent, wonderful product. Meanwhile Orange suffered a terrible, disastrous outage.';
    const result = enricher.enrich({ title: '', text, language: 'en' });
    const byId = Object.fromEntries(result.entities.map((e) => [e.id, e.sentiment?.label]));
    expect(byId).toEqual({ acme: 'positive', orange: 'negative' });
  });

  it('signs near-duplicates alike and different texts apart', () => {
    const base =
      'Acme Corp announced on Tuesday that it will open a new factory in Lyon, creating 300 jobs by 2027 according to the company. ' +
      'The plant will build batteries for electric buses and should reach full capacity within three years, the chief executive said. ' +
      'Local officials welcomed the decision, which follows months of talks with the region over subsidies and land. ' +
      'Unions asked for guarantees on wages and training, and analysts expect the move to lift the group margin next year.';
    const sign = (title: string, text: string): string => enricher.enrich({ title, text }).signature!;
    const a = sign('Acme opens Lyon factory', base);
    const b = sign('Acme to open factory in Lyon', `${base.replace('Tuesday', 'Monday')} Reporting by Jane Doe.`);
    const c = sign('Orange cuts prices', 'Orange will cut its mobile prices across Europe next month.');
    expect(compareSignatures(a, b)!.containment).toBeGreaterThanOrEqual(0.8);
    expect(compareSignatures(a, c)!.containment).toBeLessThan(0.2);
    expect(enricher.enrich({ title: '', text: '' }).signature).toBeNull();
  });
});

describe('createTextMatcher and createTextScorer: the two halves on two threads', () => {
  it('give what the enricher gives when the matched text crosses a thread boundary between them', () => {
    const match = createTextMatcher(watchlist, { maxTextChars: 120 });
    const score = createTextScorer();
    const whole = createEnricher(watchlist, { maxTextChars: 120 });
    const inputs = [
      { title: 'Acme Corp cuts 300 jobs', text: 'Claire Dubois said Acme will close the Lyon plant. Orange SA gained.', languageHint: 'en' },
      { title: "L'Oréal progresse", text: "Jean-Paul Agon salue les résultats d'Elsève, mais la grève continue chez Orange.", languageHint: 'fr' },
      { title: 'Acme', text: `Acme ${'word '.repeat(100)} Orange SA`, language: 'de' },
      { title: '', text: '' },
    ];
    for (const input of inputs) {
      const matched = match(input);
      expect(matched.entities.every((e) => e.sentiment === undefined)).toBe(true);
      expect(matched.text.length).toBeLessThanOrEqual(120);
      expect(score(structuredClone(matched))).toEqual(whole.enrich(input));
    }
    const [english, french, forced] = inputs.map((input) => score(structuredClone(match(input))));
    expect(english!.language).toBe('en');
    expect(english!.entities.map((e) => [e.id, e.sentiment?.label])).toEqual([['acme', 'negative'], ['claire-dubois', 'neutral'], ['orange', 'positive']]);
    expect(french!.language).toBe('fr');
    // Orange SA lies beyond the 120 characters analysed.
    expect(forced!.entities.map((e) => [e.id, e.sentiment?.label])).toEqual([['acme', 'unscored']]);
  });
});
