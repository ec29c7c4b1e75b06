import type { Question, ReportLanguage, StakeholderRow, Trend } from '../report-model.js';

/** Numbers, shares and dates in the report's language. */
export class Format {
  private readonly integer: Intl.NumberFormat;
  private readonly decimal: Intl.NumberFormat;
  constructor(readonly language: ReportLanguage) {
    const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
    this.integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    this.decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  }
  n(value: number): string {
    return this.integer.format(value);
  }
  d(value: number): string {
    return this.decimal.format(value);
  }
  pct(share: number): string {
    return `${this.decimal.format(share * 100)} %`.replace(' %', this.language === 'fr' ? '\u202f%' : '%');
  }
  /** A tone balance in −100..+100 points. */
  balance(value: number): string {
    const points = Math.round(value * 100);
    return `${points > 0 ? '+' : ''}${points}`;
  }
  change(current: number, previous: number): string {
    if (previous === 0) return current === 0 ? '=' : this.language === 'fr' ? 'nouveau' : 'new';
    const ratio = (current - previous) / previous;
    return `${ratio >= 0 ? '+' : ''}${this.pct(ratio)}`;
  }
  day(iso: string): string {
    return iso.slice(0, 10);
  }
  hours(value: number): string {
    return value < 48 ? `${this.d(value)} h` : `${this.d(value / 24)} ${this.language === 'fr' ? 'j' : 'd'}`;
  }
}

type Section = 'summary' | 'reputation' | 'presence' | 'influence' | 'mobilisation' | 'reaction' | 'endurance' | 'notable' | 'questions';

interface Words {
  title: string;
  period: (from: string, to: string, previous: string) => string;
  brands: string;
  sections: Record<Section, string>;
  postures: Record<'presence' | 'influence' | 'mobilisation' | 'reaction' | 'endurance', string>;
  noData: string;
  none: string;
  labels: Record<string, string>;
  kinds: Record<StakeholderRow['kind'], string>;
  trends: Record<Trend, string>;
  measures: Record<string, string>;
  question: (q: Question, f: Format) => string;
  searches: string;
}

