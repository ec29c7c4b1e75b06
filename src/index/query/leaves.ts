import { UserInputError } from '../../core/errors.js';
import { CHANNELS, SENTIMENT_LABELS } from '../../core/mention.js';
import { foldText, hasWordCharacter } from '../../core/text/fold.js';
import type { QueryField, QueryNode } from './ast.js';
import { column } from './tokenize.js';

/** Characters a wildcard needs before its `*`. */
export const MIN_WILDCARD_STEM = 3;

function withField<T extends object>(node: T, field: QueryField | undefined): T & { field?: QueryField } {
  return field === undefined ? node : { ...node, field };
}

/**
 * The term a word of the query stands for: folded, checked for its field, `*` a prefix, `#tag` and
 * `@handle` the hashtag and handle fields.
 */
export function wordNode(raw: string, position: number, field: QueryField | undefined): QueryNode {
  const sigil = raw[0];
  if (field === undefined && (sigil === '#' || sigil === '@') && raw.length > 1) {
    // `#tag` and `@handle`: the hashtag or handle as such, not the bare word anywhere.
    return wordNode(raw.slice(1), position + 1, sigil === '#' ? 'hashtag' : 'handle');
  }
  const star = raw.indexOf('*');
  const prefix = star !== -1;
  if (prefix && star !== raw.length - 1) {
    throw new UserInputError(`wildcard at ${column(position + star)}: '*' goes only at the end of a term, as in 'acqui*'`, 'query-syntax', position + star);
  }
  if (prefix && field === 'site') {
    throw new UserInputError(`site:${raw} at ${column(position)}: write a whole domain; its subdomains are included (site:lemonde.fr)`, 'query-syntax', position);
  }
  const stem = prefix ? raw.slice(0, -1) : raw;
  const value = checkValue(normalizeValue(foldText(stem), field), position, field, `'${raw}'`);
  if (prefix && [...value.replace(/[^\p{L}\p{N}]/gu, '')].length < MIN_WILDCARD_STEM) {
    throw new UserInputError(`wildcard '${raw}' at ${column(position)}: write at least ${MIN_WILDCARD_STEM} letters before '*'`, 'query-syntax', position);
  }
  const node = withField({ kind: 'term' as const, value, position }, field);
  return prefix ? { ...node, prefix: true } : node;
}

/** The phrase a quoted value stands for: folded, spaces collapsed, checked for its field. */
export function phraseNode(raw: string, position: number, field: QueryField | undefined): QueryNode {
  const value = checkValue(normalizeValue(foldText(raw.trim().replace(/\s+/g, ' ')), field), position, field, `"${raw}"`);
  return withField({ kind: 'phrase' as const, value, position }, field);
}

/** `site:https://www.lemonde.fr/x` is the domain `www.lemonde.fr`; `#` and `@` are not part of a tag's value. */
function normalizeValue(value: string, field: QueryField | undefined): string {
  if (field === 'site') return value.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#:].*$/, '').replace(/\.$/, '');
  if (field === 'hashtag' || field === 'handle') return value.replace(/^[#@]/, '');
  return value;
}

function checkValue(value: string, position: number, field: QueryField | undefined, shown: string): string {
  if (!hasWordCharacter(value)) {
    throw new UserInputError(`nothing to search for in ${shown} at ${column(position)}: use letters or digits`, 'query-syntax', position);
  }
  if (field === 'sentiment' && !(SENTIMENT_LABELS as readonly string[]).includes(value)) {
    throw new UserInputError(`sentiment:${value} at ${column(position)}: use one of ${SENTIMENT_LABELS.join(', ')}`, 'query-syntax', position);
  }
  if ((field === 'hashtag' || field === 'handle') && !/^[\p{L}\p{N}_]+$/u.test(value)) {
    throw new UserInputError(`${field === 'hashtag' ? '#' : '@'}${value} at ${column(position)}: a ${field} is letters, digits and '_'`, 'query-syntax', position);
  }
  if (field === 'site' && !/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*$/u.test(value)) {
    throw new UserInputError(`site:${value} at ${column(position)}: write a domain, as in site:lemonde.fr`, 'query-syntax', position);
  }
  if (field === 'channel' && !(CHANNELS as readonly string[]).includes(value)) {
    throw new UserInputError(`channel:${value} at ${column(position)}: use one of ${CHANNELS.join(', ')}`, 'query-syntax', position);
  }
  return value;
}
