import { eld } from 'eld/small';

/** What language detection needs from an item. */
export interface LanguageInput {
  title: string;
  text: string;
  languageHint?: string | null;
  language?: string | null;
}

/** Characters of body text looked at: enough for a sure answer, cheap on long articles. */
const SAMPLE_CHARS = 200;
/** Below this many letters, a source's declared language beats a guess. */
const SHORT_TEXT_LETTERS = 30;

/** `fr-FR`, `FR`, `fra` → `fr`; anything that is not a 2-letter code → null. */
export function normaliseLanguageCode(code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  const match = /^\s*([a-zA-Z]{2})(?:[-_][a-zA-Z0-9]+)*\s*$/.exec(code);
  return match ? match[1]!.toLowerCase() : null;
}

function countLetters(sample: string): number {
  let letters = 0;
  for (let i = 0; i < sample.length && letters < SHORT_TEXT_LETTERS; i += 1) {
    const c = sample.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0) letters += 1;
  }
  return letters;
}

/**
 * ISO 639-1 code of the item's language (eld, 60 languages), or null. A forced `language` wins;
 * on very short or unsure text the source's `languageHint` is used instead of a guess.
 */
export function detectLanguage(input: LanguageInput): string | null {
  const forced = normaliseLanguageCode(input.language);
  if (forced) return forced;
  const hint = normaliseLanguageCode(input.languageHint);
  const sample = input.text.length > 0 ? `${input.title}\n${input.text.slice(0, SAMPLE_CHARS)}` : input.title;
  const short = countLetters(sample) < SHORT_TEXT_LETTERS;
  if (short && hint) return hint;
  const result = eld.detect(sample);
  const detected = result.language === '' ? null : result.language;
  if (detected === null) return hint;
  if (hint && hint !== detected && !result.isReliable()) return hint;
  return detected;
}