const EN: Words = {
  title: 'Pre-read: external reputation audit',
  period: (from, to, previous) => `Period ${from} to ${to} (compared with ${previous}).`,
  brands: 'Brands',
  sections: {
    summary: '1. Summary in numbers', reputation: '2. Reputation and brand territory', presence: '3. Presence', influence: '4. Influence',
    mobilisation: '5. Mobilisation', reaction: '6. Reaction', endurance: '7. Endurance', notable: '8. Notable mentions', questions: '9. Questions for the workshop',
  },
  postures: { presence: 'Being present', influence: 'Having influence', mobilisation: 'Mobilising relays', reaction: 'Reacting', endurance: 'Lasting' },
  noData: 'No mention of these brands was indexed in this period: there is nothing to report on. Check the period, the brands, and that the sources were polled.',
  none: 'None in this period.',
  labels: {
    measure: 'Measure', current: 'This period', previous: 'Previous period', change: 'Change', mentions: 'Mentions', stories: 'Stories', reach: 'Estimated reach',
    balance: 'Sentiment balance (points)', posture: 'Posture', section: 'Section', speaksTo: 'What speaks to it', brand: 'Brand', person: 'Person', role: 'Role',
    positive: 'Positive', neutral: 'Neutral', negative: 'Negative', keyTerms: 'Key terms', keyThemes: 'Key themes', term: 'Term', ll: 'Log-likelihood',
    rate: 'Per 10,000 words', refRate: 'Rest of period', day: 'Day', ownVoice: 'Company voice', channel: 'Channel', language: 'Language', absent: 'Absent',
    share: 'Share of voice', tier1: 'Tier-1 coverage', ownMessages: 'Company messages', amplified: 'Picked up', amplifiers: 'External echoes', title: 'Title',
    relay: 'Relay', published: 'Published', source: 'Source', author: 'Author', kind: 'Class', broke: 'Broke', joined: 'Amplified', stakeholder: 'Stakeholder',
    voice: 'Published', visibility: 'Named in', channels: 'Channels', reached: 'Reached', yes: 'yes', no: 'no', episode: 'Episode', peak: 'Peak per day',
    baseline: 'Usual day', topStories: 'Top stories', firstAnswer: 'First company answer', spike: 'Volume spike', negativeSurge: 'Negative surge', trend: 'Trend',
    theme: 'Theme', periodCol: 'Period', tone: 'Tone', topSources: 'Top sources', topAuthors: 'Top authors', stakeholders: 'Stakeholders', volume: 'Volume per day',
    notableNegative: 'Most reached negative mentions', notablePositive: 'Most reached positive mentions', noAnswer: 'no internal relay spoke afterwards in the period',
    relayTable: 'Relays', tier1Note: 'mentions from tier-1 sources', after: 'after the start', count: 'Count',
    firstAlert: 'First alert', noAlert: 'no alert fired', noAlertRule: 'no alert rule covers these brands', alertsUnread: 'the alert history was not read',
  },
  kinds: { internal: 'internal', external: 'external', target: 'target' },
  trends: { grew: 'grew', lasted: 'lasted', faded: 'faded' },
  measures: { mentions: 'Mentions', stories: 'Stories', reach: 'Estimated reach', balance: 'Sentiment balance', share: 'Share of voice' },
  question: (q, f) => {
    switch (q.kind) {
      case 'negative-surge':
        return `Negative mentions surged on ${q.day} (${f.n(q.peak)} in a day against ${f.n(q.baseline)} usually). ${q.answer ? `The first company voice came ${f.hours(q.answer.hoursAfter)} later, from ${q.answer.relay} on ${q.answer.channel}` : 'No company voice followed in the period'}${q.alert === undefined ? '' : q.alert ? `; the first alert (${q.alert.ruleId}) came ${f.hours(q.alert.hoursAfter)} after the start` : '; no alert fired'}: who answered, on which channel, how fast, and was it the right answer?`;
      case 'absent-channel':
        return `${f.n(q.mentions)} mentions on ${q.channel} and no company voice there: who should be present on this channel?`;
      case 'target-missed':
        return `${q.name}, a target relay, did not publish about the brand in the period: how do we win them?`;
      case 'messages-unamplified':
        return `${f.n(q.unamplified)} of ${f.n(q.total)} company messages were picked up by no outside relay: which relays could carry them?`;
      case 'measure-faded':
        return `${EN.measures[q.measure] ?? q.measure} faded (${f.d(q.current)} against ${f.d(q.before)} on average before): what stopped, and do we want it back?`;
      case 'person-negative':
        return `${q.name} is named in ${f.n(q.mentions)} mentions with a negative balance (${f.balance(q.balance)}): what is being said, and who should speak?`;
    }
  },
  searches: 'Searches behind the figures',
};

