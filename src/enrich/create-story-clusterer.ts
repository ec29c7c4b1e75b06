import { BandTable } from './band-table.js';
import type { StoryClusterer } from './enricher.js';
import { FIGURE_WORDS, figureOverlap } from './signature/figures.js';
import { EMPTY, MINHASH_SIZE, compareSketchesAtLeast, containment, readSignature, type BinCounts } from './signature/minhash.js';

/** Options of the story clusterer. */
export interface StoryClustererOptions {
  /**
   * Smallest estimated containment between copies of one story: the share of the shorter text's
   * character 8-grams that the other holds, so a copy cut to a third still joins. Default 0.6.
   */
  minSimilarity?: number;
  /** Signatures kept for lookup; the oldest are forgotten first. Default 100,000. */
  window?: number;
  /** Copies published more than this many days from the story's origin start a new story. Default 7. */
  maxAgeDays?: number;
}

/**
 * LSH layout: 36 bands of 2 values. A pair whose sketches agree on a share j of bins shares a band
 * with probability 1-(1-j²)³⁶: 0.97 at 0.3, 0.99 at 1/3 (a copy cut to a third), 0.99997 at 1/2.
 */
const ROWS = 2;
const BANDS = MINHASH_SIZE / ROWS;
/** Bins that must agree before containment is trusted (a tenth of the sketch): a tweet-sized overlap is no evidence. */
const MIN_SHARED = 7;
/**
 * Figures: when both texts hold at least this many, nine in ten of the smaller figure set must be in
 * the other. Copies keep their figures; a daily bulletin keeps its words and changes its figures.
 */
const MIN_FIGURES = 3;
const MIN_FIGURE_SHARE = 0.9;
/**
 * Copies of one story kept for lookup: later copies still join the story but are not indexed, so
 * a story syndicated a thousand times does not make every lookup compare a thousand signatures.
 */
const MEMBERS_KEPT = 8;
/**
 * Slots held under one band key. Unrelated articles that share common phrases ("the company said",
 * a house footer) share bands too; unbounded, such a band gathered thousands of slots and every
 * lookup compared them all (1,400 comparisons a mention at 10,000 remembered generated articles,
 * 40 % of the embedded run's main thread). A copy shares several bands with its origin (four on
 * average for a copy cut to a third), and most of them come from the story's own words, held in
 * small buckets: capping a band at a story's kept copies costs no copy in the evaluation set.
 */
const SLOTS_PER_BAND = MEMBERS_KEPT;

/** Times are kept in whole minutes (int32), so that a story's state is one small integer. */
const MINUTE = 60_000;
const UNKNOWN_TIME = -(2 ** 27);

function minuteOf(publishedAt: string): number {
  const ms = Date.parse(publishedAt);
  return Number.isFinite(ms) ? Math.max(-(2 ** 26), Math.min(2 ** 26, Math.floor(ms / MINUTE))) : UNKNOWN_TIME;
}

/** A story's state as one V8 small integer: its origin's minute times 16, plus its copies kept (at most 8). */
const packStory = (originMinute: number, kept: number): number => originMinute * 16 + kept;
const keptOf = (story: number): number => story & 15;
const originOf = (story: number): number => story >> 4;

/**
 * One small integer per band (V8 small integers as map keys: no boxed numbers, no strings): the
 * band's index and its two values mixed into 30 bits, or -1 for a band empty in both bins (short
 * texts share those, and they say nothing). Two different bands may share a key (about one pair in
 * a billion): a lookup then compares one more signature, no more.
 */
function bandKeys(values: Uint16Array, at: number, keys: Int32Array): Int32Array {
  for (let band = 0; band < BANDS; band += 1) {
    const first = values[at + band * ROWS]!;
    const second = values[at + band * ROWS + 1]!;
    if (first === EMPTY && second === EMPTY) {
      keys[band] = -1;
      continue;
    }
    let hash = Math.imul(band + 1, 0x9e3779b1) ^ first;
    hash = Math.imul(hash ^ (hash >>> 15), 0x85ebca6b) ^ second;
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
    keys[band] = (hash ^ (hash >>> 16)) & 0x3fffffff;
  }
  return keys;
}

/**
 * Near-duplicate stories over MinHash sketches of character shingles. Lookup is by LSH bands, so
 * only signatures that agree on a whole band are compared; a candidate joins when the shorter text
 * is mostly held in the longer (containment, which a cut copy keeps and a shared boilerplate
 * sentence does not reach), their figures agree, and the mention is within `maxAgeDays` of the
 * candidate story's origin (not of the copy that matched, so recurring bulletins cannot chain).
 * Memory is bounded by `window` (oldest forgotten first) and held in flat typed arrays. The
 * first-seen copy is the origin: later copies get its story id. Re-assigning a mention already
 * seen joins it to its own story again (idempotent). Signatures of another format (those stored
 * by earlier versions) are not parsed: `assign` gives such a mention its own story and `remember`
 * skips it.
 */
