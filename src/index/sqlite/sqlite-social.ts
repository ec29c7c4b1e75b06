import type { Fragment } from './sqlite-compile.js';

/**
 * Letters that fold to each ASCII letter, for GLOB classes that match a folded value in the stored
 * text (`greve` finds `#Grève`). Latin letters of the languages hubwatch reads.
 */
const VARIANTS: Readonly<Record<string, string>> = {
  a: 'aàáâãäåāăą', c: 'cçćĉċč', d: 'dď', e: 'eèéêëēĕėęě', g: 'gĝğġģ', i: 'iìíîïĩīĭįı', l: 'lĺļľŀł', n: 'nñńņňŉ',
  o: 'oòóôõöøōŏő', r: 'rŕŗř', s: 'sśŝşš', t: 'tţť', u: 'uùúûüũūŭůűų', y: 'yýÿŷ', z: 'zźżž',
};

/** A word character for the boundaries of a tag, as GLOB's class (letters, digits, `_`; Latin letters with accents). */
const WORD = 'a-zA-Z0-9_À-ÖØ-öø-ɏ';

function globClassOf(ch: string): string {
  if (ch === '*' || ch === '?' || ch === '[' || ch === ']') return `[${ch}]`;
  const variants = VARIANTS[ch];
  if (!variants) return /\p{L}/u.test(ch) ? `[${ch}${ch.toUpperCase()}]` : ch;
  return `[${variants}${variants.toUpperCase()}]`;
}

/**
 * The tag as written in the title or text, for a candidate row (`m.seq`): `#` or `@` not preceded
 * by a word character, then the value (any case, any accents), then no word character unless the
 * value is a prefix. The same rule as the Elasticsearch adapter's `tags` field (es-document.ts).
 */
export function tagFragment(sigil: '#' | '@', value: string, prefix: boolean): Fragment {
  const body = `${sigil}${[...value].map(globClassOf).join('')}`;
  const tails = prefix ? ['*'] : ['', `[^${WORD}]*`];
  const patterns = ['', `*[^${WORD}]`].flatMap((head) => tails.map((tail) => `${head}${body}${tail}`));
  const tests = ['t.title', 't.body'].flatMap((column) => patterns.map(() => `${column} GLOB ?`));
  return {
    sql: `EXISTS (SELECT 1 FROM mention_texts t WHERE t.seq = m.seq AND (${tests.join(' OR ')}))`,
    params: [...patterns, ...patterns],
  };
}

/**
 * The publication's domain, subdomains included: the host of the mention's URL (or canonical URL)
 * is the domain or ends with `.domain`.
 */
export function siteFragment(domain: string): Fragment {
  const url = "lower(coalesce(json_extract(t.doc, '$.url'), json_extract(t.doc, '$.canonicalUrl'), ''))";
  const rest = `substr(${url}, instr(${url}, '://') + 3)`;
  const host = `rtrim(substr(${rest}, 1, CASE WHEN instr(${rest} || '/', '/') < instr(${rest} || ':', ':') THEN instr(${rest} || '/', '/') - 1 ELSE instr(${rest} || ':', ':') - 1 END), '.')`;
  return {
    sql: `EXISTS (SELECT 1 FROM mention_texts t WHERE t.seq = m.seq AND instr(${url}, '://') > 0 AND substr('.' || ${host}, -?) = ?)`,
    params: [domain.length + 1, `.${domain}`],
  };
}
