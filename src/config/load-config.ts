import { readFileSync } from 'node:fs';
import { ConfigError } from '../core/errors.js';
import { crossCheck, notifiersInUse } from './cross-check.js';
import { describeIssue, formatPath } from './describe-issue.js';
import { readEnvironment, type Environment } from './environment.js';
import { configSchema, sourceSchema, type HubwatchConfig, type SourceConfig } from './schema.js';
import { stakeholderProblems } from './stakeholders.js';
import { yamlValues } from './yaml-values.js';

/** Checks what the base schema cannot: a source's type and options (from the connector registry). */
export type SourceChecker = (source: SourceConfig) => { path: string; message: string }[];

export interface LoadOptions {
  /** Environment for `${VAR}` references; the composition root passes process.env. */
  env: Record<string, string | undefined>;
  checkSource?: SourceChecker;
  /** Told what is worth knowing but not wrong (an unused notifier left out); `loadConfig` ignores them otherwise. */
  onWarning?: (warning: string) => void;
}

export { formatPath };

/** What checking a configuration found: the configuration when it holds, every problem otherwise. */
export interface ConfigCheck {
  /** The validated configuration (with the environment's overrides), or null when there are problems. */
  config: HubwatchConfig | null;
  /** Everything that must be fixed, each with its path. */
  problems: string[];
  /** What is worth knowing but does not stop hubwatch (an unused notifier whose secret is unset). */
  warnings: string[];
  /** Problems found beyond the first `SHOWN_PROBLEMS` (a binary file has thousands), counted, not listed. */
  moreProblems: number;
}

/** How many problems are listed; the rest are counted (the first ones usually cause the rest). */
export const SHOWN_PROBLEMS = 50;

/** Parse options for schemas parsed once a process: no parser compiled for the schema (zod's `jitless`). */
const ONE_SHOT = { jitless: true } as const;

const VAR_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** A `${VAR}` reference whose variable is unset and has no default. */
interface UnsetVariable {
  path: PropertyKey[];
  name: string;
}

