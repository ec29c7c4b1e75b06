import type { SampleDraft, SampleFeedId } from '../sample-types.js';

/** How one outlet republished a wire story: small edits, as syndication does in real life. */
export interface WireCopy {
  feed: SampleFeedId;
  /** Minutes after the wire time the outlet published its copy. */
  lagMinutes: number;
  /** `kicker` prefixes a section label ("Commute: "). */
  title?: 'title-case' | 'kicker' | 'as-is';
  /** Index of a paragraph the outlet cut. */
  dropParagraph?: number;
  /** A line the outlet added at the end (HTML). */
  addLine?: string;
  /** Tracking parameters on the outlet's link (removed by URL canonicalisation). */
  tracking?: string;
}

export interface WireStory extends SampleDraft {
  /** Hours before the start of today the wire moved the story. */
  hoursAgo: number;
  copies: WireCopy[];
}

/** Wire stories republished by 3 to 5 outlets each: the syndicated copies story clustering folds. */
export const WIRE_STORIES: WireStory[] = [
  {
    key: 'wire-strike-notice-northeast',
    lang: 'en',
    expected: 'negative',
    entities: ['acme', 'sophie-martin', 'strikes'],
    hoursAgo: 30,
    author: 'Dana Whitfield, Transit Wire',
    title: 'Acme Rail conductors file strike notice as pay talks collapse',
    paragraphs: [
      '<p>Conductors on <strong>Acme Rail</strong>&rsquo;s Northeast corridor filed a 72-hour strike notice on Tuesday after talks over pay and rostering broke down, raising the prospect of widespread delays for commuters between Boston and Washington.</p>',
      '<p>The union said members were &ldquo;exhausted by months of broken promises&rdquo; and accused management of cutting rest periods. Acme Group spokesperson Sophie Martin said the company regretted the decision and remained &ldquo;available for talks at any hour&rdquo;.</p>',
      '<p>Passenger groups warned of chaos. &ldquo;People are already angry about cancellations; a walkout would be a disaster for shift workers,&rdquo; said a spokesperson for the Corridor Riders Association.</p>',
      '<p>Acme Rail carries about 180,000 passengers on a typical weekday on the corridor.</p>',
    ],
    copies: [
      { feed: 'daily-courier', lagMinutes: 12, title: 'title-case', tracking: 'utm_source=rss&utm_medium=feed' },
      { feed: 'metro-herald', lagMinutes: 41, dropParagraph: 3, tracking: 'utm_source=rss' },
      { feed: 'rail-business-review', lagMinutes: 95, addLine: '<p><em>Rail Business Review will update this story as talks progress.</em></p>' },
      { feed: 'commuter-notes', lagMinutes: 180, title: 'kicker', tracking: 'fbclid=IwAR0sample' },
    ],
  },
  {
    key: 'wire-hydrogen-order',
    lang: 'en',
    expected: 'positive',
    entities: ['acme', 'claire-dubois', 'sustainability'],
    hoursAgo: 150,
    author: 'Transit Wire staff',
    title: 'Acme orders 40 hydrogen trains in push to cut emissions',
    paragraphs: [
      '<p>Acme Group has placed an order for 40 hydrogen-powered regional trains, a deal analysts praised as a bold step toward decarbonising lines that are too costly to electrify.</p>',
      '<p>&ldquo;This is the most important investment in our history,&rdquo; chief executive <strong>Claire Dubois</strong> said. &ldquo;By 2030 our regional fleet will run with zero tailpipe emissions.&rdquo;</p>',
      '<p>Environmental groups welcomed the order as an excellent example for the sector. The first trains are due in service on the Lyon&ndash;Grenoble line in 2028.</p>',
    ],
    copies: [
      { feed: 'daily-courier', lagMinutes: 5, tracking: 'utm_source=rss&utm_campaign=green' },
      { feed: 'rail-business-review', lagMinutes: 30, title: 'title-case' },
      { feed: 'metro-herald', lagMinutes: 64, addLine: '<p>Related: <a href="https://metroherald.example/tag/climate">our climate coverage</a>.</p>' },
    ],
  },
  {
    key: 'wire-q3-results',
    lang: 'en',
    expected: 'neutral',
    entities: ['acme', 'mark-ellison'],
    hoursAgo: 340,
    author: 'Dana Whitfield, Transit Wire',
    title: 'Acme reports third-quarter revenue of $2.1 billion',
    paragraphs: [
      '<p>Acme Group reported third-quarter revenue of $2.1 billion on Thursday, in line with analyst estimates, and kept its full-year guidance unchanged.</p>',
      '<p>Chief financial officer Mark Ellison said ridership on Acme Rail rose 3% year on year while freight volumes were flat. Operating margin was 8.4%.</p>',
      '<p>The company will publish its capital markets plan in February.</p>',
    ],
    copies: [
      { feed: 'daily-courier', lagMinutes: 8 },
      { feed: 'rail-business-review', lagMinutes: 22, title: 'title-case', tracking: 'utm_source=newsletter&mc_cid=abc123' },
      { feed: 'metro-herald', lagMinutes: 47, dropParagraph: 2 },
      { feed: 'commuter-notes', lagMinutes: 300, title: 'kicker' },
      { feed: 'lettre-mobilite', lagMinutes: 420, tracking: 'utm_source=jsonfeed' },
    ],
  },
  {
    key: 'wire-globex-bid',
    lang: 'en',
    expected: 'neutral',
    entities: ['globex', 'rebecca-hart'],
    hoursAgo: 500,
    author: 'Transit Wire staff',
    title: 'Globex bids for Boston commuter rail contract',
    paragraphs: [
      '<p>Globex Transport has submitted a bid to operate Boston&rsquo;s commuter rail network from 2028, chief executive Rebecca Hart confirmed on Monday.</p>',
      '<p>The eight-year contract, worth an estimated $4 billion, is expected to draw two or three bidders. The transit authority will announce a shortlist in the spring.</p>',
    ],
    copies: [
      { feed: 'daily-courier', lagMinutes: 15, tracking: 'utm_source=rss' },
      { feed: 'metro-herald', lagMinutes: 20, title: 'title-case' },
      { feed: 'rail-business-review', lagMinutes: 140, addLine: '<p>Globex declined to comment on pricing.</p>' },
    ],
  },
  {
    key: 'wire-greve-sud-est',
    lang: 'fr',
    expected: 'negative',
    entities: ['acme', 'julien-moreau', 'strikes'],
    hoursAgo: 60,
    author: 'Agence Rail Presse',
    title: 'Grève chez Acme : trafic très perturbé dans le Sud-Est ce week-end',
    paragraphs: [
      '<p>Le trafic des trains <strong>Acme Rail</strong> sera fortement perturbé samedi et dimanche dans le Sud-Est, à la suite d&rsquo;un préavis de grève déposé par les syndicats de contrôleurs.</p>',
      '<p>Seul un train sur trois circulera entre Marseille et Lyon, a annoncé Julien Moreau, directeur des opérations du Groupe Acme, qui a présenté ses &laquo; excuses aux voyageurs &raquo;. Les usagers dénoncent un scandale : c&rsquo;est la troisième grève depuis la rentrée.</p>',
      '<p>Les billets Acme Pass seront échangeables et remboursables sans frais.</p>',
    ],
    copies: [
      { feed: 'le-quotidien', lagMinutes: 10, tracking: 'utm_source=rss&utm_medium=flux' },
      { feed: 'ouest-matin', lagMinutes: 35, title: 'kicker' },
      { feed: 'gazette-du-rail', lagMinutes: 80, addLine: '<p>Avec l&rsquo;AFR.</p>' },
      { feed: 'lettre-mobilite', lagMinutes: 240, dropParagraph: 2 },
    ],
  },
  {
    key: 'wire-ponctualite-record',
    lang: 'fr',
    expected: 'positive',
    entities: ['acme'],
    hoursAgo: 260,
    author: 'Agence Rail Presse',
    title: 'Ponctualité record pour Acme Rail en octobre',
    paragraphs: [
      '<p>Acme Rail a enregistré en octobre son meilleur taux de ponctualité depuis dix ans : 94,2 % des trains sont arrivés à l&rsquo;heure, selon les chiffres publiés mardi.</p>',
      '<p>Un excellent résultat salué par les associations d&rsquo;usagers, qui parlent d&rsquo;un &laquo; vrai progrès &raquo; après un été difficile. Bravo aux équipes, a réagi la fédération des voyageurs.</p>',
      '<p>Le Groupe Acme attribue cette amélioration à la modernisation de la signalisation sur ses axes principaux.</p>',
    ],
    copies: [
      { feed: 'le-quotidien', lagMinutes: 6 },
      { feed: 'gazette-du-rail', lagMinutes: 25, title: 'title-case', tracking: 'xtor=RSS-1' },
      { feed: 'ouest-matin', lagMinutes: 90, dropParagraph: 2, tracking: 'utm_source=rss' },
    ],
  },
  {
    key: 'wire-incident-securite',
    lang: 'fr',
    expected: 'negative',
    entities: ['acme', 'sophie-martin', 'safety'],
    hoursAgo: 420,
    author: 'Agence Rail Presse',
    title: 'Déraillement d’un train de fret Acme près de Dijon, pas de blessés',
    paragraphs: [
      '<p>Un train de fret du Groupe Acme a déraillé dans la nuit de mercredi à jeudi près de Dijon. Aucun blessé n&rsquo;est à déplorer, mais la ligne restera fermée au moins 48 heures.</p>',
      '<p>Les syndicats dénoncent un &laquo; manque d&rsquo;entretien inquiétant &raquo; et réclament une enquête indépendante sur la sécurité du réseau. La porte-parole d&rsquo;Acme, Sophie Martin, assure que &laquo; toutes les causes seront examinées &raquo;.</p>',
      '<p>Des bus de substitution sont mis en place entre Dijon et Beaune.</p>',
    ],
    copies: [
      { feed: 'le-quotidien', lagMinutes: 18, tracking: 'utm_source=rss' },
      { feed: 'ouest-matin', lagMinutes: 50 },
      { feed: 'gazette-du-rail', lagMinutes: 75, addLine: '<p>Mise à jour à 11 h : le BEA-TT a ouvert une enquête.</p>' },
      { feed: 'lettre-mobilite', lagMinutes: 600, title: 'kicker' },
    ],
  },
  {
    key: 'wire-initech-velos',
    lang: 'fr',
    expected: 'positive',
    entities: ['initech-mobility', 'nadia-benali'],
    hoursAgo: 610,
    author: 'Agence Rail Presse',
    title: 'Initech Mobility lance ses vélos en libre-service à Bordeaux',
    paragraphs: [
      '<p>Initech Mobility déploie 2 000 vélos électriques en libre-service à Bordeaux à partir de lundi, un service salué par la métropole comme &laquo; une excellente nouvelle pour les mobilités douces &raquo;.</p>',
      '<p>&laquo; Nous voulons que le vélo devienne le premier choix pour les trajets de moins de cinq kilomètres &raquo;, a déclaré Nadia Benali, présidente d&rsquo;Initech Mobility.</p>',
    ],
    copies: [
      { feed: 'le-quotidien', lagMinutes: 30 },
      { feed: 'ouest-matin', lagMinutes: 12, title: 'title-case', tracking: 'utm_source=rss&utm_campaign=velo' },
      { feed: 'gazette-du-rail', lagMinutes: 200 },
    ],
  },
];
