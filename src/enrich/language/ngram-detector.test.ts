import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eld } from 'eld/small';
import { beforeAll, describe, expect, it } from 'vitest';
import { NEWS_EN } from '../../samples/data/news-en.js';
import { NEWS_FR } from '../../samples/data/news-fr.js';
import { BLOG_EN, BLOG_FR } from '../../samples/data/blog-templates.js';
import { NGRAM_TABLE_FILE, ngramTableFromEld } from './load-ngram-table.js';
import { createNgramDetector, type NgramDetection } from './ngram-detector.js';
import { decodeTable, encodeTable, type NgramTable } from './ngram-table.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Strings built to reach every branch of eld's reading: accents, Cyrillic, CJK, emoji, lone surrogates, apostrophes, digits, words past 70 bytes, texts past its cut-offs. */
function awkwardTexts(count: number): string[] {
  const next = random(11);
  const pick = (n: number): number => Math.floor(next() * n);
  return Array.from({ length: count }, () => {
    let text = '';
    const length = pick(400);
    for (let k = 0; k < length; k++) {
      const x = next();
      if (x < 0.45) text += String.fromCharCode(97 + pick(26));
      else if (x < 0.55) text += ' ';
      else if (x < 0.65) text += String.fromCharCode(0xc0 + pick(0x180));
      else if (x < 0.7) text += String.fromCharCode(0x400 + pick(0x100));
      else if (x < 0.75) text += String.fromCharCode(0x4e00 + pick(0x500));
      else if (x < 0.78) text += String.fromCodePoint(0x1f600 + pick(50));
      else if (x < 0.8) text += String.fromCharCode(0xd800 + pick(0x800));
      else if (x < 0.88) text += "'’`-.,!?0123456789 \n\t"[pick(21)];
      else if (x < 0.9) text += 'É'.repeat(pick(50));
      else text += 'x'.repeat(pick(90));
    }
    return text;
  });
}

/** Titles and titles + 200 characters of every hand-written sample article, as enrichment reads them. */
function sampleTexts(): string[] {
  const plain = (html: string): string => html.replace(/<[^>]+>/g, ' ');
  return [...NEWS_EN, ...NEWS_FR, ...BLOG_EN, ...BLOG_FR].flatMap((article) => {
    const body = plain(('paragraphs' in article ? article.paragraphs : []).join(' '));
    return [article.title, `${article.title}\n${body.slice(0, 200)}`, body];
  });
}

const eldAnswer = (text: string): NgramDetection => {
  const result = eld.detect(text);
  return { language: result.language, reliable: result.isReliable() };
};

describe('the n-gram language detector', () => {
  let table: NgramTable;
  beforeAll(async () => {
    table = await ngramTableFromEld();
  });

  it("answers as eld's own detect does, language and reliability, on sample articles and awkward text", () => {
    const detect = createNgramDetector(table);
    const texts = [
      '',
      ' ',
      'a',
      'ab',
      'abc',
      'abcd',
      "l'entreprise n'a pas dit",
      'don’t stop',
      'Ünïcödé ÀÉÎÕÜ',
      'Привет, как дела?',
      '日本語のテキスト',
      '😀😃 emoji 😄',
      'x'.repeat(200),
      'é'.repeat(80),
      ...sampleTexts(),
      ...awkwardTexts(3000),
    ];
    const differences = texts.filter((text) => {
      const ours = detect(text);
      const theirs = eldAnswer(text);
      return ours.language !== theirs.language || ours.reliable !== theirs.reliable;
    });
    expect(differences).toEqual([]);
    // The cases are not all alike: they name several languages, reliably and not.
    const answers = texts.map((text) => detect(text));
    expect(new Set(answers.map((a) => a.language)).size).toBeGreaterThan(5);
    expect(answers.some((a) => a.reliable)).toBe(true);
    expect(answers.some((a) => a.language !== '' && !a.reliable)).toBe(true);
  });

  it('reads back the table it wrote, and refuses bytes that are not one', () => {
    const decoded = decodeTable(encodeTable(table));
    expect(decoded.languages).toEqual(table.languages);
    expect(decoded.separators).toBe(table.separators);
    expect(Array.from(decoded.postingScore)).toEqual(Array.from(table.postingScore));
    expect(createNgramDetector(decoded)('Acme relève ses tarifs pour la deuxième fois')).toEqual(createNgramDetector(table)('Acme relève ses tarifs pour la deuxième fois'));
    expect(() => decodeTable(Buffer.from('not a table at all, not at all'))).toThrow(/not a table/);
    expect(() => decodeTable(encodeTable(table).subarray(0, 1000))).toThrow(/truncated/);
  });

  it('is the table the build wrote, from the installed eld (npm run build writes it)', () => {
    const file = join(ROOT, NGRAM_TABLE_FILE);
    expect(existsSync(file), `${NGRAM_TABLE_FILE} is missing: run "npm run build"`).toBe(true);
    expect(readFileSync(file).equals(encodeTable(table)), `${NGRAM_TABLE_FILE} is stale: run "npm run build"`).toBe(true);
  });
});