export function createStoryClusterer(options: StoryClustererOptions = {}): StoryClusterer {
  const minContainment = Math.min(1, Math.max(0.1, options.minSimilarity ?? 0.6));
  const window = Math.max(1, Math.floor(options.window ?? 100_000));
  const maxAgeMinutes = (options.maxAgeDays ?? 7) * 1440;
  const buckets = new BandTable(1024, SLOTS_PER_BAND);
  const stories = new Map<string, number>();
  // The ring of remembered mentions, one slot each, in arrays grown by doubling up to `window`.
  let capacity = Math.min(window, 1024);
  let values = new Uint16Array(capacity * MINHASH_SIZE);
  let figures = new Uint32Array(capacity * FIGURE_WORDS);
  let origins = new Int32Array(capacity);
  let seenAt = new Uint32Array(capacity);
  const storyIds: (string | undefined)[] = [];
  let next = 0;
  let stamp = 0;
  // Scratch space for the mention being assigned and for slots being forgotten.
  const query = new Uint16Array(MINHASH_SIZE);
  const queryFigures = new Uint32Array(FIGURE_WORDS);
  const keys = new Int32Array(BANDS);
  const counts: BinCounts = { shared: 0, onlyA: 0, onlyB: 0 };

  const grow = (): void => {
    capacity = Math.min(window, capacity * 2);
    const widen = <T extends Uint16Array | Uint32Array | Int32Array>(old: T, make: (n: number) => T, per: number): T => {
      const wider = make(capacity * per);
      wider.set(old);
      return wider;
    };
    values = widen(values, (n) => new Uint16Array(n), MINHASH_SIZE);
    figures = widen(figures, (n) => new Uint32Array(n), FIGURE_WORDS);
    origins = widen(origins, (n) => new Int32Array(n), 1);
    seenAt = widen(seenAt, (n) => new Uint32Array(n), 1);
  };

  const forget = (slot: number): void => {
    const storyId = storyIds[slot]!;
    const story = stories.get(storyId);
    if (story !== undefined) {
      if (keptOf(story) <= 1) stories.delete(storyId);
      else stories.set(storyId, story - 1);
    }
    for (const key of bandKeys(values, slot * MINHASH_SIZE, keys)) if (key >= 0) buckets.remove(key, slot);
  };

  /** Stores the mention held in `query` / `queryFigures` in the next slot of the ring. */
  const insert = (storyId: string, originMinute: number): void => {
    let story = stories.get(storyId);
    if (story !== undefined && keptOf(story) >= MEMBERS_KEPT) return;
    if (next >= capacity) grow();
    const slot = next;
    if (storyIds[slot] !== undefined) forget(slot);
    next = (next + 1) % window;
    // Looked up after forgetting: the slot freed may have been the story's last one kept.
    story = stories.get(storyId);
    stories.set(storyId, story === undefined ? packStory(originMinute, 1) : story + 1);
    storyIds[slot] = storyId;
    values.set(query, slot * MINHASH_SIZE);
    figures.set(queryFigures, slot * FIGURE_WORDS);
    origins[slot] = originMinute;
    for (const key of bandKeys(values, slot * MINHASH_SIZE, keys)) if (key >= 0) buckets.add(key, slot);
  };

  let best = -1;
  let bestScore = 0;
  let queryMinute = UNKNOWN_TIME;

  const consider = (slot: number): void => {
    if (seenAt[slot] === stamp) return;
    seenAt[slot] = stamp;
    const origin = origins[slot]!;
    if (queryMinute !== UNKNOWN_TIME && origin !== UNKNOWN_TIME && Math.abs(queryMinute - origin) > maxAgeMinutes) return;
    // Given up as soon as neither the threshold nor the best so far can be reached (most candidates are unrelated).
    if (!compareSketchesAtLeast(query, 0, values, slot * MINHASH_SIZE, Math.max(minContainment, bestScore), counts)) return;
    if (counts.shared < MIN_SHARED) return;
    const score = containment(counts);
    if (score < minContainment || score < bestScore) return;
    if (score === bestScore && best >= 0 && !(origins[slot]! < origins[best]!)) return;
    const figs = figureOverlap(queryFigures, 0, figures, slot * FIGURE_WORDS);
    const fewer = Math.min(figs.a, figs.b);
    if (fewer >= MIN_FIGURES && figs.both < MIN_FIGURE_SHARE * fewer) return;
    best = slot;
    bestScore = score;
  };

  /** The slot of the best candidate for the mention held in `query`, or -1. */
  const nearest = (publishedMinute: number): number => {
    stamp = (stamp + 1) >>> 0;
    if (stamp === 0) {
      seenAt.fill(0);
      stamp = 1;
    }
    best = -1;
    bestScore = 0;
    queryMinute = publishedMinute;
    for (const key of bandKeys(query, 0, keys)) if (key >= 0) buckets.forEach(key, consider);
    return best;
  };

  return {
    assign(record) {
      if (record.signature === null || !readSignature(record.signature, query, 0, queryFigures, 0)) return record.id;
      const publishedMinute = minuteOf(record.publishedAt);
      const origin = nearest(publishedMinute);
      const storyId = origin >= 0 ? storyIds[origin]! : record.id;
      insert(storyId, origin >= 0 ? origins[origin]! : publishedMinute);
      return storyId;
    },
    remember(record) {
      if (!readSignature(record.signature, query, 0, queryFigures, 0)) return;
      const storyId = record.storyId ?? record.id;
      // Replayed oldest first, so the origin is normally known; when it was older than the replay,
      // the copy's own time stands in for it (the origin cannot be later than its copy).
      const known = stories.get(storyId);
      insert(storyId, known === undefined ? minuteOf(record.publishedAt) : originOf(known));
    },
  };
}
