import type { Template } from './templates.js';

/** Short news briefs, rendered with different places and figures across the news outlets. */
export const BRIEFS: Template[] = [
  {
    lang: 'en', expected: 'negative', entities: ['acme'],
    title: 'Signal failure causes long delays on Acme Rail between {a} and {b}',
    paragraphs: [
      '<p>A signal failure near {a} caused delays of more than an hour on Acme Rail services to {b} during the evening rush; {n} trains were cancelled.</p>',
      '<p>Passengers complained of overcrowded platforms and poor information. Services returned to normal after 9 p.m.</p>',
    ],
  },
  {
    lang: 'en', expected: 'positive', entities: ['acme'],
    title: 'Acme adds {n} extra weekend trains between {a} and {b}',
    paragraphs: [
      '<p>Acme Rail will run {n} additional weekend trains between {a} and {b} from next month, a move welcomed by local businesses as great news for tourism.</p>',
    ],
  },
  {
    lang: 'en', expected: 'neutral', entities: ['acme'],
    title: 'Acme Rail timetable change for {a} line takes effect Sunday',
    paragraphs: [
      '<p>The winter timetable for Acme Rail services between {a} and {b} takes effect on Sunday. Departure times shift by up to {n} minutes; journey times are unchanged.</p>',
    ],
  },
  {
    lang: 'en', expected: 'negative', entities: ['acme', 'strikes'],
    title: 'Walkout threat hangs over {a} commuters',
    paragraphs: [
      '<p>Union members at Acme&rsquo;s {a} depot voted for industrial action by a large majority. Commuters to {b} fear another week of cancellations and chaos.</p>',
    ],
  },
  {
    lang: 'en', expected: 'positive', entities: ['globex'],
    title: 'Globex praised for new {a}–{b} express',
    paragraphs: [
      '<p>Globex&rsquo;s new express between {a} and {b} cuts the journey by {n} minutes. Early riders praised the comfortable seats and excellent Wi-Fi.</p>',
    ],
  },
  {
    lang: 'en', expected: 'neutral', entities: ['initech-mobility'],
    title: 'CityHop shuttle pilot extended in {a}',
    paragraphs: ['<p>Initech Mobility&rsquo;s CityHop pilot in {a} will run for another {n} weeks, the city said, while officials review ridership data.</p>'],
  },
  {
    lang: 'en', expected: 'neutral', entities: [],
    title: '{a} bridge closed for inspection this weekend',
    paragraphs: ['<p>The main road bridge in {a} will close from Friday 10 p.m. to Monday 5 a.m. for a routine inspection. Detours via {b} Road will be signposted; allow {n} extra minutes.</p>'],
  },
  {
    lang: 'en', expected: 'negative', entities: ['acme', 'safety'],
    title: 'Door fault forces evacuation of Acme train near {a}',
    paragraphs: [
      '<p>About {n} passengers were evacuated from an Acme Rail train near {a} after a door failed to close. Nobody was hurt, but riders called the handling of the incident terrible and slow.</p>',
    ],
  },
  {
    lang: 'fr', expected: 'negative', entities: ['acme'],
    title: 'Panne de caténaire : gros retards entre {a} et {b}',
    paragraphs: [
      '<p>Une panne de caténaire a provoqué plus d&rsquo;une heure de retard et {n} trains supprimés sur les lignes Acme entre {a} et {b}. Les voyageurs déplorent un manque d&rsquo;information &laquo; lamentable &raquo;.</p>',
    ],
  },
  {
    lang: 'fr', expected: 'positive', entities: ['acme'],
    title: '{a}–{b} : Acme Rail ajoute {n} trains le week-end',
    paragraphs: ['<p>Bonne nouvelle pour les voyageurs : Acme Rail ajoute {n} trains le week-end entre {a} et {b}. Les commerçants saluent une excellente initiative.</p>'],
  },
  {
    lang: 'fr', expected: 'neutral', entities: ['acme'],
    title: 'Horaires d’hiver : ce qui change sur la ligne {a}–{b}',
    paragraphs: ['<p>Les horaires d&rsquo;hiver d&rsquo;Acme Rail entrent en vigueur dimanche entre {a} et {b}. Certains départs sont décalés de {n} minutes.</p>'],
  },
  {
    lang: 'fr', expected: 'negative', entities: ['acme', 'strikes'],
    title: 'Préavis de grève au dépôt Acme de {a}',
    paragraphs: ['<p>Un préavis de grève a été déposé au dépôt Acme de {a}. Les usagers de la ligne vers {b} craignent de nouvelles galères : &laquo; c&rsquo;est insupportable &raquo;.</p>'],
  },
  {
    lang: 'fr', expected: 'positive', entities: ['globex'],
    title: 'Globex : la nouvelle liaison {a}–{b} plébiscitée',
    paragraphs: ['<p>La nouvelle liaison de Globex entre {a} et {b} fait gagner {n} minutes. Les voyageurs saluent un service confortable et ponctuel.</p>'],
  },
  {
    lang: 'fr', expected: 'neutral', entities: [],
    title: '{a} : fermeture du pont pour travaux ce week-end',
    paragraphs: ['<p>Le pont principal de {a} sera fermé de vendredi soir à lundi matin. Une déviation par {b} est prévue ; comptez {n} minutes de plus.</p>'],
  },
  {
    lang: 'fr', expected: 'negative', entities: ['acme', 'safety'],
    title: 'Incident de sécurité : un train Acme évacué près de {a}',
    paragraphs: ['<p>Environ {n} voyageurs ont été évacués d&rsquo;un train Acme près de {a} après un dégagement de fumée. Pas de blessés, mais une gestion jugée chaotique par les passagers.</p>'],
  },
  {
    lang: 'fr', expected: 'neutral', entities: ['initech-mobility'],
    title: 'Initech Mobility prolonge ses navettes à {a}',
    paragraphs: ['<p>Initech Mobility prolonge de {n} semaines l&rsquo;expérimentation de ses navettes à la demande à {a}, le temps d&rsquo;analyser la fréquentation.</p>'],
  },
];
