import { createHash } from 'node:crypto';
import type { EntityMatch, Mention } from '../../src/core/mention.js';

/** A 32-hex id from a readable name. */
export function idOf(name: string): string {
  return createHash('sha256').update(name).digest('hex').slice(0, 32);
}

export function brand(id: string, name: string, role = 'own'): EntityMatch {
  return { kind: 'brand', id, name, role, occurrences: [{ field: 'text', start: 0, end: name.length, text: name }] };
}

export function person(id: string, name: string): EntityMatch {
  return { kind: 'person', id, name, occurrences: [{ field: 'text', start: 0, end: name.length, text: name }] };
}

/** A complete, valid mention; `overrides` change what a test is about. */
export function mention(name: string, overrides: Partial<Mention> = {}): Mention {
  const base: Mention = {
    id: idOf(name),
    url: `https://news.example/${name}`,
    canonicalUrl: `https://news.example/${name}`,
    sourceId: 'le-monde',
    sourceName: 'Le Monde',
    channel: 'news',
    title: `Title ${name}`,
    text: `Body of ${name}.`,
    author: 'Jean Dupont',
    publishedAt: '2026-03-10T09:00:00.000Z',
    fetchedAt: '2026-03-10T09:05:00.000Z',
    language: 'fr',
    entities: [],
    sentiment: { score: 0, label: 'neutral' },
    storyId: null,
    signature: null,
    reach: 1,
    audience: null,
    flags: [],
  };
  return { ...base, ...overrides };
}

/** A small corpus every contract test starts from. */
export function corpus(): Mention[] {
  const acme = brand('acme', 'Acme Cloud');
  const globex = brand('globex', 'Globex', 'competitor');
  const claire = person('claire-dubois', 'Claire Dubois');
  return [
    mention('rachat', {
      title: 'Acme Cloud annonce le rachat de Nimbus',
      text: "La société Acme Cloud a confirmé mardi l'acquisition de la jeune pousse Nimbus, selon Claire Dubois.",
      publishedAt: '2026-03-01T08:00:00.000Z',
      entities: [acme, claire],
      sentiment: { score: 0.6, label: 'positive' },
      storyId: 'story-rachat',
      signature: 'aa01',
    }),
    mention('rachat-copie', {
      url: 'https://regional.example/rachat',
      sourceId: 'ouest-info',
      sourceName: 'Ouest Info',
      title: 'Acme Cloud rachète Nimbus',
      text: "Acme Cloud a confirmé l'acquisition de Nimbus, a déclaré Claire Dubois.",
      publishedAt: '2026-03-01T14:00:00.000Z',
      author: 'Élodie Martin',
      entities: [acme, claire],
      sentiment: { score: 0.5, label: 'positive' },
      storyId: 'story-rachat',
      signature: 'aa02',
    }),
    mention('outage', {
      sourceId: 'tech-wire',
      sourceName: 'Tech Wire',
      channel: 'blog',
      language: 'en',
      author: 'Sam Lee',
      title: 'Acme Cloud outage angers customers',
      text: 'A long outage at Acme Cloud left customers without service; Globex offered discounts to unhappy users.',
      publishedAt: '2026-03-02T23:30:00.000Z',
      entities: [acme, globex],
      sentiment: { score: -0.7, label: 'negative' },
      signature: 'bb01',
    }),
    mention('globex-results', {
      sourceId: 'tech-wire',
      sourceName: 'Tech Wire',
      channel: 'blog',
      language: 'en',
      author: 'Sam Lee',
      title: 'Globex reports strong quarterly results',
      text: 'Globex results beat expectations as cloud revenue grew; analysts remain cautious about margins.',
      publishedAt: '2026-03-05T12:00:00.000Z',
      entities: [globex],
      sentiment: { score: 0.3, label: 'positive' },
    }),
    mention('tweet', {
      url: null,
      canonicalUrl: null,
      sourceId: 'x-search',
      sourceName: 'X search',
      channel: 'social',
      language: 'en',
      author: '@cloudwatcher',
      title: '',
      text: 'Another outage today, acme cloud is down again. Switching providers soon.',
      publishedAt: '2026-03-09T10:00:00.000Z',
      entities: [acme],
      sentiment: { score: -0.5, label: 'negative' },
    }),
    mention('greve', {
      title: 'Grève chez un fournisseur européen',
      text: 'Les employés réclament des hausses de salaires; aucune marque citée.',
      publishedAt: '2026-02-20T07:00:00.000Z',
      sentiment: { score: 0, label: 'neutral' },
    }),
  ];
}
