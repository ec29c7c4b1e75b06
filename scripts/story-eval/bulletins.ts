/**
 * Templated bulletins, one a day per template, as agencies publish them: market close, gold price,
 * weather and football results, in English and French. Same words every day; the figures, the
 * date and (for results) the fixtures change. Figures are drawn from a seeded walk, so each day
 * moves a little from the last, as real markets and temperatures do.
 */
import { prng } from '../../bench/corpus/generate.js';
import type { Article } from './wire-story.js';

export interface Bulletin extends Article {
  template: string;
  day: number;
  publishedAt: string;
}

const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FR_DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const EN_TEAMS = ['Harwick Town', 'Esker City', 'Millbrook Rovers', 'Redstone United', 'Port Elling', 'Ashford Athletic', 'Norcastle', 'Pine Hollow FC'];
const FR_TEAMS = ['FC Valmont', 'Olympique Montrevel', 'AS Saint-Aubrac', 'Racing Lille-Sud', 'Stade Rodez Ouest', 'US Sarve', 'AC Lyon-Est', 'SC Corbel'];

type Fill = (date: Date, day: number, walk: (name: string, start: number, step: number, digits?: number) => string, random: () => number) => Article;

const signed = (value: string, up: string, down: string): string => (value.startsWith('-') ? `${down} ${value.slice(1)}` : `${up} ${value}`);

function results(teams: string[], random: () => number, join: (a: string, b: string, x: number, y: number) => string): string {
  const order = [...teams].sort(() => random() - 0.5);
  const lines: string[] = [];
  for (let i = 0; i < order.length; i += 2) lines.push(join(order[i]!, order[i + 1]!, Math.floor(random() * 4), Math.floor(random() * 4)));
  return lines.join('\n');
}

