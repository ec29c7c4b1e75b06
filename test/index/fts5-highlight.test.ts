import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/index/query/parse.js';
import { highlightQuery, highlightRow } from '../../src/index/sqlite/fts5-highlight.js';
import { fts5Tokens } from '../../src/index/sqlite/fts5-tokenize.js';
import { compileQuery } from '../../src/index/sqlite/sqlite-compile.js';

interface Text {
  title: string;
  body: string;
}

/** What FTS5 itself answers: highlight(title) and snippet(body, 24 tokens) of each matching text, by its index. */
function fts5Answers(texts: readonly Text[], expression: string): Map<number, Text> {
  const db = new Database(':memory:');
  try {
    db.exec(
      "CREATE TABLE docs (seq INTEGER PRIMARY KEY, title TEXT, body TEXT); CREATE VIRTUAL TABLE f USING fts5 (title, body, content = 'docs', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2')",
    );
    const insert = db.prepare('INSERT INTO docs (seq, title, body) VALUES (?, ?, ?)');
    texts.forEach((text, i) => insert.run(i, text.title, text.body));
    db.exec("INSERT INTO f (f) VALUES ('rebuild')");
    const rows = db
      .prepare("SELECT rowid AS seq, highlight(f, 0, char(2), char(3)) AS title, snippet(f, 1, char(2), char(3), '…', 24) AS body FROM f WHERE f MATCH ?")
      .all(expression) as { seq: number; title: string; body: string }[];
    return new Map(rows.map((row) => [row.seq, { title: row.title, body: row.body }]));
  } finally {
    db.close();
  }
}

/** Every difference between `highlightRow` and FTS5 over the texts, for each query. */
function differences(texts: readonly Text[], queries: readonly string[]): string[] {
  const found: string[] = [];
  for (const q of queries) {
    const compiled = compileQuery(parseQuery(q), {});
    if (compiled.highlight === null) throw new Error(`no text in ${q}`);
    const query = highlightQuery(compiled.highlightLeaves);
    const expected = fts5Answers(texts, compiled.highlight);
    texts.forEach((text, i) => {
      const mine = highlightRow(query, text.title, text.body, 24);
      const theirs = expected.get(i) ?? null;
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) found.push(JSON.stringify({ q, text, mine, theirs }));
    });
  }
  return found;
}

const LONG = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');

const HAND_WRITTEN: Text[] = [
  { title: 'Acme🔥 rocks: the CEO said so', body: 'Prix: acme. Société Générale et ACME… l’acmé du marché. e\u0301te\u0301 ACME-42 acme_x 𝐀cme' },
  { title: 'Acme recall', body: `${LONG}. The Acme recall widens: regulators ask questions. ${LONG} acme again at the end.` },
  { title: 'Nothing here', body: `${LONG} Acme` },
  { title: 'Title only: Acme', body: LONG },
  { title: '', body: '' },
  { title: '…', body: '  :  . ' },
  { title: 'Acme acme ACME', body: 'acme acme acme recall recall acme' },
  { title: 'lone surrogate acme', body: 'tab\tseparated\nacme\r\nlines.  Then: acme recall' },
  { title: 'Covid-19 and covid 19', body: 'COVID-19 recall; covid19 is another word' },
  { title: 'marks \u0301 alone acme', body: '\u0301\u0302 acme. \u0301 recall \u0301' },
  { title: 'Dubois', body: `Claire Dubois, chief executive, said ${LONG} and later Claire met Dubois.` },
];

const HAND_QUERIES = ['acme', 'acme*', 'acm*', '"acme recall"', 'title:acme', 'acme NEAR/3 recall', 'societe OR generale', '"covid-19"', 'ete', '"claire dubois" OR claire NEAR/5 dubois', 'recall AND NOT acme'];

/** A seeded generator of texts from a small vocabulary with accents, emoji and punctuation, and of queries over it. */
function generated(seed: number, count: number): { texts: Text[]; queries: string[] } {
  let state = seed;
  const random = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const words = ['acme', 'Acmé', 'recall', 'rappel', 'Société', 'générale', 'CEO', 'grève', 'l’usine', 'ACME-42', 'data', 'données', 'été', 'naïve', 'Œuvre', 'straße', 'emoji🔥', '日本', 'über'];
  const separators = [' ', ' ', ' ', ', ', '. ', ': ', ' — ', '\n', '! ', ' (', ') ', '…'];
  const sentence = (n: number): string => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]! + separators[Math.floor(random() * separators.length)]!).join('');
  const texts = Array.from({ length: count }, () => ({ title: sentence(2 + Math.floor(random() * 8)), body: sentence(5 + Math.floor(random() * 80)) }));
  const plain = ['acme', 'recall', 'rappel', 'societe', 'generale', 'ceo', 'greve', 'usine', 'data', 'donnees', 'ete', 'naive', 'uber'];
  const pick = (): string => plain[Math.floor(random() * plain.length)]!;
  const queries = Array.from({ length: 24 }, (_, i) =>
    [pick(), `${pick()} ${pick()}`, `"${pick()} ${pick()}"`, `${pick().slice(0, 3)}*`, `${pick()} NEAR/4 ${pick()}`, `title:${pick()} OR ${pick()}`][i % 6]!,
  );
  return { texts, queries };
}

