/**
 * Folds text the way both index adapters compare it: Unicode compatibility decomposition, combining
 * marks removed, lower case. `Société Générale` → `societe generale`; `ŒUVRE` → `oeuvre`.
 * (SQLite's `unicode61 remove_diacritics 2` and Elasticsearch's `asciifolding` + `lowercase` do the same
 * on indexed text; this is the query side and the keyword fields.)
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[œŒ]/g, (c) => (c === 'œ' ? 'oe' : 'OE'))
    .replace(/[æÆ]/g, (c) => (c === 'æ' ? 'ae' : 'AE'))
    .replace(/ß/g, 'ss')
    .toLowerCase();
}

/** Whether the text holds at least one letter or digit (something an index can match). */
export function hasWordCharacter(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
