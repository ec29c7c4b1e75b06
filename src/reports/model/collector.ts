import type { Stakeholder, StakeholderKind } from '../../config/stakeholders.js';
import type { Mention, SentimentLabel } from '../../core/mention.js';
import { sourcesOf } from '../../core/mention-sources.js';
import { titleFromText } from '../../core/title-from-text.js';
import { Vocabulary, WordCounts } from './keyness.js';
import { RelayClassifier } from './relays.js';
import type { ReportPlan } from './report-plan.js';
import { bump, entityLabel, relayTally, ToneTally, type RelayTally } from './tally.js';

const DAY_MS = 86_400_000;

/** One period's headline figures, as collected. */
export interface PeriodTally {
  mentions: number;
  stories: Set<string>;
  reach: number;
  tone: ToneTally;
  /** Brand mentions of the report's brands, and of every brand (share of voice). */
  ownBrandHits: number;
  allBrandHits: number;
  themes: Map<string, number>;
}

/** What the report keeps of one mention of its brands in its period. */
export interface Kept {
  published: number;
  story: string;
  label: SentimentLabel;
  score: number;
  channel: string;
  sourceId: string;
  sourceName: string;
  author: string | null;
  title: string;
  url: string | null;
  reach: number;
  kind: StakeholderKind;
  stakeholder: Stakeholder | null;
}

/** A story's first-seen copy. */
export interface Origin {
  kind: StakeholderKind;
  relay: string;
  voiceKey: string;
  published: number;
  title: string;
  url: string | null;
  sourceName: string;
}

export interface BrandTally {
  mentions: number;
  tone: ToneTally;
  words: WordCounts;
  themes: Map<string, number>;
}

/**
 * Reads the scan once, oldest first, and keeps only what the sections need: per-period headline
 * figures, and for the report's period the kept mentions, words, channels, relays and stories.
 */
export class ReportCollector {
  readonly classifier: RelayClassifier;
  readonly periods: PeriodTally[];
  readonly kept: Kept[] = [];
  readonly brands = new Map<string, BrandTally>();
  readonly people = new Map<string, { count: number; tone: ToneTally }>();
  readonly vocabulary = new Vocabulary();
  readonly background = new WordCounts();
  backgroundMentions = 0;
  private readonly tokens: number[] = [];
  readonly backgroundThemes = new Map<string, number>();
  readonly channels = new Map<string, { mentions: number; own: number }>();
  readonly languages = new Map<string, number>();
  readonly days: { count: number; own: number; negative: number }[];
  readonly sources = new Map<string, RelayTally>();
  readonly authors = new Map<string, RelayTally>();
  readonly voices = new Map<string, { count: number; tone: ToneTally; channels: Set<string>; visibility: number }>();
  readonly origins = new Map<string, Origin>();
  /** Per story of the period (any brand): mentions by non-internal relays. */
  readonly outsideEchoes = new Map<string, number>();
  tier1 = 0;
  private readonly scopeIds: Set<string>;
  private readonly allBrandIds: Set<string>;
  private readonly personIds: Set<string>;
  private readonly tier1Sources: Set<string>;
  private readonly start: number;
  private readonly length: number;

  constructor(private readonly plan: ReportPlan) {
    this.classifier = new RelayClassifier(plan.stakeholders);
    this.periods = plan.periods.map(() => ({ mentions: 0, stories: new Set(), reach: 0, tone: new ToneTally(), ownBrandHits: 0, allBrandHits: 0, themes: new Map() }));
    this.scopeIds = new Set(plan.brands.map((b) => b.id));
    this.allBrandIds = new Set([...plan.brands, ...plan.competitors].map((b) => b.id));
    this.personIds = new Set(plan.people.map((p) => p.id));
    this.tier1Sources = new Set(plan.tier1Sources);
    for (const brand of [...plan.brands, ...plan.competitors]) this.brands.set(brand.id, { mentions: 0, tone: new ToneTally(), words: new WordCounts(), themes: new Map() });
    for (const s of plan.stakeholders) this.voices.set(s.id, { count: 0, tone: new ToneTally(), channels: new Set(), visibility: 0 });
    const first = plan.periods[0];
    const last = plan.periods[plan.periods.length - 1];
    this.start = first ? first.from.getTime() : 0;
    this.length = last ? last.to.getTime() - last.from.getTime() : 1;
    const days = Math.ceil(this.length / DAY_MS);
    this.days = Array.from({ length: days }, () => ({ count: 0, own: 0, negative: 0 }));
  }

  add(batch: readonly Mention[]): void {
    for (const mention of batch) this.addOne(mention);
  }