const FR: Words = {
  title: 'Pré-lecture : audit de réputation externe',
  period: (from, to, previous) => `Période du ${from} au ${to} (comparée à ${previous}).`,
  brands: 'Marques',
  sections: {
    summary: '1. Synthèse chiffrée', reputation: '2. Réputation et territoire de marque', presence: '3. Être présent', influence: '4. Influer',
    mobilisation: '5. Mobiliser', reaction: '6. Réagir', endurance: '7. Durer', notable: '8. Mentions marquantes', questions: '9. Questions pour l’atelier',
  },
  postures: { presence: 'Être présent', influence: 'Influer', mobilisation: 'Mobiliser', reaction: 'Réagir', endurance: 'Durer' },
  noData: 'Aucune mention de ces marques n’a été indexée sur la période : il n’y a rien à analyser. Vérifiez la période, les marques, et que les sources ont été relevées.',
  none: 'Aucun sur la période.',
  labels: {
    measure: 'Mesure', current: 'Période', previous: 'Période précédente', change: 'Évolution', mentions: 'Mentions', stories: 'Sujets', reach: 'Audience estimée',
    balance: 'Solde de tonalité (points)', posture: 'Posture', section: 'Section', speaksTo: 'Ce qui l’éclaire', brand: 'Marque', person: 'Personne', role: 'Rôle',
    positive: 'Positif', neutral: 'Neutre', negative: 'Négatif', keyTerms: 'Termes clés', keyThemes: 'Thèmes clés', term: 'Terme', ll: 'Log-vraisemblance',
    rate: 'Pour 10 000 mots', refRate: 'Reste de la période', day: 'Jour', ownVoice: 'Voix de l’entreprise', channel: 'Canal', language: 'Langue', absent: 'Absente',
    share: 'Part de voix', tier1: 'Couverture médias de premier rang', ownMessages: 'Messages de l’entreprise', amplified: 'Repris', amplifiers: 'Échos externes', title: 'Titre',
    relay: 'Relais', published: 'Publié', source: 'Source', author: 'Auteur', kind: 'Catégorie', broke: 'A lancé', joined: 'A relayé', stakeholder: 'Partie prenante',
    voice: 'Publications', visibility: 'Cité dans', channels: 'Canaux', reached: 'Atteint', yes: 'oui', no: 'non', episode: 'Épisode', peak: 'Pic par jour',
    baseline: 'Jour habituel', topStories: 'Principaux sujets', firstAnswer: 'Première prise de parole', spike: 'Pic de volume', negativeSurge: 'Vague négative', trend: 'Tendance',
    theme: 'Thème', periodCol: 'Période', tone: 'Tonalité', topSources: 'Principales sources', topAuthors: 'Principaux auteurs', stakeholders: 'Parties prenantes', volume: 'Volume par jour',
    notableNegative: 'Mentions négatives les plus vues', notablePositive: 'Mentions positives les plus vues', noAnswer: 'aucun relais interne ne s’est exprimé ensuite sur la période',
    relayTable: 'Relais', tier1Note: 'mentions dans les sources de premier rang', after: 'après le début', count: 'Nombre',
    firstAlert: 'Première alerte', noAlert: 'aucune alerte ne s’est déclenchée', noAlertRule: 'aucune règle d’alerte ne couvre ces marques', alertsUnread: 'l’historique des alertes n’a pas été lu',
  },
  kinds: { internal: 'interne', external: 'externe', target: 'cible' },
  trends: { grew: 'en hausse', lasted: 'stable', faded: 'en baisse' },
  measures: { mentions: 'Mentions', stories: 'Sujets', reach: 'Audience estimée', balance: 'Solde de tonalité', share: 'Part de voix' },
  question: (q, f) => {
    switch (q.kind) {
      case 'negative-surge':
        return `Vague négative le ${q.day} (${f.n(q.peak)} mentions en un jour contre ${f.n(q.baseline)} d’habitude). ${q.answer ? `L’entreprise s’est exprimée ${f.hours(q.answer.hoursAfter)} après, via ${q.answer.relay} sur le canal ${q.answer.channel}` : 'Aucune prise de parole de l’entreprise sur la période'}${q.alert === undefined ? '' : q.alert ? ` ; la première alerte (${q.alert.ruleId}) est arrivée ${f.hours(q.alert.hoursAfter)} après le début` : ' ; aucune alerte ne s’est déclenchée'} : qui a répondu, sur quel canal, en combien de temps, et était-ce la bonne réponse ?`;
      case 'absent-channel':
        return `${f.n(q.mentions)} mentions sur le canal ${q.channel} et aucune voix de l’entreprise : qui devrait y être présent ?`;
      case 'target-missed':
        return `${q.name}, relais cible, n’a rien publié sur la marque pendant la période : comment le gagner ?`;
      case 'messages-unamplified':
        return `${f.n(q.unamplified)} des ${f.n(q.total)} messages de l’entreprise n’ont été repris par aucun relais extérieur : quels relais pourraient les porter ?`;
      case 'measure-faded':
        return `${FR.measures[q.measure] ?? q.measure} en baisse (${f.d(q.current)} contre ${f.d(q.before)} en moyenne avant) : qu’est-ce qui s’est arrêté, et le voulons-nous ?`;
      case 'person-negative':
        return `${q.name} est cité(e) dans ${f.n(q.mentions)} mentions au solde négatif (${f.balance(q.balance)}) : que dit-on, et qui doit s’exprimer ?`;
    }
  },
  searches: 'Recherches derrière les chiffres',
};

export const WORDS: Record<ReportLanguage, Words> = { en: EN, fr: FR };
export type { Words };
