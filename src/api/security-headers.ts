import type { FastifyInstance } from 'fastify';

/** The page's policy: its own scripts, styles and connections only; no inline script or style, no framing. */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** The API documentation UI (a third-party page with inline bits): same origin only, still no framing. */
const DOCS_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Sets the security headers on every response, errors and 404s included. */
export function installSecurityHeaders(app: FastifyInstance, options: { docsPrefix: string }): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const docs = request.url === options.docsPrefix || request.url.startsWith(`${options.docsPrefix}/`);
    reply.header('content-security-policy', docs ? DOCS_CSP : PAGE_CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
