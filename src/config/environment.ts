import { z } from 'zod';

const nonEmpty = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value.trim());

const urlWith = (protocols: string[], hint: string) =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, hint);

/** An API token: long enough not to be guessed, printable, no spaces. */
export const apiToken = z.string().regex(/^[\x21-\x7e]{16,256}$/, 'must be 16 to 256 printable characters without spaces (e.g. openssl rand -hex 24)');

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The environment variables hubwatch reads, validated like the configuration file. An empty
 * value counts as unset. Nothing outside the composition root reads `process.env`: it passes the
 * environment here once, and the values reach the rest through the validated configuration.
 */
export const environmentSchema = z.object({
  /** The configuration file (`--config` takes precedence). */
  HUBWATCH_CONFIG: z.string().optional(),
  /** Overrides `log.level`. */
  HUBWATCH_LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  /** Any value: errors that are faults print their stack trace. */
  HUBWATCH_DEBUG: z.string().optional(),
  /** Selects Elasticsearch at this URL (overrides `index.elasticsearch.url`). */
  ELASTICSEARCH_URL: urlWith(['http:', 'https:'], 'must be an http(s) URL such as http://127.0.0.1:9200').optional(),
  /** A token with the admin role for the HTTP API (added to `api.tokens`); never printed. */
  HUBWATCH_ADMIN_TOKEN: apiToken.optional(),
  /** A token with the viewer (read-only) role for the HTTP API (added to `api.tokens`); never printed. */
  HUBWATCH_VIEWER_TOKEN: apiToken.optional(),
  /** Redis for the distributed mode (overrides `queue.redisUrl`). */
  REDIS_URL: urlWith(['redis:', 'rediss:'], 'must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379').optional(),
});

export type Environment = z.infer<typeof environmentSchema>;

/** The variables `environmentSchema` knows, in the order `config check` lists them. */
export const ENVIRONMENT_VARIABLES = Object.keys(environmentSchema.shape) as (keyof Environment)[];

/**
 * Reads hubwatch's variables from an environment. Never throws: a bad value is left out and
 * described in `problems` (as `environment HUBWATCH_LOG_LEVEL: …`), which configuration loading
 * lists with the file's own problems. Values are never echoed: they may be secrets.
 */
export function readEnvironment(env: Record<string, string | undefined>): { values: Environment; problems: string[] } {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  for (const name of ENVIRONMENT_VARIABLES) {
    const value = nonEmpty(env[name]);
    if (value === undefined) continue;
    const parsed = environmentSchema.shape[name].safeParse(value);
    if (parsed.success) values[name] = value;
    else {
      const issue = parsed.error.issues[0]!;
      const message = issue.code === 'invalid_value' ? `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` : issue.message;
      problems.push(`environment ${name}: ${message}`);
    }
  }
  return { values: values as Environment, problems };
}

/** Where each variable lands in the configuration. */
export const ENVIRONMENT_TARGETS: Partial<Record<keyof Environment, string>> = {
  HUBWATCH_LOG_LEVEL: 'log.level',
  ELASTICSEARCH_URL: 'index.elasticsearch.url',
  REDIS_URL: 'queue.redisUrl',
  HUBWATCH_ADMIN_TOKEN: 'api.tokens',
  HUBWATCH_VIEWER_TOKEN: 'api.tokens',
};