  private addOne(m: Mention): void {
    const published = Date.parse(m.publishedAt);
    const p = Math.floor((published - this.start) / this.length);
    const period = this.periods[p];
    if (!period) return;
    const story = m.storyId ?? m.id;
    const voice = this.classifier.voiceOf(m);
    if (!this.origins.has(story)) {
      this.origins.set(story, { kind: voice.kind, relay: voice.stakeholder?.name ?? m.author ?? m.sourceName, voiceKey: m.author ?? m.sourceName, published, title: m.title || titleFromText(m.text, 120), url: m.url, sourceName: m.sourceName });
    }
    let own = 0;
    let all = 0;
    for (const e of m.entities) {
      if (e.kind !== 'brand') continue;
      all += 1;
      if (this.scopeIds.has(e.id)) own += 1;
    }
    period.ownBrandHits += own;
    period.allBrandHits += all;
    const inScope = own > 0;
    if (inScope) {
      period.mentions += 1;
      period.stories.add(story);
      period.reach += m.reach;
      period.tone.add(m.sentiment.label);
      for (const e of m.entities) if (e.kind === 'topic') bump(period.themes, e.id);
    }
    if (p === this.periods.length - 1) this.addCurrent(m, published, story, voice, inScope);
  }

  private addCurrent(m: Mention, published: number, story: string, voice: ReturnType<RelayClassifier['voiceOf']>, inScope: boolean): void {
    const tokens = this.tokens;
    const wordCount = this.vocabulary.tokens(`${m.title} ${m.text}`, tokens);
    this.background.add(tokens, wordCount);
    this.backgroundMentions += 1;
    const topics = m.entities.filter((e) => e.kind === 'topic').map((e) => e.id);
    for (const t of topics) bump(this.backgroundThemes, t);
    if (voice.kind !== 'internal') bump(this.outsideEchoes, story);
    for (const e of m.entities) {
      const brand = e.kind === 'brand' && this.allBrandIds.has(e.id) ? this.brands.get(e.id) : undefined;
      if (brand) {
        brand.mentions += 1;
        brand.tone.add(e.sentiment?.label ?? m.sentiment.label);
        brand.words.add(tokens, wordCount);
        for (const t of topics) bump(brand.themes, t);
      }
      if (e.kind === 'person') {
        if (this.personIds.has(e.id)) {
          const person = this.people.get(e.id) ?? { count: 0, tone: new ToneTally() };
          person.count += 1;
          person.tone.add(entityLabel(m, 'person', e.id));
          this.people.set(e.id, person);
        }
        const holder = this.classifier.ofPerson(e.id);
        if (holder) (this.voices.get(holder.id) as { visibility: number }).visibility += 1;
      }
    }
    if (!inScope) return;
    const isOwn = voice.kind === 'internal';
    const day = this.days[Math.floor((published - this.periodStart()) / DAY_MS)];
    if (day) {
      day.count += 1;
      if (isOwn) day.own += 1;
      if (m.sentiment.label === 'negative') day.negative += 1;
    }
    const channel = this.channels.get(m.channel) ?? { mentions: 0, own: 0 };
    channel.mentions += 1;
    if (isOwn) channel.own += 1;
    this.channels.set(m.channel, channel);
    bump(this.languages, m.language ?? 'unknown');
    // Every source that delivered the mention counts it, as `stats sources` and `source:` do.
    const delivered = sourcesOf(m);
    if (delivered.some((s) => this.tier1Sources.has(s.id))) this.tier1 += 1;
    for (const { id, name } of delivered) {
      const source = this.sources.get(id) ?? relayTally(name || id);
      this.tallyRelay(source, m);
      this.sources.set(id, source);
    }
    if (m.author) {
      const author = this.authors.get(m.author) ?? relayTally(m.author);
      this.tallyRelay(author, m);
      this.authors.set(m.author, author);
    }
    if (voice.stakeholder) {
      const v = this.voices.get(voice.stakeholder.id);
      if (v) {
        v.count += 1;
        v.tone.add(m.sentiment.label);
        v.channels.add(m.channel);
      }
    }
    this.kept.push({
      published, story, label: m.sentiment.label, score: m.sentiment.score, channel: m.channel, sourceId: m.sourceId, sourceName: m.sourceName,
      author: m.author, title: m.title || titleFromText(m.text, 120), url: m.url, reach: m.reach, kind: voice.kind, stakeholder: voice.stakeholder,
    });
  }

  private tallyRelay(relay: RelayTally, m: Mention): void {
    relay.count += 1;
    relay.reach += m.reach;
    relay.tone.add(m.sentiment.label);
  }

  /** Start of the report's period (ms). */
  periodStart(): number {
    return this.start + (this.periods.length - 1) * this.length;
  }
}
