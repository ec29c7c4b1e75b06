import type { EntityMatch, Mention } from '../../src/core/mention.js';
import type { PreReadConfig } from '../../src/app/report-service.js';
import { brand, mention, person } from '../contract/fixtures.js';

const acme = brand('acme', 'Acme');
const globex = brand('globex', 'Globex', 'competitor');
const claire: EntityMatch = { ...person('claire-dubois', 'Claire Dubois'), sentiment: { score: 0.7, label: 'positive' } };
const strikes: EntityMatch = { kind: 'topic', id: 'strikes', name: 'Strikes', occurrences: [{ field: 'text', start: 0, end: 6, text: 'strike' }] };

const news = { sourceId: 'news-1', sourceName: 'National News', channel: 'news' as const, reach: 10 };
const blog = { sourceId: 'blog-a', sourceName: 'Blog A', channel: 'blog' as const, author: 'Blog Writer', reach: 2 };
const social = { sourceId: 'x-src', sourceName: 'Social search', channel: 'social' as const, author: '@someone', reach: 1 };
const own = { sourceId: 'acme-social', sourceName: 'Acme on social', channel: 'social' as const, author: '@acme', reach: 2 };
const pos = (score = 0.5) => ({ sentiment: { score, label: 'positive' as const } });
const neg = (score = -0.5) => ({ sentiment: { score, label: 'negative' as const } });

/**
 * A week of mentions (2026-03-01 to 03-08) and the weeks before it, small enough to compute every
 * figure of the pre-read by hand (see pre-read-golden.test.ts).
 */
export function fixtureMentions(): Mention[] {
  return [
    mention('m1', { ...news, author: 'Dana Reporter', publishedAt: '2026-03-01T09:00:00.000Z', title: 'Acme opens a hydrogen depot', text: 'The hydrogen depot will serve hydrogen trains.', entities: [acme], ...pos(0.6), storyId: 's1' }),
    mention('m2', { ...blog, publishedAt: '2026-03-01T12:00:00.000Z', title: 'Acme hydrogen depot opens', text: 'A depot for hydrogen trains.', entities: [acme], ...pos(0.4), storyId: 's1' }),
    mention('m3', { ...news, author: null, publishedAt: '2026-03-03T08:00:00.000Z', title: 'Strike at Acme and Globex', text: 'A strike stops trains; the strike may last.', entities: [acme, globex, strikes], ...neg() }),
    mention('m4', { ...social, publishedAt: '2026-03-03T10:00:00.000Z', title: '', text: 'Acme strike again, stuck on the platform.', entities: [acme, strikes], ...neg(-0.6) }),
    mention('m5', { ...social, publishedAt: '2026-03-03T11:00:00.000Z', title: '', text: 'Acme trains cancelled, awful morning.', entities: [acme], ...neg(-0.7) }),
    mention('m6', { ...own, publishedAt: '2026-03-03T15:00:00.000Z', title: '', text: 'Acme: we are working to restore service during the strike.', entities: [acme, strikes] }),
    mention('m7', { ...blog, publishedAt: '2026-03-05T10:00:00.000Z', title: 'Globex timetable', text: 'Globex timetable changes: the new timetable starts Monday.', entities: [globex], ...pos() }),
    mention('m8', { ...own, publishedAt: '2026-03-06T09:00:00.000Z', title: '', text: 'Acme adds evening trains from Monday.', entities: [acme], ...pos(), storyId: 's8' }),
    mention('m9', { ...social, publishedAt: '2026-03-06T13:00:00.000Z', title: '', text: 'Good news: Acme adds evening trains from Monday.', entities: [acme], ...pos(), storyId: 's8' }),
    mention('m10', { ...news, author: 'Ann Editor', publishedAt: '2026-03-07T16:00:00.000Z', title: 'Claire Dubois on the Acme plan', text: 'Claire Dubois presented the Acme plan.', entities: [acme, claire] }),
    // The week before, and four weeks before.
    mention('p1', { ...news, publishedAt: '2026-02-25T09:00:00.000Z', title: 'Acme results', text: 'Acme results are good.', entities: [acme], ...pos() }),
    mention('p2', { ...blog, publishedAt: '2026-02-26T09:00:00.000Z', title: 'Acme notes', text: 'Notes on Acme.', entities: [acme] }),
    mention('p3', { ...social, publishedAt: '2026-02-10T09:00:00.000Z', title: '', text: 'Acme late.', entities: [acme], ...neg() }),
  ];
}

/** The configuration the fixture is read with. */
export function fixtureConfig(): PreReadConfig {
  const context = { require: [], exclude: [] };
  return {
    sources: [
      { id: 'news-1', type: 'rss', tier: 1, enabled: true, options: {} },
      { id: 'blog-a', type: 'rss', tier: 3, enabled: true, options: {} },
      { id: 'acme-social', type: 'mastodon', tier: 2, enabled: true, options: {} },
    ],
    watchlist: {
      brands: [
        { id: 'acme', name: 'Acme', aliases: [], products: [], role: 'own', competitors: ['globex'], context },
        { id: 'globex', name: 'Globex', aliases: [], products: [], role: 'competitor', competitors: ['acme'], context },
      ],
      people: [{ id: 'claire-dubois', name: 'Claire Dubois', aliases: [], role: 'CEO', organisation: 'acme', context }],
      topics: [{ id: 'strikes', name: 'Strikes', terms: ['strike'], context }],
    },
    stakeholders: [
      { id: 'acme-account', name: 'Acme account', kind: 'internal', sources: ['acme-social'], authors: [], people: [] },
      { id: 'claire', name: 'Claire Dubois (CEO)', kind: 'internal', sources: [], authors: [], people: ['claire-dubois'] },
      { id: 'dana', name: 'Dana Reporter', kind: 'target', sources: [], authors: ['Dana Reporter'], people: [] },
      { id: 'never', name: 'Never Writes', kind: 'target', sources: [], authors: ['Never Writes'], people: [] },
    ],
  };
}
