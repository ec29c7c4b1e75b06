import type { Template } from './templates.js';

/** Personal, longer-form posts: the Atom blog (English) and the JSON Feed newsletter (mostly French). */
export const BLOG_EN: Template[] = [
  {
    lang: 'en', expected: 'negative', entities: ['acme'],
    title: 'Week {n} of my commute diary: another missed connection at {a}',
    paragraphs: [
      '<p>Another Monday, another cancelled Acme Rail train out of {a}. I waited forty minutes on a freezing platform for the next one to {b}, with no announcement worth the name.</p>',
      '<p>I want to like rail. I really do. But this is not good, and the <em>Acme Pass</em> refund form still asks me to print a PDF. In 2026.</p>',
    ],
  },
  {
    lang: 'en', expected: 'positive', entities: ['acme'],
    title: 'Credit where due: the {a}–{b} run is brilliant now',
    paragraphs: [
      '<p>I have complained a lot here, so fairness demands this post: the Acme Rail service between {a} and {b} has been excellent for {n} days running. On time, clean, quiet car that is actually quiet.</p>',
      '<p>Whoever fixed the scheduling: thank you. Great job.</p>',
    ],
  },
  {
    lang: 'en', expected: 'neutral', entities: ['acme', 'globex'],
    title: 'Comparing monthly passes: Acme Pass vs Globex Flex',
    paragraphs: [
      '<p>I put the numbers side by side for a {a}&ndash;{b} commute. Acme Pass costs a little more per month; Globex Flex charges per ride after 40 trips.</p>',
      '<p>Which one wins depends on how often you travel. My spreadsheet is <a href="https://commuternotes.example/files/passes.csv?utm_source=atom">here</a>.</p>',
    ],
  },
  {
    lang: 'en', expected: 'negative', entities: ['acme', 'strikes'],
    title: 'Strike week survival guide for {a} commuters',
    paragraphs: [
      '<p>If the Acme conductors walk out, the {a} line will be a mess. Buses to {b} will be packed by 7 a.m. Here is what worked last time, and why the whole situation is so frustrating.</p>',
      '<ul><li>Leave before 6:30.</li><li>Check the union&rsquo;s updates, not only the operator&rsquo;s.</li></ul>',
    ],
  },
  {
    lang: 'en', expected: 'positive', entities: ['initech-mobility'],
    title: 'I tried CityHop in {a} and I am a convert',
    paragraphs: ['<p>Initech Mobility&rsquo;s CityHop picked me up in four minutes, the driver was lovely and the fare was fair. A wonderful way to cover the last mile to {b}.</p>'],
  },
  {
    lang: 'en', expected: 'neutral', entities: [],
    title: 'Reading list #{n}: transport, cities and sleep',
    paragraphs: ['<p>Three long reads I saved this week: on parking minimums, on night buses in {a}, and on why stations have clocks. No strong opinions today.</p>'],
  },
  {
    lang: 'en', expected: 'positive', entities: ['acme', 'sustainability'],
    title: 'Why Acme’s electrification plan for {a} matters',
    paragraphs: ['<p>Replacing diesel on the {a}&ndash;{b} branch cuts emissions by roughly {n} thousand tonnes a year. It is a genuinely good plan and deserves support.</p>'],
  },
  {
    lang: 'en', expected: 'negative', entities: ['globex'],
    title: 'Globex lost my bike (again)',
    paragraphs: ['<p>Second time this year that Globex staff at {a} could not find a bike I checked in. Customer service told me to wait {n} days. Terrible.</p>'],
  },
];

export const BLOG_FR: Template[] = [
  {
    lang: 'fr', expected: 'negative', entities: ['acme'],
    title: 'Lettre n°{n} : la galère des usagers de la ligne {a}–{b}',
    paragraphs: [
      '<p>Cette semaine encore, les trains Acme entre {a} et {b} ont accumulé les retards. Nos lecteurs sont exaspérés : &laquo; pas terrible, et c&rsquo;est un euphémisme &raquo;.</p>',
      '<p>Nous avons écrit au Groupe Acme pour obtenir des explications.</p>',
    ],
  },
  {
    lang: 'fr', expected: 'positive', entities: ['acme', 'sustainability'],
    title: 'Décarbonation : le train à hydrogène d’Acme, une belle réussite',
    paragraphs: ['<p>Nous avons voyagé à bord du train à hydrogène d&rsquo;Acme entre {a} et {b} : silencieux, confortable, impressionnant. Bravo pour cette avancée en matière de durabilité.</p>'],
  },
  {
    lang: 'fr', expected: 'neutral', entities: ['acme', 'globex', 'initech-mobility'],
    title: 'Le point sur les abonnements : Acme, Globex, Initech',
    paragraphs: ['<p>Tableau comparatif des abonnements mensuels pour un trajet {a}&ndash;{b} : Acme Pass, Globex Flex et la formule CityHop d&rsquo;Initech Mobility. Les écarts sont faibles, environ {n}&nbsp;&euro;.</p>'],
  },
  {
    lang: 'fr', expected: 'negative', entities: ['acme', 'strikes'],
    title: 'Grève : les usagers de {a} à bout',
    paragraphs: ['<p>Troisième mouvement social en deux mois chez Acme. À {a}, les usagers n&rsquo;en peuvent plus : trajets annulés, correspondances ratées, informations contradictoires. Une situation déplorable.</p>'],
  },
  {
    lang: 'fr', expected: 'positive', entities: ['acme', 'claire-dubois'],
    title: 'Rencontre avec Claire Dubois : « le rail a de l’avenir »',
    paragraphs: ['<p>La directrice générale du Groupe Acme nous a reçus à {a}. Un entretien passionnant et optimiste sur l&rsquo;avenir du train, des idées claires et une équipe motivée.</p>'],
  },
  {
    lang: 'fr', expected: 'neutral', entities: [],
    title: 'Agenda de la mobilité : les rendez-vous de la semaine {n}',
    paragraphs: ['<p>Salon des transports publics à {a} mardi, conférence sur le vélo à {b} jeudi. Entrée libre sur inscription.</p>'],
  },
  {
    lang: 'fr', expected: 'negative', entities: ['initech-mobility'],
    title: 'Initech Mobility à {a} : des trottinettes mal entretenues',
    paragraphs: ['<p>Freins usés, batteries vides : les trottinettes d&rsquo;Initech à {a} laissent à désirer. Un service médiocre, regrettent nos lecteurs.</p>'],
  },
  {
    lang: 'en', expected: 'neutral', entities: ['acme', 'safety'],
    title: 'English edition: what the new rail safety rules mean for Acme',
    paragraphs: ['<p>From January, operators such as Acme must report every safety incident within {n} hours. The rules apply to all lines, including {a}&ndash;{b}.</p>'],
  },
];
