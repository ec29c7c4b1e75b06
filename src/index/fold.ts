/**
 * Folds text the way both index adapters compare it: canonical decomposition, combining marks
 * removed, lower case. `Société Générale` → `societe generale`. This matches SQLite's
 * `unicode61 remove_diacritics 2` on letters with accents; ligatures (œ) are left to each engine's
 * own analyser, which sees the query text as well.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Whether the text holds at least one letter or digit (something an index can match). */
export function hasWordCharacter(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
