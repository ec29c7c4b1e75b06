/**
 * Small named errors carrying what the edge needs. Three outcomes are kept apart: done (return),
 * transient (throw a retryable error), permanent (throw a non-retryable one).
 */
export class HubwatchError extends Error {
  /** Whether trying again later may succeed. */
  readonly retryable: boolean;
  /** Short machine-readable reason (`egress-blocked`, `too-large`, `not-a-feed`). */
  readonly reason: string;

  constructor(message: string, options: { reason: string; retryable: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.reason = options.reason;
    this.retryable = options.retryable;
  }
}

/**
 * A user mistake (bad query, bad option): printed as one line, exit code 2 on the CLI, 400 over HTTP.
 * `position` is the 0-based offset in the query text where the query parser found the mistake.
 */
export class UserInputError extends HubwatchError {
  readonly position: number | undefined;
  constructor(message: string, reason = 'invalid-input', position?: number) {
    super(message, { reason, retryable: false });
    this.position = position;
  }
}

/** A bad value of one named parameter (an HTTP query parameter, a filter): says which one. */
export class ParameterError extends UserInputError {
  readonly parameter: string;
  constructor(parameter: string, message: string, options: { reason?: string; position?: number } = {}) {
    super(message, options.reason ?? 'invalid-input', options.position);
    this.parameter = parameter;
  }
}

/** What was asked for does not exist (a mention id, a saved search): 404 over HTTP. */
export class NotFoundError extends UserInputError {
  constructor(message: string) {
    super(message, 'not-found');
  }
}

/** The caller may not do this (a viewer deleting another's saved search): 403 over HTTP. */
export class ForbiddenError extends UserInputError {
  constructor(message: string) {
    super(message, 'forbidden');
  }
}

/**
 * The configuration file is missing or invalid; `problems` lists every problem at once, or the
 * first ones when `moreProblems` more were found (counted in the header, not listed).
 */
export class ConfigError extends HubwatchError {
  readonly problems: string[];
  readonly moreProblems: number;
  constructor(file: string, problems: string[], moreProblems = 0) {
    const total = problems.length + moreProblems;
    const more = moreProblems > 0 ? `\n  … and ${moreProblems} more not listed (fix the ones above first: the rest often follow from them)` : '';
    super(`${file}: ${total} problem${total === 1 ? '' : 's'}\n  ${problems.join('\n  ')}${more}`, {
      reason: 'invalid-config',
      retryable: false,
    });
    this.problems = problems;
    this.moreProblems = moreProblems;
  }
}

/** Fetching a source failed. `status` is the HTTP status when there was one. */
export class FetchError extends HubwatchError {
  readonly status: number | undefined;
  /** Seconds the server asked us to wait (Retry-After), when it did. */
  readonly retryAfterSeconds: number | undefined;
  constructor(
    message: string,
    options: { reason: string; retryable: boolean; status?: number; retryAfterSeconds?: number; cause?: unknown },
  ) {
    super(message, options);
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/**
 * The document fetched is not something the connector can read (an HTML page, a login wall), or
 * not all of it arrived (`truncated-document`, retryable: the next response may be whole).
 */
export class ParseError extends HubwatchError {
  constructor(message: string, reason = 'not-a-feed', cause?: unknown, retryable = false) {
    super(message, { reason, retryable, cause });
  }
}

/** The index could not take or answer a call as a whole (SQLITE_BUSY, SQLITE_FULL, cluster down). */
export class IndexError extends HubwatchError {}

/** A batch could not be enriched (a worker thread failed or died); retrying the poll re-reads it. */
export class EnrichmentError extends HubwatchError {}
