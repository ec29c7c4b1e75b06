import type { HubwatchConfig } from '../config/schema.js';
import type { MentionIndex } from '../index/mention-index.js';
import type { Logger } from '../platform/logger.js';
import type { Clock } from '../platform/clock.js';

/**
 * What every command gets: lazy access to the validated configuration and the services built from
 * it, and the process's streams. Commands never read process.env or open files themselves.
 */
export interface CliContext {
  /** The environment (passed in once, for `${VAR}` references; hubwatch's own variables are read by the configuration's schema). */
  readonly env: Record<string, string | undefined>;
  /** Loads and validates the configuration named by --config / HUBWATCH_CONFIG (once). */
  config(): HubwatchConfig;
  /** The path of the configuration file in use. */
  configPath(): string;
  /** The logger at the configured level (created once; configuration warnings are logged when it is). */
  logger(): Promise<Logger>;
  /** Opens the index the configuration selects; with `mustExist`, a missing SQLite index is an error instead of created (Elasticsearch when `index.elasticsearch` is set, by the file or ELASTICSEARCH_URL); `readThreads`: see `OpenIndexDeps`. */
  openIndex(options?: { mustExist?: boolean; readThreads?: number }): Promise<MentionIndex>;
  readonly clock: Clock;
  /** Writes one line to stdout. */
  out(line: string): void;
  /** Writes one line to stderr. */
  err(line: string): void;
  /**
   * A note for people (where the samples are served, the next page's cursor): plain text on a
   * terminal; elsewhere one JSON line like the logs' (`msg` plus `fields`), so that a
   * non-interactive stderr is JSON lines only.
   */
  note(message: string, fields?: Record<string, unknown>): void;
  /** Whether stderr is a terminal (progress bars are drawn only there). */
  readonly interactive: boolean;
}
