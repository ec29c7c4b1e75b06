import { BLOG_EN, BLOG_FR } from './data/blog-templates.js';
import { BRIEFS } from './data/briefs.js';
import { NEWS_EN } from './data/news-en.js';
import { NEWS_FR } from './data/news-fr.js';
import { OFFICIAL_POSTS } from './data/official-posts.js';
import { SOCIAL, type SocialTemplate } from './data/social-templates.js';
import { BYLINES, FIRST_NAMES, PLACES_EN, PLACES_FR, fill, type Slots, type Template } from './data/templates.js';
import { WIRE_STORIES, type WireCopy, type WireStory } from './data/wire-stories.js';
import { outletFor } from './sample-outlets.js';
import { statusId, statusUrl } from './render-mastodon.js';
import type { SampleDraft, SampleFeedId, SampleItem, SampleLanguage } from './sample-types.js';
import { ageMinutes, hash32, pick, seededRandom, startOfUtcDay } from './seeded.js';

const MINUTE = 60_000;
/** Times a brief, blog or social template is rendered (with different places and figures). */
const BRIEF_RENDERS = 4;
const BLOG_RENDERS = 3;
const SOCIAL_RENDERS = 4;
/** The one item published without a date (valid RSS: the pipeline must fall back, not fail). */
export const UNDATED_KEY = 'fr-meteo';

const NEWS_FEEDS: Record<SampleLanguage, SampleFeedId[]> = {
  en: ['daily-courier', 'metro-herald', 'rail-business-review'],
  fr: ['le-quotidien', 'ouest-matin', 'gazette-du-rail'],
};

function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** A date in the 30 days before `dayStart`, fixed by the item's key. */
function spreadDate(dayStart: Date, key: string): Date {
  return new Date(dayStart.getTime() - ageMinutes(key) * MINUTE);
}

/** Permalinks do not depend on the date, so an item keeps its mention id from one day to the next. */
function permalink(feed: SampleFeedId, draft: SampleDraft, tracking?: string): string {
  const outlet = outletFor(feed);
  const slug = `${slugify(draft.title)}-${(hash32(draft.key) % 100_000).toString(36)}`;
  const section = outlet.format === 'atom' || outlet.format === 'json-feed' ? 'posts' : outlet.lang === 'fr' ? 'actualite' : 'news';
  return `https://${outlet.host}/${section}/${slug}${tracking ? `?${tracking}` : ''}`;
}

function place(draft: SampleDraft, feed: SampleFeedId, published: Date | null, extra: Partial<SampleItem> = {}, tracking?: string): SampleItem {
  const url = permalink(feed, draft, tracking);
  return { ...draft, feed, published, url, guid: `${feed}:${draft.key}`, ...extra };
}

function retitle(title: string, lang: SampleLanguage, mode: WireCopy['title']): string {
  switch (mode) {
    case 'title-case':
      return title.replace(/(^|\s)(\p{Ll})/gu, (_m, space: string, letter: string) => space + letter.toUpperCase());
    case 'kicker':
      return `${lang === 'fr' ? 'Transports : ' : 'Commute: '}${title}`;
    case 'as-is':
    case undefined:
      return title;
  }
}

function wireCopies(dayStart: Date, story: WireStory): SampleItem[] {
  const wireTime = dayStart.getTime() - story.hoursAgo * 60 * MINUTE;
  return story.copies.map((copy) => {
    const paragraphs = story.paragraphs.filter((_p, index) => index !== copy.dropParagraph);
    if (copy.addLine) paragraphs.push(copy.addLine);
    const draft: SampleDraft = { ...story, key: `${story.key}@${copy.feed}`, title: retitle(story.title, story.lang, copy.title), paragraphs };
    delete (draft as Partial<WireStory>).copies;
    delete (draft as Partial<WireStory>).hoursAgo;
    return place(draft, copy.feed, new Date(wireTime + copy.lagMinutes * MINUTE), { storyKey: story.key }, copy.tracking);
  });
}

