import type { Mention } from '../../src/core/mention.js';
import { mention } from './fixtures.js';

type Spec = Partial<Mention> & { title: string; text: string };

function at(day: number): string {
  return new Date(Date.UTC(2026, 3, day, 9)).toISOString();
}

const SPECS: Record<string, Spec> = {
  'acme-rail-results': { url: 'https://www.reuters.com/business/acme-rail', language: 'en', title: 'Acme Rail shares rose 3% after results', text: 'Acme Rail reported higher revenue; the rail operator expects more freight traffic.' },
  'acme-career': { url: 'https://careers.acme.com/blog/join', language: 'en', title: 'Acme career day draws crowds', text: 'The Acme career fair in Lyon drew students looking for engineering jobs.' },
  'acme-strike-fr': { url: 'https://www.lemonde.fr/economie/article/acme-greve', language: 'fr', title: 'Grève chez Acme : les cheminots arrêtent le travail', text: "La grève des salariés d'Acme Rail perturbe le trafic régional ; la direction d'Acme promet de négocier." },
  'acme-strike-en': { url: 'https://news.bbc.co.uk/business/acme-strike', language: 'en', title: 'Workers at Acme walk out', text: 'A strike at Acme Rail halted trains across the north; union leaders said the walkout could last a week.' },
  'globex-strike': { url: 'https://www.theguardian.com/globex', language: 'en', title: 'Globex staff vote for strike', text: 'Employees of Globex voted to strike over pay and working hours this winter; rival Acme was not affected.' },
  'tweet-greve': { url: 'https://x.com/railfan/status/1', channel: 'social', author: '@railfan', language: 'fr', title: '', text: '#Grève chez @Acme ce matin, aucun train. #acme' },
  'tweet-hiring': { url: 'https://x.com/acme/status/2', channel: 'social', author: '@acme', language: 'en', title: '', text: 'We are hiring! Join #AcmeCareers and build the future of rail. Apply: careers.acme.com' },
  'tweet-complaint': { url: null, canonicalUrl: null, channel: 'social', author: '@commuter', language: 'en', title: '', text: 'Stuck again... thanks @acme_rail #fail. Email support@acme.com did not help.' },
  'blog-late': { url: 'https://blog.railwatch.org/posts/acme', channel: 'blog', language: 'en', title: 'Why Acme Rail keeps running late', text: "Acme's rail network suffers from old signals. Commuters blame acme management, not the workers." },
  'forum-career': { url: 'https://forum.jobs.example.com/t/acme', channel: 'forum', language: 'en', title: 'Career advice: Acme or Globex?', text: 'I have offers from Acme and Globex. Which career path is better for a junior engineer?' },
  'cloud-outage': { url: 'https://techcrunch.com/acme-outage', language: 'en', title: 'Acme Cloud outage hits customers', text: 'An outage at Acme Cloud took down services for hours; customers moved to Globex.' },
  'lemonde-globex': { url: 'https://www.lemonde.fr/entreprises/globex', language: 'fr', title: 'Globex rachète une start-up lyonnaise', text: "Le groupe Globex annonce le rachat d'une jeune pousse ; aucun commentaire d'Acme." },
  'podcast-strikes': { url: 'https://podcasts.example.fr/nimbus', channel: 'podcast', language: 'en', title: 'Nimbus weekly: strikes and rail', text: 'This week: the rail strike, Globex results and what it means for commuters.' },
  'lemonde-interview': { url: 'https://abonnes.lemonde.fr/acme-interview', language: 'fr', title: "Entretien : le patron d'Acme Rail", text: "Le dirigeant d'Acme Rail évoque la grève et l'avenir du fret." },
  'not-lemonde': { url: 'https://notlemonde.fr/acme', channel: 'blog', language: 'fr', title: 'Acme selon un blog', text: "Un blog qui parle d'Acme Rail et de Lemonde.fr." },
};

/** Names of the pasted-queries corpus, in load order. */
export const PASTED_NAMES = Object.keys(SPECS);

/** News, blogs, a forum, a podcast and social posts about a rail company, in English and French. */
export function pastedCorpus(): Mention[] {
  return PASTED_NAMES.map((name, i) => {
    const spec = SPECS[name] as Spec;
    return mention(`pasted-${name}`, { canonicalUrl: spec.url ?? null, publishedAt: at(i + 1), ...spec });
  });
}
