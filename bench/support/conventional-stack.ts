import Database from 'better-sqlite3';
import { eld } from 'eld/small';
import { createRequire } from 'node:module';
import Parser from 'rss-parser';
import type { Watchlist } from '../../src/config/watchlist.js';

/** The parts of natural used (loaded whole, as its users do; its own typings do not compile under this project's settings). */
interface Natural {
  SentimentAnalyzer: new (language: string, stemmer: unknown, vocabulary: string) => { getSentiment(words: string[]): number };
  PorterStemmer: unknown;
  PorterStemmerFr: unknown;
  WordTokenizer: new () => { tokenize(text: string): string[] };
}

/**
 * The conventional single-process stack the end-to-end benchmark compares with: global fetch,
 * rss-parser, eld's small model for the language (franc-min, the usual choice, is not a dependency here),
 * natural's AFINN (English) and pattern (French) sentiment, one case-insensitive RegExp of every
 * watchlist name, and SQLite with an FTS5 table filled by a trigger; one transaction per feed.
 * Returns the number of mentions stored.
 */
export async function runConventionalStack(urls: readonly string[], watchlist: Watchlist, dbPath: string, concurrency = 8): Promise<number> {
  const natural = createRequire(import.meta.url)('natural') as Natural;
  const parser = new Parser();
  const english = new natural.SentimentAnalyzer('English', natural.PorterStemmer, 'afinn');
  const french = new natural.SentimentAnalyzer('French', natural.PorterStemmerFr, 'pattern');
  const tokenizer = new natural.WordTokenizer();
  const names = [...watchlist.brands.flatMap((b) => [b.name, ...b.aliases, ...b.products]), ...watchlist.people.flatMap((p) => [p.name, ...p.aliases])];
  const pattern = new RegExp(`\\b(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'gi');
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE mentions (id TEXT PRIMARY KEY, url TEXT, title TEXT, text TEXT, published TEXT, language TEXT, entities TEXT, sentiment REAL);
    CREATE VIRTUAL TABLE mentions_fts USING fts5(title, text, content='mentions', content_rowid='rowid');
    CREATE TRIGGER mentions_ai AFTER INSERT ON mentions BEGIN INSERT INTO mentions_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END;`);
  const insert = db.prepare('INSERT OR REPLACE INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  let stored = 0;
  const store = db.transaction((rows: unknown[][]) => {
    for (const row of rows) insert.run(...row);
  });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const url = urls[next++]!;
      const response = await fetch(url);
      const feed = await parser.parseString(await response.text());
      const rows = feed.items.map((item) => {
        const text = item.contentSnippet ?? '';
        const title = item.title ?? '';
        const language = eld.detect(text).language;
        const entities = [...new Set((`${title} ${text}`.match(pattern) ?? []).map((m) => m.toLowerCase()))];
        const analyzer = language === 'fr' ? french : english;
        const sentiment = analyzer.getSentiment(tokenizer.tokenize(text));
        return [item.guid ?? item.link, item.link, title, text, item.isoDate ?? null, language, JSON.stringify(entities), Number.isFinite(sentiment) ? sentiment : 0];
      });
      store(rows);
      stored += rows.length;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
  db.close();
  return stored;
}
