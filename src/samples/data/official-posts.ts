import type { SocialTemplate } from './social-templates.js';

/** Posts from Acme's own Mastodon account (@AcmeRail): service news, apologies, good news. */
export const OFFICIAL_POSTS: SocialTemplate[] = [
  { lang: 'en', expected: 'neutral', entities: ['acme'], text: 'Service update: Acme Rail trains between {a} and {b} run on a modified timetable this weekend for track works. Check the Acme Pass app before you travel.' },
  { lang: 'en', expected: 'negative', entities: ['acme'], text: 'We are sorry: a signal failure near {a} is causing delays of up to an hour on Acme Rail services. Tickets are valid on local buses.' },
  { lang: 'en', expected: 'positive', entities: ['acme'], text: 'Great news for {a}: from Monday, Acme Rail adds {n} extra trains a day to {b}. Thank you for riding with us!' },
  { lang: 'en', expected: 'positive', entities: ['acme', 'sustainability'], text: 'Our first hydrogen train just completed its test run. Zero tailpipe emissions, and passengers loved the quiet ride. Acme is proud of the team!' },
  { lang: 'en', expected: 'neutral', entities: ['acme', 'strikes'], text: 'Strike notice: Acme Rail expects a reduced service on the {a} line on Thursday. Full details and refund options on our website.' },
  { lang: 'en', expected: 'neutral', entities: ['acme', 'claire-dubois'], text: 'Claire Dubois, CEO of Acme Group, speaks at the {a} transport forum today at 2 p.m. Livestream link in bio.' },
  { lang: 'en', expected: 'negative', entities: ['acme'], text: 'Acme Pass app: we know many of you could not open gates this morning. This is not good enough and we apologise. A fix is rolling out now.' },
  { lang: 'en', expected: 'positive', entities: ['acme'], text: 'October punctuality on Acme Rail: 94.2%, our best in ten years. Thank you to every driver, conductor and engineer.' },
  { lang: 'fr', expected: 'neutral', entities: ['acme'], text: 'Info trafic : travaux de nuit entre {a} et {b}, les derniers trains Acme partent 30 minutes plus tôt cette semaine.' },
  { lang: 'fr', expected: 'negative', entities: ['acme'], text: 'Nous sommes désolés : une panne de caténaire près de {a} perturbe fortement le trafic Acme Rail. Les billets sont remboursables.' },
  { lang: 'fr', expected: 'positive', entities: ['acme'], text: 'Bonne nouvelle : {n} trains Acme en plus le week-end entre {a} et {b}. Merci de votre fidélité !' },
  { lang: 'fr', expected: 'neutral', entities: ['acme', 'strikes'], text: 'Préavis de grève : le trafic Acme sera réduit jeudi sur l’axe {a}–{b}. Les billets Acme Pass sont échangeables sans frais.' },
  { lang: 'fr', expected: 'positive', entities: ['acme', 'sustainability'], text: 'Acme Vélo dépasse les 10 000 abonnés à Lyon. Merci ! Une belle étape pour la décarbonation de vos trajets.' },
  { lang: 'fr', expected: 'neutral', entities: ['acme', 'sophie-martin'], text: 'Point presse de Sophie Martin, porte-parole du Groupe Acme, à 11 h sur le plan de transport de l’hiver.' },
  { lang: 'fr', expected: 'positive', entities: ['acme'], text: 'La gare de {a} rénovée par Acme est ouverte : quais accessibles, nouveaux abris vélos. Bienvenue !' },
  { lang: 'fr', expected: 'negative', entities: ['acme', 'safety'], text: 'Incident de sécurité près de {a} : un train Acme a été évacué par précaution. Aucun blessé. Nous présentons nos excuses pour la gêne.' },
];