/** Replaces `${VAR}` and `${VAR:-default}` in every string; lists the unset variables. */
function interpolate(value: unknown, env: LoadOptions['env'], path: PropertyKey[], unset: UnsetVariable[]): unknown {
  if (typeof value === 'string') {
    return value.replace(VAR_REFERENCE, (_whole, name: string, fallback: string | undefined) => {
      const found = env[name];
      if (found !== undefined && found !== '') return found;
      if (fallback !== undefined) return fallback;
      unset.push({ path, name });
      return '';
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => interpolate(item, env, [...path, index], unset));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = interpolate(item, env, [...path, key], unset);
    return out;
  }
  return value;
}

const unsetMessage = (name: string): string => `environment variable ${name} is not set (export it, or use \${${name}:-default})`;

function sourceProblems(source: SourceConfig, index: number, check: SourceChecker): string[] {
  return check(source).map((problem) => `sources[${index}]${problem.path ? `.${problem.path}` : ''}: ${problem.message}`);
}

/** The configuration with what the environment overrides (ELASTICSEARCH_URL, REDIS_URL, HUBWATCH_LOG_LEVEL; the API tokens are added to `api.tokens`). */
function withEnvironment(config: HubwatchConfig, values: Environment): HubwatchConfig {
  const out = { ...config };
  if (values.HUBWATCH_LOG_LEVEL) out.log = { ...config.log, level: values.HUBWATCH_LOG_LEVEL };
  if (values.REDIS_URL) out.queue = { ...config.queue, redisUrl: values.REDIS_URL };
  if (values.ELASTICSEARCH_URL) {
    out.index = { ...config.index, elasticsearch: { indexPrefix: 'hubwatch', ...config.index.elasticsearch, url: values.ELASTICSEARCH_URL } };
  }
  const tokens = [
    ...(values.HUBWATCH_ADMIN_TOKEN ? [{ role: 'admin' as const, token: values.HUBWATCH_ADMIN_TOKEN }] : []),
    ...(values.HUBWATCH_VIEWER_TOKEN ? [{ role: 'viewer' as const, token: values.HUBWATCH_VIEWER_TOKEN }] : []),
  ];
  if (tokens.length > 0) out.api = { ...config.api, tokens: [...config.api.tokens, ...tokens] };
  return out;
}

/**
 * A notifier whose secret is unset is left out when no alert rule names it (a warning: nothing
 * would use it); when a rule does, the unset variable is a problem. Returns the notifiers kept
 * and the original position of each.
 */
function settleUnsetNotifiers(raw: Record<string, unknown>, unset: UnsetVariable[], problems: string[], warnings: string[]): number[] | null {
  const notifiers = raw.notifiers;
  const used = notifiersInUse(raw);
  const dropped = new Set<number>();
  for (const variable of unset) {
    const [section, position] = variable.path;
    const notifier = section === 'notifiers' && typeof position === 'number' && Array.isArray(notifiers) ? (notifiers[position] as { id?: unknown }) : null;
    const id = notifier && typeof notifier.id === 'string' ? notifier.id : null;
    if (id !== null && !used.has(id)) {
      dropped.add(position as number);
      warnings.push(`${formatPath(variable.path)}: environment variable ${variable.name} is not set; notifier "${id}" is used by no alert rule, so it is left out until the variable is set`);
    } else {
      problems.push(`${formatPath(variable.path)}: ${unsetMessage(variable.name)}${id !== null ? ` (notifier "${id}" is used by an alert rule)` : ''}`);
    }
  }
  if (dropped.size === 0 || !Array.isArray(notifiers)) return null;
  const kept = notifiers.map((_notifier, index) => index).filter((index) => !dropped.has(index));
  raw.notifiers = kept.map((index) => notifiers[index]);
  return kept;
}

/**
 * Checks configuration text in one pass and lists everything at once: YAML syntax, the
 * environment's variables, unset `${VAR}`s, the schema (in plain words), references between
 * sections, alert queries (by the query parser) and each source's type and options. Never throws
 * for a problem in the file.
 */
export function checkConfigText(text: string, options: LoadOptions): ConfigCheck {
  const check = checkUncapped(text, options);
  const moreProblems = Math.max(0, check.problems.length - SHOWN_PROBLEMS);
  return { ...check, problems: check.problems.slice(0, SHOWN_PROBLEMS), moreProblems };
}

function checkUncapped(text: string, options: LoadOptions): Omit<ConfigCheck, 'moreProblems'> {
  const values = yamlValues(text);
  if ('problems' in values) return { config: null, problems: values.problems, warnings: [] };
  const environment = readEnvironment(options.env);
  const problems: string[] = [...environment.problems];
  const warnings: string[] = [];
  const unset: UnsetVariable[] = [];
  const interpolated = interpolate(values.values ?? {}, options.env, [], unset);
  const raw = interpolated !== null && typeof interpolated === 'object' && !Array.isArray(interpolated) ? { ...(interpolated as Record<string, unknown>) } : interpolated;
  const references = crossCheck(raw);
  const kept = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? settleUnsetNotifiers(raw as Record<string, unknown>, unset, problems, warnings) : null;
  // A path whose variable is unset already has its problem or warning; the schema's complaint
  // about the resulting empty value would only repeat it.
  const unsetPaths = new Set(unset.map((variable) => formatPath(variable.path)));
  // Paths of the notifiers left out are counted in the file's numbering, not the kept list's.
  const original = (path: readonly PropertyKey[]): readonly PropertyKey[] =>
    kept && path[0] === 'notifiers' && typeof path[1] === 'number' ? ['notifiers', kept[path[1]] ?? path[1], ...path.slice(2)] : path;
  // Parsed once a process: without the parsers zod would compile for each object schema, the first
  // (and only) parse is faster (`config check` about 7 % on the whole command).
  const parsed = configSchema.safeParse(raw, ONE_SHOT);
  const schemaPaths = new Set<string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = original(issue.path);
      schemaPaths.add(formatPath(path));
      if (!unsetPaths.has(formatPath(path))) problems.push(describeIssue(issue, path));
    }
  }
  // A reference the schema already refused (a malformed id) is not named twice.
  for (const problem of references) if (!schemaPaths.has(problem.path)) problems.push(`${problem.path}: ${problem.message}`);
  // Every source that is well-formed on its own gets its type and options checked, even when
  // another part of the file is invalid.
  const rawSources = (raw as { sources?: unknown } | null)?.sources;
  if (options.checkSource && Array.isArray(rawSources)) {
    rawSources.forEach((candidate, index) => {
      const source = sourceSchema.safeParse(candidate, ONE_SHOT);
      if (source.success) problems.push(...sourceProblems(source.data, index, options.checkSource!));
    });
  }
  if (parsed.success) {
    const { stakeholders, sources, watchlist } = parsed.data;
    problems.push(...stakeholderProblems(stakeholders, { sources: new Set(sources.map((s) => s.id)), people: new Set(watchlist.people.map((p) => p.id)) }));
  }
  if (problems.length > 0 || !parsed.success) return { config: null, problems, warnings };
  return { config: withEnvironment(parsed.data, environment.values), problems, warnings };
}

/**
 * Parses and validates configuration text, then applies the environment's overrides; throws
 * `ConfigError` listing every problem at once (the environment's included). Warnings go to
 * `options.onWarning`.
 */
export function parseConfig(text: string, file: string, options: LoadOptions): HubwatchConfig {
  const check = checkConfigText(text, options);
  for (const warning of check.warnings) options.onWarning?.(warning);
  if (!check.config) throw new ConfigError(file, check.problems, check.moreProblems);
  return check.config;
}

/** Reads a configuration file; a file that cannot be read is a problem like any other. */
function readConfigText(file: string): { text: string } | { problem: string } {
  try {
    return { text: readFileSync(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'file not found (pass --config FILE or set HUBWATCH_CONFIG)' : `cannot read (${code})` };
  }
}

/** Checks a configuration file (see `checkConfigText`); never throws for a problem in it. */
export function checkConfigFile(file: string, options: LoadOptions): ConfigCheck {
  const read = readConfigText(file);
  if ('problem' in read) return { config: null, problems: [read.problem], warnings: [], moreProblems: 0 };
  return checkConfigText(read.text, options);
}

/** Reads and validates a configuration file; throws `ConfigError` listing every problem. */
export function loadConfig(file: string, options: LoadOptions): HubwatchConfig {
  const read = readConfigText(file);
  if ('problem' in read) throw new ConfigError(file, [read.problem]);
  return parseConfig(read.text, file, options);
}
