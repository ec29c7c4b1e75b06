import { Client, errors, type TransportRequestOptionsWithMeta, type TransportResult } from '@elastic/elasticsearch';
import { IndexError } from '../../core/errors.js';

/** Connection settings (from `index.elasticsearch` or ELASTICSEARCH_URL). */
export interface EsConnection {
  url: string;
  username?: string;
  password?: string;
  apiKey?: string;
  /** Per-request timeout (default 30 s). */
  requestTimeoutMs?: number;
}

/** An HTTP answer from Elasticsearch, whatever its status. */
export interface EsAnswer<T> {
  status: number;
  body: T;
}

/**
 * One typed API call of the official client (`client.search(...)`, `client.bulk(...)`...), asked
 * for its metadata so that the status is known. The client's types check each request body against
 * the Elasticsearch 8 specification it is generated from.
 */
export type EsCall<T> = (client: Client, options: TransportRequestOptionsWithMeta) => Promise<TransportResult<T, unknown>>;

/** The body of a refused request (`{ error: { type, reason } }`), as far as the adapter reads it. */
export interface EsErrorBody {
  error?: { type?: string; reason?: string } | string;
}

/**
 * A thin wrapper over the official client: the client's own retries are off (the adapter decides
 * what to retry), HTTP errors come back as answers, and connection failures as `IndexError`s.
 */
export class EsHttp {
  readonly client: Client;

  constructor(connection: EsConnection) {
    this.client = new Client({
      node: connection.url,
      maxRetries: 0,
      requestTimeout: connection.requestTimeoutMs ?? 30_000,
      ...(connection.apiKey
        ? { auth: { apiKey: connection.apiKey } }
        : connection.username
          ? { auth: { username: connection.username, password: connection.password ?? '' } }
          : {}),
    });
  }

  /**
   * Runs one typed call; `what` (`PUT /_index_template/x`) names it in errors. A non-2xx answer is
   * returned with its body (typed as the error body it then is); connection failures and timeouts
   * reject with a retryable `IndexError`.
   */
  async call<T>(what: string, run: EsCall<T>): Promise<EsAnswer<T> | EsAnswer<EsErrorBody> & { failed: true }> {
    try {
      const result = await run(this.client, { meta: true, maxRetries: 0 });
      return { status: result.statusCode ?? 200, body: result.body };
    } catch (error) {
      if (error instanceof errors.ResponseError) {
        return { status: error.statusCode ?? 500, body: (error.body ?? {}) as EsErrorBody, failed: true };
      }
      throw new IndexError(`elasticsearch: ${what} failed: ${(error as Error).message}`, {
        reason: error instanceof errors.TimeoutError ? 'timeout' : 'unreachable',
        retryable: true,
        cause: error,
      });
    }
  }

  /** Like `call`, but a non-2xx answer is an `IndexError` naming the cluster's reason. */
  async ok<T>(what: string, run: EsCall<T>): Promise<T> {
    const answer = await this.call(what, run);
    if (!isFailure(answer)) return answer.body;
    throw answerError(what, answer);
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

/** Whether a call was refused (non-2xx): its body is then the cluster's error. */
export function isFailure<T>(answer: EsAnswer<T> | (EsAnswer<EsErrorBody> & { failed: true })): answer is EsAnswer<EsErrorBody> & { failed: true } {
  return 'failed' in answer;
}

/** The cluster's error type of a refused call (`resource_already_exists_exception`...), if any. */
export function errorType(answer: EsAnswer<EsErrorBody>): string | undefined {
  const error = answer.body.error;
  return typeof error === 'object' ? error.type : undefined;
}

/** The error for a refused request: retryable for 429 and 5xx. */
export function answerError(what: string, answer: EsAnswer<EsErrorBody>): IndexError {
  const error = answer.body?.error;
  const detail = typeof error === 'string' ? error : error ? `${error.type ?? 'error'}: ${error.reason ?? ''}` : 'no detail';
  return new IndexError(`elasticsearch: ${what} answered ${answer.status} (${detail})`, {
    reason: typeof error === 'object' && error?.type ? error.type : `http-${answer.status}`,
    retryable: answer.status === 429 || answer.status >= 500,
  });
}
