/**
 * eld's "small" n-gram database (60 languages) in typed arrays: an open-addressing hash table of
 * the n-grams and, per n-gram, its languages and scores. eld keeps the same data as a 1.6 MB
 * object literal that costs each thread ~0.4 s of CPU to parse and builds a dictionary object of
 * 81,000 keys; this table loads from a 1.2 MB file in milliseconds and is read without strings.
 *
 * An n-gram is at most 6 characters, each the code (< 256) eld's byte dictionary gives a UTF-8
 * byte; it is packed as `lo` (characters 0–3) and `hi` (characters 4–5, and the length, so that
 * no two n-grams share a key).
 */
export interface NgramTable {
  /** ISO 639-1 code of each language index. */
  languages: string[];
  /** eld's separators pattern (its source; flags `gu`): runs of non-letters, replaced by a space. */
  separators: string;
  /** eld's dictionary: the character code (< 256) standing for each UTF-8 byte of a non-ASCII character. */
  byteChars: Uint8Array;
  /** eld's average score of a correct detection, per language index (its reliability test). */
  averageScores: Float64Array;
  /** Packed n-gram of each entry. */
  lo: Int32Array;
  hi: Int32Array;
  /** Postings of entry e are `[postingStart[e], postingStart[e + 1])`. */
  postingStart: Uint32Array;
  postingLanguage: Uint8Array;
  postingScore: Uint8Array;
  /** Hash slots: entry index, or -1. Its length is a power of two. */
  slots: Int32Array;
}

/** eld's database as its module exports it (`ngramsData`). */
export interface EldData {
  ngrams: Record<string, Record<string, number>>;
  languages: Record<string, string>;
}

const MAX_NGRAM_CHARS = 6;

/** The `lo`/`hi` key of `chars[from, to)` (at most 6 characters). */
export function packNgram(chars: ArrayLike<number>, from: number, to: number): { lo: number; hi: number } {
  let lo = 0;
  let hi = (to - from) << 16;
  for (let i = from; i < to; i++) {
    const at = i - from;
    if (at < 4) lo |= chars[i]! << (8 * at);
    else hi |= chars[i]! << (8 * (at - 4));
  }
  return { lo, hi };
}

/** The slot an n-gram hashes to, in a table of `mask + 1` slots. */
export function slotOf(lo: number, hi: number, mask: number): number {
  const h = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1);
  return (h ^ (h >>> 15)) & mask;
}

function buildSlots(lo: Int32Array, hi: Int32Array): Int32Array {
  let size = 1;
  while (size < lo.length * 3) size <<= 1;
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let e = 0; e < lo.length; e++) {
    let slot = slotOf(lo[e]!, hi[e]!, mask);
    while (slots[slot] !== -1) slot = (slot + 1) & mask;
    slots[slot] = e;
  }
  return slots;
}

