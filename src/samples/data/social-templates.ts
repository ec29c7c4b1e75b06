import type { ExpectedSentiment, SampleLanguage } from '../sample-types.js';

/** A short post for the #acme hashtag timeline; {a}/{b}/{n}/{h} are filled as for templates. */
export interface SocialTemplate {
  lang: SampleLanguage;
  expected: ExpectedSentiment;
  entities: string[];
  text: string;
  trap?: boolean;
}

const en = (expected: ExpectedSentiment, entities: string[], text: string, trap?: boolean): SocialTemplate => ({ lang: 'en', expected, entities, text, ...(trap ? { trap } : {}) });
const fr = (expected: ExpectedSentiment, entities: string[], text: string, trap?: boolean): SocialTemplate => ({ lang: 'fr', expected, entities, text, ...(trap ? { trap } : {}) });

export const SOCIAL: SocialTemplate[] = [
  en('negative', ['acme'], 'Acme Rail {a} → {b} cancelled AGAIN. Third time this week. Not good.'),
  en('negative', ['acme'], '{n} minutes stuck outside {b} with zero announcements. Awful, @AcmeRail.'),
  en('negative', ['acme'], 'The Acme Pass app logged me out at the gate. Again. Who tests this stuff?'),
  en('negative', ['acme', 'strikes'], 'If the Acme strike goes ahead I literally cannot get to work in {b}. Such a mess.'),
  en('negative', ['acme'], 'Fares up 7%, trains still late. Outrage is the right word. {a} commuters deserve better.'),
  en('negative', ['acme', 'safety'], 'Broken door on the 7:42 from {a}, taped shut. Nobody cares about safety? Worrying.'),
  en('positive', ['acme'], 'Shout-out to the Acme Rail conductor on the {a} train who helped a lost kid find her mum. Brilliant.'),
  en('positive', ['acme'], 'Early, clean, quiet. The {a} → {b} Acme train was perfect this morning. Love it.'),
  en('positive', ['acme', 'claire-dubois'], 'Great talk by Claire Dubois at the transit summit in {a}. Clear, honest, inspiring.'),
  en('positive', ['acme', 'sustainability'], 'Acme going hydrogen on the regional lines is excellent news for the climate. 👏'),
  en('positive', ['acme'], 'Restored station at {a} looks amazing. Well done Acme!'),
  en('neutral', ['acme'], 'Acme Rail timetable changes on the {a} line from Sunday. Check before you travel.'),
  en('neutral', ['acme', 'mark-ellison'], 'Acme Q3 call: Mark Ellison says guidance unchanged, capex update in February.'),
  en('neutral', ['acme'], 'Anyone know if the Acme Pass covers the {a} shuttle bus?'),
  en('neutral', ['acme', 'sophie-martin'], 'Sophie Martin (Acme) will be on the {a} morning radio show at 8:10.'),
  en('negative', ['globex'], 'Globex Express from {a} delayed {n} min, no Wi-Fi, no coffee. Terrible.'),
  en('positive', ['initech-mobility'], 'CityHop shuttle in {a} was fantastic tonight, four-minute wait. Initech got this right.'),
  en('neutral', ['globex', 'acme'], 'Comparing Globex and Acme for the {a}–{b} commute; spreadsheet coming soon.'),
  en('neutral', [], 'Rewatching Road Runner with {h}: every #acme crate still blows up on the Coyote, what a cartoon.', true),
  en('positive', [], 'Finishing my first marathon in {a} felt like the #acme of my running career. Happy!', true),
  en('neutral', ['acme'], 'Photo: Acme freight train crossing the {a} viaduct at sunrise.'),
  en('negative', ['acme'], 'Waited {n} minutes for a refund answer from Acme support. Pathetic.'),
  fr('negative', ['acme'], 'Encore un train Acme supprimé entre {a} et {b}. Ras-le-bol, c’est pas terrible du tout.'),
  fr('negative', ['acme'], '{n} minutes de retard à {b}, aucune info. Lamentable, @AcmeRail.'),
  fr('negative', ['acme', 'strikes'], 'Grève chez Acme demain, je fais comment pour aller bosser à {b} ? Galère.'),
  fr('negative', ['acme'], 'L’appli Acme Pass plante encore au portique. Franchement nul.'),
  fr('negative', ['acme', 'safety'], 'Porte bloquée dans le train Acme de {a}, on a attendu 40 min. Inquiétant pour la sécurité.'),
  fr('negative', ['acme'], 'Hausse des tarifs Acme : scandale. On paie plus pour des trains en retard.'),
  fr('positive', ['acme'], 'Train Acme {a}–{b} à l’heure, propre et calme. Bravo !'),
  fr('positive', ['acme'], 'Merci au contrôleur Acme du train de {a}, super sympa et très pro. Top.'),
  fr('positive', ['acme', 'sustainability'], 'Le train à hydrogène d’Acme, c’est une excellente nouvelle pour la planète 🌱'),
  fr('positive', ['acme'], 'La nouvelle gare de {a} rénovée par Acme est magnifique. Bravo aux équipes.'),
  fr('positive', ['acme', 'claire-dubois'], 'Très belle intervention de Claire Dubois à {a} ce matin sur l’avenir du rail. Inspirant.'),
  fr('neutral', ['acme'], 'Changement d’horaires Acme sur la ligne {a}–{b} à partir de dimanche.'),
  fr('neutral', ['acme'], 'Quelqu’un sait si l’Acme Pass marche pour les vélos à {a} ?'),
  fr('neutral', ['acme', 'julien-moreau'], 'Julien Moreau (Acme) annonce des travaux de nuit entre {a} et {b}.'),
  fr('neutral', ['acme', 'sophie-martin'], 'Point presse de Sophie Martin, porte-parole d’Acme, demain à 11 h, sur le plan de transport de la semaine.'),
  fr('negative', ['globex'], 'Globex encore en retard entre {a} et {b}. Pas terrible.'),
  fr('positive', ['initech-mobility'], 'Les vélos Initech à {a} sont géniaux, super pratique !'),
  fr('neutral', ['globex', 'acme'], 'Globex ou Acme pour aller de {a} à {b} ? Vos avis ?'),
  fr('positive', [], 'Soirée dessins animés avec {h} : Bip Bip et les caisses #acme du Coyote 😄', true),
  fr('neutral', ['acme'], 'Photo du jour : un train de fret Acme sur le viaduc de {a}.'),
];
