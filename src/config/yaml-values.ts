import { load } from 'js-yaml';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

/**
 * The yaml package, loaded by the first text js-yaml leaves to it: the commands that read a
 * well-formed configuration never load it (its import alone was 7–11 ms of their start).
 */
const yamlPackage = (): typeof Yaml => createRequire(import.meta.url)('yaml') as typeof Yaml;

/** The yaml package's own default, stated: a configuration has no use for more. */
const MAX_ALIAS_COUNT = 100;

const MAX_PROBLEM_CHARS = 200;

/** YAML syntax problems, each with its place once (the parser's message repeats it). */
function yamlProblems(errors: readonly { message: string; linePos?: [{ line: number; col: number }, ...unknown[]] | undefined }[]): string[] {
  return errors.map((error) => {
    const place = error.linePos?.[0];
    const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?\s*$/, '');
    // The parser quotes the offending token whole: a binary file's is kilobytes of junk.
    const shown = message.length > MAX_PROBLEM_CHARS ? `${message.slice(0, MAX_PROBLEM_CHARS)}… (${message.length - MAX_PROBLEM_CHARS} more characters)` : message;
    return `${place ? `line ${place.line}, column ${place.col}` : 'YAML'}: ${shown}`;
  });
}

/** The text read by the yaml package: every syntax problem with its line and column, aliases expanded up to `MAX_ALIAS_COUNT`. */
function documentValues(text: string): { values: unknown } | { problems: string[] } {
  const document = yamlPackage().parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) return { problems: yamlProblems(document.errors) };
  try {
    return { values: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    return { problems: [`YAML: ${(error as Error).message} (its aliases expand far beyond the file: refused as a billion-laughs bomb)`] };
  }
}

/**
 * Plain scalars the core schema reads as null, a boolean or a number (the yaml package's core
 * tests): a key or a string holding one may have been written unquoted, where the two parsers
 * differ at the edges (`null:` is the key "" for one and "null" for the other; `1e400` is Infinity
 * or a string).
 */
const CORE_NON_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
];

/**
 * The empty string is not among them: js-yaml reads an empty plain scalar as null (and a null key
 * as "null"), so an empty string from it was quoted or a block scalar, as the yaml package reads
 * it too; a configuration with `role: ""` stays with the faster parser.
 */
const readsAsNonString = (text: string): boolean => text !== '' && CORE_NON_STRING.some((pattern) => pattern.test(text));

/** Whether a key or string anywhere in `value` reads as a non-string scalar (see `CORE_NON_STRING`). */
function holdsAmbiguousScalar(value: unknown): boolean {
  if (typeof value === 'string') return readsAsNonString(value);
  if (Array.isArray(value)) return value.some(holdsAmbiguousScalar);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => readsAsNonString(key) || holdsAmbiguousScalar(item));
  }
  return false;
}

/**
 * The plain values of a configuration text (YAML 1.2, core schema, unique keys), or its problems
 * as the user reads them. js-yaml reads it first: at start-up it costs a third of the yaml package
 * (an 11 KB configuration: about 15 ms with the import, against 35), and both give the same values
 * for the same core-schema document (`test/config/yaml-values.test.ts` compares them). Whatever
 * js-yaml refuses (a syntax error, a duplicate key, an unknown tag, an empty or multi-document
 * text), every text with an alias and every text with a key or string that the core schema could
 * read as null, a boolean or a number (where the two differ at the edges) is read again by the yaml
 * package, whose messages list every syntax problem with its place, and whose alias limit refuses a
 * billion-laughs bomb.
 */
export function yamlValues(text: string): { values: unknown } | { problems: string[] } {
  return fastYamlValues(text) ?? documentValues(text);
}

/** The values as js-yaml reads them, or null where `yamlValues` leaves the text to the yaml package. */
export function fastYamlValues(text: string): { values: unknown } | null {
  let values: unknown;
  try {
    values = load(text, { maxAliases: 0 });
  } catch {
    return null;
  }
  return holdsAmbiguousScalar(values) ? null : { values };
}