/** The table of eld's database (n-grams in eld's key order; languages by index), its `avgScore` and separators. */
export function tableFromEld(data: EldData, averageScore: Record<string, number>, separators: RegExp, dictionary: readonly string[]): NgramTable {
  if (dictionary.length !== 256 || dictionary.some((c) => c.length !== 1 || c.charCodeAt(0) > 255)) throw new Error("eld's byte dictionary is not 256 one-byte characters");
  if (separators.flags !== 'gu') throw new Error(`eld's separators pattern has flags "${separators.flags}", not "gu"`);
  const languageCount = Object.keys(data.languages).length;
  const languages = Array.from({ length: languageCount }, (_, i) => data.languages[i]!);
  const keys = Object.keys(data.ngrams);
  const lo = new Int32Array(keys.length);
  const hi = new Int32Array(keys.length);
  const postingStart = new Uint32Array(keys.length + 1);
  const postingLanguage: number[] = [];
  const postingScore: number[] = [];
  keys.forEach((key, e) => {
    if (key.length > MAX_NGRAM_CHARS) throw new Error(`eld n-gram "${key}" is longer than ${MAX_NGRAM_CHARS} characters`);
    const codes = Array.from(key, (c) => c.charCodeAt(0));
    if (codes.some((code) => code > 255)) throw new Error(`eld n-gram "${key}" has a character outside eld's byte dictionary`);
    ({ lo: lo[e], hi: hi[e] } = packNgram(codes, 0, codes.length));
    postingStart[e] = postingLanguage.length;
    for (const [language, score] of Object.entries(data.ngrams[key]!)) {
      if (!Number.isInteger(score) || score < 0 || score > 255) throw new Error(`eld n-gram "${key}": score ${score} is not a byte`);
      postingLanguage.push(Number(language));
      postingScore.push(score);
    }
  });
  postingStart[keys.length] = postingLanguage.length;
  return {
    languages,
    separators: separators.source,
    byteChars: Uint8Array.from(dictionary, (c) => c.charCodeAt(0)),
    averageScores: Float64Array.from(languages, (code) => averageScore[code] ?? Number.NaN),
    lo,
    hi,
    postingStart,
    postingLanguage: Uint8Array.from(postingLanguage),
    postingScore: Uint8Array.from(postingScore),
    slots: buildSlots(lo, hi),
  };
}

const MAGIC = 0x4e475432; // "NGT2"

/**
 * The table as bytes (the hash slots are rebuilt on load): a header of counts, the language codes,
 * then the arrays, each 4-byte aligned.
 */
export function encodeTable(table: NgramTable): Buffer {
  const codes = Buffer.from(table.languages.join(','), 'latin1');
  const separators = Buffer.from(table.separators, 'utf8');
  const header = new Uint32Array([MAGIC, table.languages.length, table.lo.length, table.postingLanguage.length, codes.length, separators.length]);
  const pad = (bytes: Uint8Array): Buffer => Buffer.concat([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), Buffer.alloc((4 - (bytes.byteLength % 4)) % 4)]);
  return Buffer.concat([
    pad(new Uint8Array(header.buffer)),
    pad(codes),
    pad(separators),
    pad(table.byteChars),
    pad(new Uint8Array(table.averageScores.buffer)),
    pad(new Uint8Array(table.lo.buffer)),
    pad(new Uint8Array(table.hi.buffer)),
    pad(new Uint8Array(table.postingStart.buffer)),
    pad(table.postingLanguage),
    pad(table.postingScore),
  ]);
}

/** The table `encodeTable` wrote; throws on bytes that are not one. */
export function decodeTable(bytes: Uint8Array): NgramTable {
  // Copied once into an aligned buffer of its own, so the typed arrays below can view it.
  const buffer = new Uint8Array(bytes).buffer;
  let at = 0;
  const take = (length: number): ArrayBuffer => {
    if (at + length > buffer.byteLength) throw new Error('language n-gram table: truncated');
    const slice = buffer.slice(at, at + length);
    at += length + ((4 - (length % 4)) % 4);
    return slice;
  };
  const [magic, languageCount, entries, postings, codesLength, separatorsLength] = new Uint32Array(take(24));
  if (magic !== MAGIC) throw new Error('language n-gram table: not a table (bad magic number)');
  const languages = Buffer.from(take(codesLength!)).toString('latin1').split(',');
  if (languages.length !== languageCount) throw new Error('language n-gram table: language count does not match');
  const separators = Buffer.from(take(separatorsLength!)).toString('utf8');
  const byteChars = new Uint8Array(take(256));
  const averageScores = new Float64Array(take(8 * languageCount!));
  const lo = new Int32Array(take(4 * entries!));
  const hi = new Int32Array(take(4 * entries!));
  const postingStart = new Uint32Array(take(4 * (entries! + 1)));
  const postingLanguage = new Uint8Array(take(postings!));
  const postingScore = new Uint8Array(take(postings!));
  return { languages, separators, byteChars, averageScores, lo, hi, postingStart, postingLanguage, postingScore, slots: buildSlots(lo, hi) };
}
