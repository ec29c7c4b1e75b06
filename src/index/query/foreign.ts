import { UserInputError } from '../../core/errors.js';
import { column } from './tokenize.js';

/**
 * Fields of other monitoring tools (Google News, Meltwater, Talkwalker, Brandwatch) that hubwatch
 * names differently or does not have: refused with what to write instead, never read as text.
 */
const FOREIGN_FIELDS: Readonly<Record<string, string>> = {
  intitle: 'write title:word',
  allintitle: 'write title:(word1 word2)',
  headline: 'write title:word',
  inurl: 'URLs are not searched; use site:domain for the publication',
  url: 'URLs are not searched; use site:domain for the publication',
  links: 'links are not searched; use site:domain for the publication',
  before: 'dates are not part of the query; use the search window (--from/--to)',
  after: 'dates are not part of the query; use the search window (--from/--to)',
  when: 'dates are not part of the query; use the search window (--from/--to)',
  language: 'write lang:xx (ISO 639-1)',
  languages: 'write lang:xx (ISO 639-1)',
  country: 'countries are not known to hubwatch; use source: or site:',
  location: 'locations are not known to hubwatch; use source: or site:',
  sourcetype: 'write channel:news (or blog, social, forum, video, podcast)',
  pagetype: 'write channel:news (or blog, social, forum, video, podcast)',
  mediatype: 'write channel:news (or blog, social, forum, video, podcast)',
  authorname: 'write author:"Full Name"',
  raw: 'raw text matching is not supported; case and accents always fold',
  sentiment_score: 'write sentiment:positive (or neutral, negative, unscored)',
  category: 'write topic:name',
  tag: 'write #tag',
  mentions: 'write @handle',
};

/** The error for a field of another tool, or null when the name is unknown to all of them. */
export function foreignFieldError(name: string, position: number): UserInputError | null {
  const advice = FOREIGN_FIELDS[name];
  return advice ? new UserInputError(`field '${name}:' at ${column(position)} is not a hubwatch field: ${advice}`, 'query-syntax', position) : null;
}