describe('highlightRow', () => {
  it('gives what FTS5 highlight() and snippet() give, on texts written to catch the edges', () => {
    expect(differences(HAND_WRITTEN, HAND_QUERIES)).toEqual([]);
  });

  it('marks the best window of a long body, as FTS5 picks it', () => {
    const query = highlightQuery(compileQuery(parseQuery('acme recall'), {}).highlightLeaves);
    const row = highlightRow(query, HAND_WRITTEN[1]!.title, HAND_WRITTEN[1]!.body, 24)!;
    expect(row.title).toBe('\u0002Acme\u0003 \u0002recall\u0003');
    expect(row.body).toMatch(/^…The \u0002Acme\u0003 \u0002recall\u0003 widens: regulators ask questions\. word0 .*…$/u);
  });

  it('keeps a lone surrogate as it is (FTS5 gives U+FFFD for it), marking around it as FTS5 does', () => {
    const query = highlightQuery(compileQuery(parseQuery('acme'), {}).highlightLeaves);
    expect(highlightRow(query, 'lone \ud800 surrogate acme', 'acme\ud800acme', 24)).toEqual({
      title: 'lone \ud800 surrogate \u0002acme\u0003',
      body: '\u0002acme\u0003\ud800\u0002acme\u0003',
    });
  });

  it('answers null for a text the query does not match', () => {
    const query = highlightQuery(compileQuery(parseQuery('"acme recall"'), {}).highlightLeaves);
    expect(highlightRow(query, 'Acme', 'recall acme', 24)).toBeNull();
  });

  it('gives what FTS5 gives on generated texts and queries', () => {
    const { texts, queries } = generated(17, 400);
    expect(differences(texts, queries)).toEqual([]);
  });

  const shared = join(import.meta.dirname, '../../../shared/data/sentiment');
  it.skipIf(!existsSync(shared))('gives what FTS5 gives on real tweets and snippets in English and French (../shared/data, skipped without it)', () => {
    const lines = ['en_semeval2017_tweets/train_text.txt', 'fr_deft2017_tweets/train_text.txt'].flatMap((file) => readFileSync(join(shared, file), 'utf8').split('\n').slice(0, 600));
    const texts = lines.map((line, i) => ({ title: lines[(i * 7) % lines.length]!.slice(0, 80), body: `${line} ${lines[(i + 1) % lines.length]}` }));
    const vocabulary = [...new Set(lines.slice(0, 200).flatMap((line) => fts5Tokens(line).terms))].filter((term) => term.length > 3);
    const queries = vocabulary.slice(0, 40).map((term, i) => (i % 3 === 0 ? term : i % 3 === 1 ? `${term} ${vocabulary[i + 40]}` : `${term.slice(0, 3)}*`));
    expect(differences(texts, queries)).toEqual([]);
  });
});

/** The terms FTS5 itself makes of a text, in order. */
function fts5Terms(text: string): string[] {
  const db = new Database(':memory:');
  try {
    db.exec("CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = 'unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE v USING fts5vocab (t, instance)");
    db.prepare('INSERT INTO t (rowid, x) VALUES (1, ?)').run(text);
    return db.prepare('SELECT term FROM v ORDER BY "offset"').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('fts5Tokens', () => {
  it('makes the terms FTS5 makes of every code point of many blocks, between letters and alone', () => {
    const blocks = [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x09, 0x0e, 0x1e, 0x1f, 0x20, 0x21, 0x30, 0x4e, 0xac, 0xd8, 0xe0, 0xfb, 0xfe, 0xff, 0x1d4, 0x1f3, 0x1f6, 0x2a6, 0x10ff];
    for (const block of blocks) {
      const points = Array.from({ length: 256 }, (_, i) => block * 256 + i).filter((point) => point >= 32 && (point < 0xd800 || point > 0xdfff));
      const glued = points.map((point) => `a${String.fromCodePoint(point)}b`).join(' ');
      const alone = points.map((point) => String.fromCodePoint(point)).join(' ');
      expect(fts5Tokens(glued).terms, `block ${block.toString(16)} between letters`).toEqual(fts5Terms(glued));
      expect(fts5Tokens(alone).terms, `block ${block.toString(16)} alone`).toEqual(fts5Terms(alone));
    }
  });


  it('splits and folds as the index does, with offsets in the text', () => {
    const text = 'Société—Générale’s 🔥CEO';
    const tokens = fts5Tokens(text);
    expect(tokens.terms).toEqual(['societe', 'generale', 's', 'ceo']);
    expect(tokens.starts.map((start, i) => text.slice(start, tokens.ends[i]))).toEqual(['Société', 'Générale', 's', 'CEO']);
  });
});
