/**
 * Story clustering on the project's own evaluation set (scripts/story-eval/README.md):
 *   npm run eval:stories [-- --json]
 * Every wire story, its copies, the independent articles on its event and two weeks of templated
 * bulletins go through one clusterer in publication order, as the pipeline would see them; each
 * class reports how many of its items joined the story they belong to (copies) or wrongly joined
 * another (independent articles, bulletins of other days). In a stream a copy may also join
 * through another copy, so each copy is also judged against its origin alone; those pairs, pairs
 * of unrelated texts that share a boilerplate sentence, and each independent article against each
 * copy are judged pair by pair in a fresh clusterer.
 */
import { createStoryClusterer } from '../src/enrich/create-story-clusterer.js';
import { minhash } from '../src/enrich/signature/minhash.js';
import { fold } from '../src/core/text/fold.js';
import { wordTokens } from '../src/enrich/text/word-tokens.js';
import { bulletins } from './story-eval/bulletins.js';
import { copiesOf, type CopyClass } from './story-eval/variants.js';
import { WIRE_EN } from './story-eval/wire-en.js';
import { WIRE_FR } from './story-eval/wire-fr.js';
import type { Article, WireStory } from './story-eval/wire-story.js';

/** The signature exactly as the enricher computes it: folded title words, then folded text words. */
function signatureOf(article: Article): string | null {
  return minhash(wordTokens(fold(article.title)).words.concat(wordTokens(fold(article.text)).words));
}

const BOILERPLATE = {
  en: 'Sign up for our free morning newsletter to get the day\'s top stories delivered straight to your inbox every weekday.',
  fr: 'Cet article vous est offert : abonnez-vous pour soutenir une information indépendante et accéder à tous nos contenus.',
};

interface Item {
  id: string;
  article: Article;
  publishedAt: string;
  /** Copies: the story they belong to. Others: the story they must not join (or null). */
  story: string | null;
  kind: CopyClass | 'origin' | 'independent' | 'bulletin';
  template?: string;
  day?: number;
}

interface Tally {
  n: number;
  joined: number;
}

const HOUR = 3_600_000;
const stories: WireStory[] = [...WIRE_EN, ...WIRE_FR];
const FIRST_DAY = '2026-03-02';
const DAYS = 14;

function buildStream(): Item[] {
  const items: Item[] = [];
  stories.forEach((story, s) => {
    const origin = Date.parse(`${FIRST_DAY}T08:00:00Z`) + s * 26 * HOUR;
    const at = (offset: number): string => new Date(origin + offset).toISOString();
    items.push({ id: story.id, article: { title: story.title, text: story.paragraphs.join('\n\n') }, publishedAt: at(0), story: story.id, kind: 'origin' });
    copiesOf(story, 1000 + s * 10).forEach((copy, c) => {
      items.push({ id: `${story.id}/${copy.kind}-${c}`, article: copy, publishedAt: at((c + 1) * 47 * 60_000), story: story.id, kind: copy.kind });
    });
    story.independent.forEach((article, i) => {
      items.push({ id: `${story.id}/independent-${i}`, article, publishedAt: at((2 + 3 * i) * HOUR), story: story.id, kind: 'independent' });
    });
  });
  for (const bulletin of bulletins(FIRST_DAY, DAYS, 77)) {
    items.push({ id: `${bulletin.template}/${bulletin.day}`, article: bulletin, publishedAt: bulletin.publishedAt, story: null, kind: 'bulletin', template: bulletin.template, day: bulletin.day });
  }
  return items.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
}

function runStream(): { classes: Map<string, Tally>; crossStory: Tally } {
  const clusterer = createStoryClusterer();
  const items = buildStream();
  const storyOf = new Map<string, string>();
  const byId = new Map(items.map((item) => [item.id, item]));
  const classes = new Map<string, Tally>();
  const crossStory: Tally = { n: 0, joined: 0 };
  const count = (name: string, joined: boolean): void => {
    const tally = classes.get(name) ?? { n: 0, joined: 0 };
    tally.n += 1;
    if (joined) tally.joined += 1;
    classes.set(name, tally);
  };
  for (const item of items) {
    const assigned = clusterer.assign({ id: item.id, signature: signatureOf(item.article), publishedAt: item.publishedAt });
    storyOf.set(item.id, assigned);
    const joinedTo = assigned === item.id ? null : byId.get(assigned)!;
    if (item.kind === 'bulletin') {
      if (item.day! > 0) count('bulletin of another day', joinedTo !== null && joinedTo.kind === 'bulletin' && joinedTo.day !== item.day);
    } else if (item.kind === 'independent') {
      count('independent, same event', assigned === item.story);
    } else if (item.kind !== 'origin') {
      count(item.kind, assigned === item.story);
    }
    if (item.kind !== 'bulletin') {
      crossStory.n += 1;
      if (joinedTo !== null && joinedTo.story !== item.story) crossStory.joined += 1;
    }
  }
  return { classes, crossStory };
}