function slotsFor(key: string, lang: SampleLanguage): Slots {
  const random = seededRandom(hash32(`slots:${key}`));
  const [a, b] = pick(lang === 'fr' ? PLACES_FR : PLACES_EN, random());
  return { a, b, n: 2 + Math.floor(random() * 49), h: pick(FIRST_NAMES, random()) };
}

function render(template: Template, key: string, bylines: string[]): SampleDraft {
  const slots = slotsFor(key, template.lang);
  return {
    key,
    author: pick(bylines, seededRandom(hash32(`byline:${key}`))()),
    lang: template.lang,
    expected: template.expected,
    entities: template.entities,
    title: fill(template.title, slots),
    paragraphs: template.paragraphs.map((paragraph) => fill(paragraph, slots)),
  };
}

function templated(dayStart: Date, prefix: string, templates: Template[], renders: number, feeds: (t: Template, i: number) => SampleFeedId, bylines: (t: Template) => string[]): SampleItem[] {
  const items: SampleItem[] = [];
  templates.forEach((template, t) => {
    for (let r = 0; r < renders; r += 1) {
      const key = `${prefix}-${String(t).padStart(2, '0')}-${r}`;
      items.push(place(render(template, key, bylines(template)), feeds(template, t + r), spreadDate(dayStart, key)));
    }
  });
  return items;
}

function social(dayStart: Date, feed: 'mastodon-acme' | 'acme-official', templates: SocialTemplate[], renders: number): SampleItem[] {
  const items: SampleItem[] = [];
  templates.forEach((template, t) => {
    for (let r = 0; r < renders; r += 1) {
      const key = `${feed === 'mastodon-acme' ? 'social' : 'official'}-${String(t).padStart(2, '0')}-${r}`;
      const slots = slotsFor(key, template.lang);
      const draft: SampleDraft = {
        key,
        lang: template.lang,
        expected: template.expected,
        // Every status on the #acme timeline carries the hashtag: a mention of Acme unless a trap.
        entities: template.trap ? [] : feed === 'mastodon-acme' ? [...new Set(['acme', ...template.entities])] : template.entities,
        title: '',
        paragraphs: [fill(template.text, slots)],
        ...(template.trap ? { trap: true } : {}),
      };
      const item: SampleItem = { ...draft, feed, published: spreadDate(dayStart, key), url: '', guid: '' };
      item.url = statusUrl(item);
      item.guid = statusId(item);
      items.push(item);
    }
  });
  return items;
}

/**
 * Every sample item, deterministic for a given UTC day: dates fall in the 30 days before the
 * start of `now`'s UTC day, so content (and ETags) stay stable all day and the newest items are
 * hours old. Items keep their expected sentiment and entities so tests can check enrichment.
 */
export function buildSampleCatalogue(now: Date): SampleItem[] {
  const dayStart = startOfUtcDay(now);
  const news = [...NEWS_EN, ...NEWS_FR].map((article) => {
    const { feed, ...draft } = article;
    return place(draft, feed, draft.key === UNDATED_KEY ? null : spreadDate(dayStart, draft.key), {}, hash32(draft.key) % 3 === 0 ? 'utm_source=rss&utm_medium=feed' : undefined);
  });
  return [
    ...WIRE_STORIES.flatMap((story) => wireCopies(dayStart, story)),
    ...news,
    ...templated(dayStart, 'brief', BRIEFS, BRIEF_RENDERS, (t, i) => pick(NEWS_FEEDS[t.lang], (i % 3) / 3), (t) => BYLINES[`news-${t.lang}`]),
    ...templated(dayStart, 'blog-en', BLOG_EN, BLOG_RENDERS, () => 'commuter-notes', () => BYLINES['blog-en']),
    ...templated(dayStart, 'blog-fr', BLOG_FR, BLOG_RENDERS, () => 'lettre-mobilite', () => BYLINES['blog-fr']),
    ...social(dayStart, 'mastodon-acme', SOCIAL, SOCIAL_RENDERS),
    ...social(dayStart, 'acme-official', OFFICIAL_POSTS, 1),
  ];
}
