import { UserInputError } from '../core/errors.js';

/** Keys that would reach an object's prototype rather than the options themselves. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * A source's options from `key=value` assignments (`--option` on the command line), as the
 * configuration file would give them: the value is JSON when it parses as JSON (`40`, `true`,
 * `["story"]`, `{"a":1}`, `"007"`), else the text itself; dots in the key make nested objects
 * (`auth.user=me` is `{ auth: { user: "me" } }`). A later assignment of the same key wins.
 * A malformed assignment is a UserInputError quoting it.
 */
export function parseOptionAssignments(assignments: readonly string[]): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const assignment of assignments) {
    const equals = assignment.indexOf('=');
    const key = equals < 0 ? '' : assignment.slice(0, equals).trim();
    const path = key.split('.');
    if (equals < 0 || path.some((part) => part === '')) {
      throw new UserInputError(`--option ${JSON.stringify(assignment)}: expected key=value (nested keys with dots, such as auth.user=me)`);
    }
    const bad = path.find((part) => FORBIDDEN_KEYS.has(part));
    if (bad !== undefined) throw new UserInputError(`--option ${key}: "${bad}" cannot be an option name`);
    let target = options;
    for (const [depth, part] of path.slice(0, -1).entries()) {
      const existing = target[part];
      if (existing === undefined) target[part] = {};
      else if (existing === null || typeof existing !== 'object' || Array.isArray(existing)) {
        throw new UserInputError(`--option ${key}: ${path.slice(0, depth + 1).join('.')} is already set to ${JSON.stringify(existing)}, not an object`);
      }
      target = target[part] as Record<string, unknown>;
    }
    target[path.at(-1)!] = parseValue(assignment.slice(equals + 1));
  }
  return options;
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Options given on top of those implied by a URL: nested objects are merged key by key, anything
 * else given replaces what was implied.
 */
export function mergeOptions(implied: Record<string, unknown>, given: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...implied };
  for (const [key, value] of Object.entries(given)) {
    const before = out[key];
    out[key] = isPlainObject(before) && isPlainObject(value) ? mergeOptions(before, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every http(s) URL among option values, nested ones included (the endpoints a test may open). */
export function urlsIn(options: unknown): URL[] {
  if (typeof options === 'string') {
    if (!/^https?:\/\//i.test(options)) return [];
    try {
      return [new URL(options)];
    } catch {
      return [];
    }
  }
  if (Array.isArray(options)) return options.flatMap(urlsIn);
  return isPlainObject(options) ? Object.values(options).flatMap(urlsIn) : [];
}
