import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { readEnvironment, type Environment } from './environment.js';
import { configSchema, sourceSchema, type HubwatchConfig, type SourceConfig } from './schema.js';
import { stakeholderProblems } from './stakeholders.js';

/** Checks what the base schema cannot: a source's type and options (from the connector registry). */
export type SourceChecker = (source: SourceConfig) => { path: string; message: string }[];

export interface LoadOptions {
  /** Environment for `${VAR}` references; the composition root passes process.env. */
  env: Record<string, string | undefined>;
  checkSource?: SourceChecker;
}

/** Formats a path the way people read it: `sources[3].options.instance`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out || '(root)';
}

const VAR_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** Replaces `${VAR}` and `${VAR:-default}` in every string; lists unset variables as problems. */
function interpolate(value: unknown, env: LoadOptions['env'], path: PropertyKey[], problems: string[]): unknown {
  if (typeof value === 'string') {
    return value.replace(VAR_REFERENCE, (_whole, name: string, fallback: string | undefined) => {
      const found = env[name];
      if (found !== undefined && found !== '') return found;
      if (fallback !== undefined) return fallback;
      problems.push(`${formatPath(path)}: environment variable ${name} is not set (export it, or use \${${name}:-default})`);
      return '';
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => interpolate(item, env, [...path, index], problems));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = interpolate(item, env, [...path, key], problems);
    return out;
  }
  return value;
}

const HINTS: Record<string, string> = {
  invalid_type: '',
  unrecognized_keys: 'check the spelling against the configuration reference in README.md',
};

function describeIssue(issue: z.core.$ZodIssue): string {
  const hint = HINTS[issue.code];
  // Values are never echoed: they may be secrets resolved from ${VAR}.
  let message = issue.message;
  if (issue.code === 'invalid_type') message = `expected ${issue.expected}`;
  if (issue.code === 'invalid_value') message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return `${formatPath(issue.path)}: ${message}${hint ? ` (${hint})` : ''}`;
}

function crossCheck(config: HubwatchConfig): string[] {
  const problems: string[] = [];
  const duplicates = (ids: string[], what: string, path: string): void => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) problems.push(`${path}[${index}].id: duplicate ${what} id "${id}" (ids must be unique)`);
      seen.add(id);
    });
  };
  duplicates(config.sources.map((s) => s.id), 'source', 'sources');
  duplicates(config.watchlist.brands.map((b) => b.id), 'brand', 'watchlist.brands');
  duplicates(config.watchlist.people.map((p) => p.id), 'person', 'watchlist.people');
  duplicates(config.watchlist.topics.map((t) => t.id), 'topic', 'watchlist.topics');
  duplicates(config.notifiers.map((n) => n.id), 'notifier', 'notifiers');
  duplicates(config.alerts.map((a) => a.id), 'alert', 'alerts');
  const brandIds = new Set(config.watchlist.brands.map((b) => b.id));
  config.watchlist.brands.forEach((brand, index) =>
    brand.competitors.forEach((id, j) => {
      if (!brandIds.has(id)) problems.push(`watchlist.brands[${index}].competitors[${j}]: no brand has id "${id}"`);
    }),
  );
  config.watchlist.people.forEach((person, index) => {
    if (person.organisation && !brandIds.has(person.organisation)) {
      problems.push(`watchlist.people[${index}].organisation: no brand has id "${person.organisation}"`);
    }
  });
  problems.push(...stakeholderProblems(config.stakeholders, { sources: new Set(config.sources.map((s) => s.id)), people: new Set(config.watchlist.people.map((p) => p.id)) }));
  const notifierIds = new Set(config.notifiers.map((n) => n.id));
  config.alerts.forEach((rule, index) =>
    rule.notify.forEach((id, j) => {
      if (!notifierIds.has(id)) problems.push(`alerts[${index}].notify[${j}]: no notifier has id "${id}"`);
    }),
  );
  return problems;
}

function sourceProblems(source: SourceConfig, index: number, check: SourceChecker): string[] {
  return check(source).map((problem) => `sources[${index}]${problem.path ? `.${problem.path}` : ''}: ${problem.message}`);
}

/** The configuration with what the environment overrides (ELASTICSEARCH_URL, REDIS_URL, HUBWATCH_LOG_LEVEL). */
function withEnvironment(config: HubwatchConfig, values: Environment): HubwatchConfig {
  const out = { ...config };
  if (values.HUBWATCH_LOG_LEVEL) out.log = { ...config.log, level: values.HUBWATCH_LOG_LEVEL };
  if (values.REDIS_URL) out.queue = { ...config.queue, redisUrl: values.REDIS_URL };
  if (values.ELASTICSEARCH_URL) {
    out.index = { ...config.index, elasticsearch: { indexPrefix: 'hubwatch', ...config.index.elasticsearch, url: values.ELASTICSEARCH_URL } };
  }
  return out;
}

/**
 * Parses and validates configuration text, then applies the environment's overrides; throws
 * `ConfigError` listing every problem at once (the environment's included).
 */
export function parseConfig(text: string, file: string, options: LoadOptions): HubwatchConfig {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new ConfigError(
      file,
      document.errors.map((error) => {
        const place = error.linePos?.[0];
        return `${place ? `line ${place.line}, column ${place.col}` : 'YAML'}: ${error.message.split('\n')[0]}`;
      }),
    );
  }
  const environment = readEnvironment(options.env);
  const problems: string[] = [...environment.problems];
  const raw = interpolate(document.toJS() ?? {}, options.env, [], problems);
  // A path whose variable is unset already has its problem; the schema's complaint about the
  // resulting empty value would only repeat it.
  const unsetPaths = new Set(problems.map((problem) => problem.slice(0, problem.indexOf(': '))));
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (!unsetPaths.has(formatPath(issue.path))) problems.push(describeIssue(issue));
    }
    // Sources that are well-formed on their own still get their type and options checked, so
    // that one run of `config check` lists every problem in the file.
    const rawSources = (raw as { sources?: unknown }).sources;
    if (options.checkSource && Array.isArray(rawSources)) {
      rawSources.forEach((candidate, index) => {
        const source = sourceSchema.safeParse(candidate);
        if (source.success) problems.push(...sourceProblems(source.data, index, options.checkSource!));
      });
    }
    throw new ConfigError(file, problems);
  }
  const config = parsed.data;
  problems.push(...crossCheck(config));
  if (options.checkSource) {
    config.sources.forEach((source, index) => problems.push(...sourceProblems(source, index, options.checkSource!)));
  }
  if (problems.length > 0) throw new ConfigError(file, problems);
  return withEnvironment(config, environment.values);
}

/** Reads and validates a configuration file. */
export function loadConfig(file: string, options: LoadOptions): HubwatchConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(file, [code === 'ENOENT' ? 'file not found (pass --config FILE or set HUBWATCH_CONFIG)' : `cannot read (${code})`]);
  }
  return parseConfig(text, file, options);
}
