import type { Watchlist } from '../config/watchlist.js';
import { UserInputError } from '../core/errors.js';
import { createEnricher, type EnricherOptions } from '../enrich/create-enricher.js';
import type { Enrichment } from '../enrich/enricher.js';
import { normaliseLanguageCode } from '../enrich/language/language-code.js';

/** Lines longer than this are refused rather than analysed. */
export const MAX_ANALYZE_LINE_CHARS = 4 * 1024 * 1024;

/** One text to analyse. */
export interface AnalyzeItem {
  id: string;
  title: string;
  text: string;
  lang: string | null;
}

/** A line's analysis, or why the line could not be read. */
export type AnalyzeLineResult = { ok: true; item: AnalyzeItem; enrichment: Enrichment } | { ok: false; reason: string };

/** A line as an item: a JSON object `{"id","title","text","lang"}`, or plain text. Returns the reason when it is neither. */
export function parseAnalyzeLine(text: string, line: number): AnalyzeItem | string {
  if (text.length > MAX_ANALYZE_LINE_CHARS) return `line longer than ${MAX_ANALYZE_LINE_CHARS} characters`;
  if (!text.trimStart().startsWith('{')) return { id: `line-${line}`, title: '', text, lang: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  for (const field of ['title', 'text', 'lang'] as const) {
    const v = record[field];
    if (v !== undefined && v !== null && typeof v !== 'string') return `"${field}" must be a string`;
  }
  const id = record.id;
  if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number') return '"id" must be a string or a number';
  const title = (record.title as string | undefined) ?? '';
  const body = (record.text as string | undefined) ?? '';
  if (title === '' && body === '') return 'needs a non-empty "title" or "text"';
  return { id: id === undefined || id === null ? `line-${line}` : String(id), title, text: body, lang: (record.lang as string | undefined) ?? null };
}

/**
 * An analyser for a watchlist: enrichment as the pipeline runs it (a dry run), one line at a time.
 * `lang` forces the language (a two-letter code) instead of detecting it.
 */
export function createAnalyzer(watchlist: Watchlist, options: { lang?: string | undefined; enricher?: EnricherOptions } = {}): (text: string, line: number) => AnalyzeLineResult {
  let forced: string | null = null;
  if (options.lang !== undefined) {
    forced = normaliseLanguageCode(options.lang);
    if (!forced) throw new UserInputError(`--lang ${JSON.stringify(options.lang)}: expected a two-letter language code such as "en" or "fr"`);
  }
  const enricher = createEnricher(watchlist, options.enricher);
  return (text, line) => {
    const item = parseAnalyzeLine(text, line);
    if (typeof item === 'string') return { ok: false, reason: item };
    return { ok: true, item, enrichment: enricher.enrich({ title: item.title, text: item.text, languageHint: item.lang, language: forced }) };
  };
}