const TEMPLATES: Record<string, Fill> = {
  'en-market-close': (date, _day, walk) => ({
    title: `FTSE 100 closes ${signed(walk('ftse%', 0, 0.8, 2), 'up', 'down')}%`,
    text: `LONDON, ${date.toLocaleDateString('en-GB', { month: 'long', day: 'numeric' })} (Wireline) - The FTSE 100 index closed at ${walk('ftse', 8120, 40, 2)} points on ${EN_DAYS[date.getUTCDay()]}, with ${walk('risers', 50, 20, 0)} of its constituents gaining ground. Mining shares moved ${walk('mining', 0, 1.5, 2)}% and banks ${walk('banks', 0, 1.2, 2)}%. Sterling traded at ${walk('eur', 1.17, 0.004, 4)} euros and ${walk('usd', 1.27, 0.006, 4)} dollars. Brent crude settled at ${walk('brent', 82, 1.2, 2)} dollars a barrel. In Paris the CAC 40 ended at ${walk('cac', 7450, 45, 2)} points, and Frankfurt's DAX at ${walk('dax', 18200, 110, 2)}.`,
  }),
  'en-gold': (date, _day, walk) => ({
    title: 'Gold price fixed in London',
    text: `The price of gold was fixed at ${walk('gold', 2310, 18, 2)} dollars an ounce in London on ${date.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}, against ${walk('goldam', 2305, 18, 2)} dollars at the morning fix. Silver was at ${walk('silver', 27.4, 0.35, 2)} dollars and platinum at ${walk('platinum', 985, 9, 2)} dollars. In sterling, gold was worth ${walk('goldgbp', 1820, 14, 2)} pounds an ounce.`,
  }),
  'en-weather': (date, _day, walk, random) => ({
    title: `Weather for ${EN_DAYS[date.getUTCDay()]}`,
    text: `Weather for ${EN_DAYS[date.getUTCDay()]} ${date.getUTCDate()} ${date.toLocaleDateString('en-GB', { month: 'long' })}: ${random() < 0.5 ? 'cloudy with sunny spells' : 'showers, heavy at times'} in the north with highs of ${walk('north', 11, 2, 0)} degrees; ${random() < 0.5 ? 'mostly sunny' : 'overcast with light rain'} in the south with highs of ${walk('south', 15, 2, 0)} degrees. Winds from the ${random() < 0.5 ? 'west' : 'south-west'} at ${walk('wind', 25, 8, 0)} km/h, gusting to ${walk('gust', 50, 12, 0)} km/h on the coast. Tonight, lows of ${walk('low', 4, 2, 0)} degrees. Pollen count ${random() < 0.5 ? 'low' : 'moderate'}. Sunrise at 6.${walk('rise', 40, 2, 0)}, sunset at 18.${walk('set', 10, 2, 0)}.`,
  }),
  'en-results': (date, _day, _walk, random) => ({
    title: `Northern League results, ${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long' })}`,
    text: `Northern League, matchday results (${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}):\n${results(EN_TEAMS, random, (a, b, x, y) => `${a} ${x}-${y} ${b}`)}\nAll matches kicked off at 15.00. Full table and scorers on page 46.`,
  }),
  'fr-cloture': (date, _day, walk) => ({
    title: `La Bourse de Paris termine ${signed(walk('cac%', 0, 0.8, 2).replace('.', ','), 'en hausse de', 'en baisse de')} %`,
    text: `PARIS, ${date.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long' })} (Agence Hexa) - Le CAC 40 a terminé la séance de ${FR_DAYS[date.getUTCDay()]} à ${walk('cac', 7450, 45, 2).replace('.', ',')} points, avec ${walk('hausses', 20, 8, 0)} valeurs en hausse sur 40. Le volume d'échanges a atteint ${walk('volume', 3.6, 0.5, 1).replace('.', ',')} milliards d'euros. L'euro cotait ${walk('usd', 1.08, 0.005, 4).replace('.', ',')} dollar. Le baril de Brent s'échangeait à ${walk('brent', 82, 1.2, 2).replace('.', ',')} dollars. À Francfort, le DAX a fini à ${walk('dax', 18200, 110, 2).replace('.', ',')} points et à Londres le FTSE à ${walk('ftse', 8120, 40, 2).replace('.', ',')} points.`,
  }),
  'fr-or': (date, _day, walk) => ({
    title: "Cours de l'or à Paris",
    text: `Le lingot d'or d'un kilogramme s'échangeait à ${walk('lingot', 69800, 600, 0)} euros ${FR_DAYS[date.getUTCDay()]} ${date.getUTCDate()} ${date.toLocaleDateString('fr-FR', { month: 'long' })}, contre ${walk('veille', 69700, 600, 0)} euros la veille. Le napoléon cotait ${walk('napoleon', 402, 4, 0)} euros et la pièce de 20 dollars ${walk('dollar20', 2090, 20, 0)} euros. L'once d'argent valait ${walk('argent', 25.3, 0.3, 2).replace('.', ',')} euros.`,
  }),
  'fr-meteo': (date, _day, walk, random) => ({
    title: `Météo du ${FR_DAYS[date.getUTCDay()]} ${date.getUTCDate()}`,
    text: `Prévisions pour ${FR_DAYS[date.getUTCDay()]} ${date.getUTCDate()} ${date.toLocaleDateString('fr-FR', { month: 'long' })} : ${random() < 0.5 ? 'temps nuageux avec quelques éclaircies' : 'averses parfois orageuses'} sur la moitié nord, maximales de ${walk('nord', 12, 2, 0)} degrés ; ${random() < 0.5 ? 'soleil dominant' : 'ciel voilé'} au sud, jusqu'à ${walk('sud', 17, 2, 0)} degrés. Vent d'${random() < 0.5 ? 'ouest' : 'est'} de ${walk('vent', 20, 7, 0)} km/h, rafales à ${walk('rafales', 45, 10, 0)} km/h sur le littoral. Minimales de ${walk('min', 5, 2, 0)} degrés la nuit prochaine. Lever du soleil à 7 h ${walk('lever', 20, 2, 0)}, coucher à 18 h ${walk('coucher', 45, 2, 0)}.`,
  }),
  'fr-resultats': (date, _day, _walk, random) => ({
    title: `Division régionale : les résultats du ${date.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long' })}`,
    text: `Division régionale, résultats de la journée du ${date.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' })} :\n${results(FR_TEAMS, random, (a, b, x, y) => `${a} - ${b} : ${x}-${y}`)}\nTous les matches ont débuté à 18 heures. Classement complet et buteurs en page 32.`,
  }),
};

/** `days` bulletins of every template, one a day from `firstDay`, each at its template's hour. */
export function bulletins(firstDay: string, days: number, seed: number): Bulletin[] {
  const out: Bulletin[] = [];
  let template = 0;
  for (const [name, fill] of Object.entries(TEMPLATES)) {
    const random = prng(seed + template);
    const state = new Map<string, number>();
    const walk = (key: string, start: number, step: number, digits = 2): string => {
      const value = (state.get(key) ?? start) + (random() - 0.5) * 2 * step;
      state.set(key, value);
      return value.toFixed(digits);
    };
    for (let day = 0; day < days; day += 1) {
      const date = new Date(Date.parse(`${firstDay}T00:00:00Z`) + day * 86_400_000);
      const at = new Date(date.getTime() + (6 + template * 2) * 3_600_000);
      out.push({ template: name, day, publishedAt: at.toISOString(), ...fill(date, day, walk, random) });
    }
    template += 1;
  }
  return out;
}
