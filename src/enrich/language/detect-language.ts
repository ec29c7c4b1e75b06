import { normaliseLanguageCode } from './language-code.js';
import { loadNgramTable } from './load-ngram-table.js';
import { createNgramDetector } from './ngram-detector.js';

export { normaliseLanguageCode };

/** eld's detector ("small" database, 60 languages) on its typed-array table, loaded once per thread. */
const detectByNgrams = createNgramDetector(await loadNgramTable());

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
  const result = detectByNgrams(sample);
  const detected = result.language === '' ? null : result.language;
  if (detected === null) return hint;
  if (hint && hint !== detected && !result.reliable) return hint;
  return detected;
}
