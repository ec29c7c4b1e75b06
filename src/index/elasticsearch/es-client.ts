import { Client, errors } from '@elastic/elasticsearch';
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
export interface EsAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
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

  /** Sends one request; `unknown` rejects for connection failures and timeouts. */
  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { body?: unknown; bulkBody?: string; querystring?: Record<string, unknown> } = {},
  ): Promise<EsAnswer<T>> {
    try {
      const result = await this.client.transport.request(
        {
          method,
          path,
          ...(options.body !== undefined ? { body: options.body as Record<string, unknown> } : {}),
          ...(options.bulkBody !== undefined ? { bulkBody: options.bulkBody } : {}),
          ...(options.querystring ? { querystring: options.querystring } : {}),
        },
        { meta: true, maxRetries: 0 },
      );
      return { status: result.statusCode ?? 200, body: result.body as T };
    } catch (error) {
      if (error instanceof errors.ResponseError) {
        return { status: error.statusCode ?? 500, body: (error.body ?? {}) as T };
      }
      throw new IndexError(`elasticsearch: ${method} ${path} failed: ${(error as Error).message}`, {
        reason: error instanceof errors.TimeoutError ? 'timeout' : 'unreachable',
        retryable: true,
        cause: error,
      });
    }
  }

  /** Like `request`, but a non-2xx answer is an `IndexError` naming the cluster's reason. */
  async ok<T = Record<string, unknown>>(method: string, path: string, options: Parameters<EsHttp['request']>[2] = {}): Promise<T> {
    const answer = await this.request<T>(method, path, options);
    if (answer.status >= 200 && answer.status < 300) return answer.body;
    throw answerError(method, path, answer);
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

/** The error for a refused request: retryable for 429 and 5xx. */
export function answerError(method: string, path: string, answer: EsAnswer<unknown>): IndexError {
  const error = (answer.body as { error?: { type?: string; reason?: string } | string } | null)?.error;
  const detail = typeof error === 'string' ? error : error ? `${error.type ?? 'error'}: ${error.reason ?? ''}` : 'no detail';
  return new IndexError(`elasticsearch: ${method} ${path} answered ${answer.status} (${detail})`, {
    reason: typeof error === 'object' && error?.type ? error.type : `http-${answer.status}`,
    retryable: answer.status === 429 || answer.status >= 500,
  });
}
