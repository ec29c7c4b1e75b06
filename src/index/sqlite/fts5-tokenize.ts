import Database from 'better-sqlite3';

/** The tokens of a text as the full-text index sees them: offsets in the text (UTF-16) and folded terms. */
export interface Fts5Tokens {
  starts: number[];
  ends: number[];
  terms: string[];
}

/** One code point: its folded form when it belongs to tokens (`''` when folding drops it), null when it separates them. */
type CodePointClass = string | null;

const classes = new Map<number, CodePointClass>();
let probe: ((codePoint: number) => CodePointClass) | null = null;

/**
 * Asks SQLite's own tokenizer (`unicode61 remove_diacritics 2`, the index's) what it does with a
 * code point, once per code point and thread: its tables follow SQLite's Unicode version, which
 * differs from the one JavaScript's `\p{…}` classes follow (unassigned code points and some
 * symbols are token characters there, some marks separate), and folding is per code point.
 */
function probeCodePoint(codePoint: number): CodePointClass {
  if (!probe) {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE probe USING fts5 (x, tokenize = 'unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE probe_terms USING fts5vocab (probe, instance)");
    const insert = db.prepare('INSERT INTO probe (rowid, x) VALUES (1, ?)');
    const terms = db.prepare('SELECT term FROM probe_terms ORDER BY "offset"').pluck();
    const clear = db.prepare('DELETE FROM probe WHERE rowid = 1');
    probe = (point) => {
      insert.run(`qq${String.fromCodePoint(point)}zz`);
      const found = terms.all() as string[];
      clear.run();
      return found.length === 1 ? found[0]!.slice(2, -2) : null;
    };
  }
  return probe(codePoint);
}

function classOf(codePoint: number): CodePointClass {
  if (codePoint < 128) {
    if (codePoint >= 65 && codePoint <= 90) return String.fromCharCode(codePoint + 32);
    return (codePoint >= 97 && codePoint <= 122) || (codePoint >= 48 && codePoint <= 57) ? String.fromCharCode(codePoint) : null;
  }
  let known = classes.get(codePoint);
  if (known === undefined) {
    // A lone surrogate reaches SQLite as U+FFFD.
    known = probeCodePoint(codePoint >= 0xd800 && codePoint <= 0xdfff ? 0xfffd : codePoint);
    classes.set(codePoint, known);
  }
  return known;
}

/** Tokenizes a text as the full-text index does, keeping where each token is in the text. */
export function fts5Tokens(text: string): Fts5Tokens {
  const tokens: Fts5Tokens = { starts: [], ends: [], terms: [] };
  let start = -1;
  let term = '';
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i)!;
    const size = codePoint > 0xffff ? 2 : 1;
    const folded = classOf(codePoint);
    if (folded === null) {
      if (start >= 0) {
        tokens.starts.push(start);
        tokens.ends.push(i);
        tokens.terms.push(term);
        start = -1;
        term = '';
      }
    } else {
      if (start < 0) start = i;
      term += folded;
    }
    i += size;
  }
  if (start >= 0) {
    tokens.starts.push(start);
    tokens.ends.push(text.length);
    tokens.terms.push(term);
  }
  return tokens;
}
