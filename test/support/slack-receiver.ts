import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got. */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: unknown;
  at: number;
}

/** How to answer one request: a status, a body (Slack answers `ok` or an error name), headers; or hang. */
export type Answer = { status: number; body?: string; headers?: Record<string, string> } | 'hang';

/**
 * A Slack-compatible incoming-webhook receiver on loopback: records every POST and answers `200 ok`,
 * or what the test queued (`429` with Retry-After, `500`, `404 channel_not_found`, a hang).
 */
export interface SlackReceiver {
  url: string;
  received: Received[];
  /** Answers for the next requests, in order; then `200 ok`. */
  answers: Answer[];
  /** Resolves when `n` requests have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSlackReceiver(port = 0): Promise<SlackReceiver> {
  const received: Received[] = [];
  const answers: Answer[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {
        body = null;
      }
      received.push({ path: req.url ?? '', headers: req.headers, raw, body, at: Date.now() });
      for (const w of waiters.filter((w) => received.length >= w.n)) w.resolve();
      const answer = answers.shift() ?? { status: 200, body: 'ok' };
      if (answer === 'hang') return;
      res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/services/T000/B000/XXXXsecretXXXX`,
    received,
    answers,
    waitFor(n, timeoutMs = 10_000) {
      if (received.length >= n) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`receiver got ${received.length} of ${n} requests`)), timeoutMs);
        waiters.push({ n, resolve: () => { clearTimeout(timer); resolve(); } });
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
