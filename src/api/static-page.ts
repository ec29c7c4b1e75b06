import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>hubwatch: page not built</title></head>
<body><h1>The web page is not built</h1><p>Run <code>npm run build</code> in the hubwatch folder, then reload this page. The API answers under /api and its documentation is at <a href="/docs">/docs</a>.</p></body></html>
`;

/**
 * The built page: `/` and every unknown path that asks for HTML get index.html (the page routes by
 * its URL); `/assets/*` are its files. Without a build, `/` answers 503 saying how to make one.
 */
export async function installStaticPage(app: FastifyInstance, webRoot: string): Promise<{ sendPage(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> }> {
  // Without a build there are no assets to serve (and /assets/* answers 404).
  if (existsSync(join(webRoot, 'assets'))) await app.register(fastifyStatic, { root: join(webRoot, 'assets'), prefix: '/assets/', decorateReply: false, index: false, maxAge: '1h' });
  const sendPage = async (_request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    let html: string;
    try {
      // Read on each request: a rebuild while the server runs is picked up (the file is small).
      html = await readFile(join(webRoot, 'index.html'), 'utf8');
    } catch {
      return reply.status(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT);
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  };
  app.get('/', { schema: { hide: true } }, sendPage);
  return { sendPage };
}
