import { ENVIRONMENT_TARGETS, readEnvironment } from '../config/environment.js';
import { checkConfigFile } from '../config/load-config.js';
import type { HubwatchConfig } from '../config/schema.js';
import { checkSource } from '../connectors/registry.js';

/** What the configuration holds, counted. */
export interface ConfigSummary {
  sources: number;
  brands: number;
  people: number;
  topics: number;
  notifiers: number;
  alertRules: number;
  /** `sqlite` (with its path) or `elasticsearch`. */
  index: { kind: 'sqlite'; path: string } | { kind: 'elasticsearch' };
  /** Which learned sentiment layers are on (`enrich.frenchModel`, `enrich.englishModel`); off means rules only. */
  sentimentModels: { fr: boolean; en: boolean };
}

/** A setting the environment overrides (the variable's name only: values may be secrets). */
export interface EnvironmentOverride {
  variable: string;
  setting: string;
}

/** The report of `config check`, the same as text and as JSON. */
export interface ConfigReport {
  file: string;
  ok: boolean;
  /** Everything that must be fixed, each starting with its path. */
  problems: string[];
  /** Problems found beyond those listed (at most `SHOWN_PROBLEMS` are). */
  moreProblems: number;
  /** What is worth knowing but does not stop hubwatch. */
  warnings: string[];
  /** Counts of what the configuration holds; null when it has problems. */
  summary: ConfigSummary | null;
  environment: EnvironmentOverride[];
}

function summarise(config: HubwatchConfig): ConfigSummary {
  return {
    sources: config.sources.length,
    brands: config.watchlist.brands.length,
    people: config.watchlist.people.length,
    topics: config.watchlist.topics.length,
    notifiers: config.notifiers.length,
    alertRules: config.alerts.length,
    index: config.index.elasticsearch ? { kind: 'elasticsearch' } : { kind: 'sqlite', path: config.index.sqlite.path },
    sentimentModels: { fr: config.enrich.frenchModel, en: config.enrich.englishModel },
  };
}

/**
 * Checks a configuration file with the environment, in one pass (every problem and warning at
 * once, each source's type and options by the connector registry), and says which settings the
 * environment overrides. Never throws for a problem in the file.
 */
export function checkConfiguration(file: string, env: Record<string, string | undefined>): ConfigReport {
  const check = checkConfigFile(file, { env, checkSource });
  const { values } = readEnvironment(env);
  const environment = Object.entries(ENVIRONMENT_TARGETS)
    .filter(([name]) => values[name as keyof typeof values] !== undefined)
    .map(([variable, setting]) => ({ variable, setting }));
  return {
    file,
    ok: check.config !== null,
    problems: check.problems,
    moreProblems: check.moreProblems,
    warnings: check.warnings,
    summary: check.config ? summarise(check.config) : null,
    environment,
  };
}