/** Whether `b` joins `a` in a clusterer that has seen only `a`. */
function joinsAlone(a: Article, b: Article): boolean {
  const clusterer = createStoryClusterer();
  const at = '2026-03-02T08:00:00Z';
  clusterer.assign({ id: 'a', signature: signatureOf(a), publishedAt: at });
  return clusterer.assign({ id: 'b', signature: signatureOf(b), publishedAt: at }) === 'a';
}

function runPairs(): Map<string, Tally> {
  const classes = new Map<string, Tally>();
  const tally = (name: string): Tally => classes.get(name) ?? classes.set(name, { n: 0, joined: 0 }).get(name)!;
  for (const story of stories) {
    const origin = { title: story.title, text: story.paragraphs.join('\n\n') };
    const copies = [origin, ...copiesOf(story, 5000)];
    for (const copy of copiesOf(story, 1000)) {
      const t = tally(`${copy.kind}, against the origin alone`);
      t.n += 1;
      if (joinsAlone(origin, copy)) t.joined += 1;
    }
    for (const article of story.independent) {
      for (const copy of copies) {
        const t = tally('independent vs each copy, alone');
        t.n += 1;
        if (joinsAlone(copy, article) || joinsAlone(article, copy)) t.joined += 1;
      }
    }
    for (const other of stories) {
      if (other === story || other.lang !== story.lang) continue;
      const boiler = BOILERPLATE[story.lang];
      const long = tally('unrelated articles + shared boilerplate sentence');
      long.n += 1;
      if (joinsAlone({ title: story.title, text: `${story.paragraphs.join('\n\n')}\n${boiler}` }, { title: other.title, text: `${other.paragraphs.join('\n\n')}\n${boiler}` })) long.joined += 1;
      const brief = tally('unrelated briefs (lead only) + shared boilerplate sentence');
      brief.n += 1;
      if (joinsAlone({ title: story.title, text: `${story.paragraphs[0]}\n${boiler}` }, { title: other.title, text: `${other.paragraphs[0]}\n${boiler}` })) brief.joined += 1;
    }
  }
  return classes;
}

const GOALS: Record<string, string> = {
  'cut-half': '>= 95 %',
  'cut-third': '>= 95 %',
  'cut-edited': '>= 95 %',
  edited: '>= 95 %',
  'cut-half, against the origin alone': '>= 95 %',
  'cut-third, against the origin alone': '>= 95 %',
  'cut-edited, against the origin alone': '>= 95 %',
  'edited, against the origin alone': '>= 95 %',
  'independent, same event': '<= 3 %',
  'bulletin of another day': '<= 3 %',
  'independent vs each copy, alone': '<= 3 %',
  'unrelated articles + shared boilerplate sentence': '0 %',
  'unrelated briefs (lead only) + shared boilerplate sentence': '0 %',
};

const started = performance.now();
const stream = runStream();
const pairs = runPairs();
const rows = [...stream.classes, ['joined to another wire story (any item)', stream.crossStory] as const, ...pairs].map(([name, t]) => ({
  class: name,
  items: t.n,
  joined: t.joined,
  percent: Math.round((t.joined / t.n) * 1000) / 10,
  goal: GOALS[name] ?? '',
}));
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows));
} else {
  console.log(`${stories.length} wire stories (${WIRE_EN.length} en, ${WIRE_FR.length} fr), ${DAYS} days of 8 bulletin templates; ${Math.round(performance.now() - started)} ms`);
  for (const row of rows) console.log(`${row.class.padEnd(60)} ${String(row.joined).padStart(4)} / ${String(row.items).padEnd(4)} ${`${row.percent.toFixed(1)} %`.padStart(8)}   ${row.goal}`);
}
