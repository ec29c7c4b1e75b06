/** `fr-FR`, `FR`, `fra` → `fr`; anything that is not a 2-letter code → null. */
export function normaliseLanguageCode(code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  const match = /^\s*([a-zA-Z]{2})(?:[-_][a-zA-Z0-9]+)*\s*$/.exec(code);
  return match ? match[1]!.toLowerCase() : null;
}
