import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A real HTTP server on 127.0.0.1 (port 0) that counts requests and TCP connections. */
export interface LoopbackServer {
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  url(path: string): string;
  /** Requests received, and TCP connections accepted (a refused fetch must leave both at 0). */
  readonly hits: number;
  readonly connections: number;
  readonly requests: IncomingMessage[];
  close(): Promise<void>;
}

/**
 * Starts a loopback server. Used by the connector tests, the feed benchmarks and the scheduler
 * benchmark (many sources on one server answering 304). `close` destroys open sockets so slow-drip
 * routes never keep the test alive.
 */
export async function startLoopbackServer(handler: Handler, host = '127.0.0.1'): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const requests: IncomingMessage[] = [];
  let hits = 0;
  let connections = 0;
  const server: Server = createServer((req, res) => {
    hits += 1;
    if (requests.length < 1000) requests.push(req);
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    port,
    origin,
    url: (path) => `${origin}${path}`,
    get hits() {
      return hits;
    },
    get connections() {
      return connections;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Serves a fixed body with headers (a feed fixture). */
export function serve(body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/rss+xml; charset=utf-8' }, status = 200): Handler {
  return (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}
