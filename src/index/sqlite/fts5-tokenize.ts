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
let probe: ((codePoints: number[]) => string[]) | null = null;

/**
 * Asks SQLite's own tokenizer (`unicode61 remove_diacritics 2`, the index's) what it does with the
 * 256 code points of a block, once per block and thread: its tables follow SQLite's Unicode
 * version, which differs from the one JavaScript's `\p{…}` classes follow (unassigned code points
 * and some symbols are token characters there, some marks separate), and folding is per code
 * point. A block at a time, so that even a text of every script costs a few thousand probes.
 */
function probeBlock(block: number): void {
  if (!probe) {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE probe USING fts5 (x, tokenize = 'unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE probe_terms USING fts5vocab (probe, instance)");
    const insert = db.prepare('INSERT INTO probe (rowid, x) VALUES (1, ?)');
    const terms = db.prepare('SELECT term FROM probe_terms ORDER BY "offset"').pluck();
    const clear = db.prepare('DELETE FROM probe WHERE rowid = 1');
    probe = (points) => {
      // A lone surrogate reaches SQLite as U+FFFD.
      insert.run(points.map((point) => `qq${String.fromCodePoint(point >= 0xd800 && point <= 0xdfff ? 0xfffd : point)}zz`).join(' '));
      const found = terms.all() as string[];
      clear.run();
      return found;
    };
  }
  const points: number[] = [];
  for (let point = Math.max(128, block * 256); point < (block + 1) * 256 && point <= 0x10ffff; point += 1) points.push(point);
  const terms = probe(points);
  // `qq` then `zz`: the code point separates tokens; `qq…zz`: it belongs to one, folded to `…`.
  let at = 0;
  for (const point of points) {
    const term = terms[at]!;
    if (term === 'qq') {
      classes.set(point, null);
      at += 2;
    } else {
      classes.set(point, term.slice(2, -2));
      at += 1;
    }
  }
}

function classOf(codePoint: number): CodePointClass {
  if (codePoint < 128) {
    if (codePoint >= 65 && codePoint <= 90) return String.fromCharCode(codePoint + 32);
    return (codePoint >= 97 && codePoint <= 122) || (codePoint >= 48 && codePoint <= 57) ? String.fromCharCode(codePoint) : null;
  }
  let known = classes.get(codePoint);
  if (known === undefined) {
    probeBlock(codePoint >> 8);
    known = classes.get(codePoint)!;
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
      // A run of marks folding to nothing makes no token.
      if (start >= 0 && term !== '') {
        tokens.starts.push(start);
        tokens.ends.push(i);
        tokens.terms.push(term);
      }
      start = -1;
      term = '';
    } else {
      if (start < 0) start = i;
      term += folded;
    }
    i += size;
  }
  if (start >= 0 && term !== '') {
    tokens.starts.push(start);
    tokens.ends.push(text.length);
    tokens.terms.push(term);
  }
  return tokens;
}
