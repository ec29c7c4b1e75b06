import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, json, startTestApi, VIEWER_TOKEN, type TestApi } from './api-fixture.js';

describe('API authentication', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ api: { rateLimit: { perMinute: 40, loginPerMinute: 5 } } });
  }, 60_000);
  afterAll(async () => api.close());

  it('answers 401 without a token, with a wrong token, and with a malformed Authorization header', async () => {
    for (const init of [{ token: null }, { token: 'not-a-configured-token-123' }, { token: null, headers: { authorization: 'Basic abc' } }]) {
      const response = await api.get('/api/mentions', init);
      expect(response.status).toBe(401);
      expect((await json<{ error: { code: string } }>(response)).error.code).toBe('unauthorized');
    }
    // Every /api route, not only the list.
    for (const path of ['/api/stats/volume', '/api/sources', '/api/alerts', '/api/saved-searches', '/api/mentions.csv', '/api/session']) {
      expect((await api.get(path, { token: null })).status, path).toBe(401);
    }
  });

  it('lets a viewer read but not test alerts; lets an admin', async () => {
    expect((await api.get('/api/mentions', { token: VIEWER_TOKEN })).status).toBe(200);
    const viewer = await api.get('/api/alerts/none/test', { method: 'POST', token: VIEWER_TOKEN });
    expect(viewer.status).toBe(403);
    expect((await json<{ error: { code: string } }>(viewer)).error.code).toBe('forbidden');
    const admin = await api.get('/api/alerts/none/test', { method: 'POST' });
    expect(admin.status).toBe(400); // past the role check: the rule does not exist
    expect((await json<{ error: { message: string } }>(admin)).error.message).toMatch(/no alert rule "none"/);
  });

  it('logs in with a token into an HttpOnly SameSite=Strict cookie, and out again', async () => {
    expect((await api.get('/api/session', { method: 'POST', token: null, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'wrong-token-wrong-token' }) })).status).toBe(401);
    const login = await api.get('/api/session', { method: 'POST', token: null, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: VIEWER_TOKEN }) });
    expect(login.status).toBe(204);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^hubwatch_session=[A-Za-z0-9_-]{40,}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(cookie).not.toContain(VIEWER_TOKEN);
    const session = cookie.split(';')[0]!;
    const who = await api.get('/api/session', { token: null, headers: { cookie: session } });
    expect(await json(who)).toEqual({ role: 'viewer' });
    expect((await api.get('/api/mentions', { token: null, headers: { cookie: session } })).status).toBe(200);
    const logout = await api.get('/api/session', { method: 'DELETE', token: null, headers: { cookie: session } });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/^hubwatch_session=; .*Expires=Thu, 01 Jan 1970/);
    expect((await api.get('/api/session', { token: null, headers: { cookie: session } })).status).toBe(401);
    expect((await api.get('/api/mentions', { token: null, headers: { cookie: 'hubwatch_session=made-up' } })).status).toBe(401);
  });

  it('limits requests per token (429 with Retry-After), each token on its own budget', async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 60 && !limited; i += 1) {
      const response = await api.get('/api/sources', { token: ADMIN_TOKEN });
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(200);
    }
    expect(limited, 'no 429 within 60 requests at 40 a minute').toBeDefined();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await json<{ error: { code: string } }>(limited!)).error.code).toBe('rate-limited');
    // The viewer's budget is its own: the admin's exhaustion does not touch it.
    expect((await api.get('/api/sources', { token: VIEWER_TOKEN })).status).toBe(200);
  });

  it('limits login attempts per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const response = await api.get('/api/session', { method: 'POST', token: null, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: `guess-${i}-guess-guess-guess` }) });
      statuses.push(response.status);
    }
    expect(statuses).toContain(429);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
  });

  it('never writes a token or a session id into the logs', async () => {
    const login = await api.get('/api/session', { method: 'POST', token: null, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: ADMIN_TOKEN }) });
    const session = (login.headers.get('set-cookie') ?? '').split(';')[0]!.split('=')[1]!;
    // A failing request is logged (with its route): provoke one of each kind.
    await api.get('/api/mentions?q=(', { token: VIEWER_TOKEN });
    await api.get('/api/nothing-here', { headers: { cookie: `hubwatch_session=${session}` } });
    // Were a component to log a request's headers or the API settings, redaction keeps the secrets out.
    api.api.server.log.warn({ headers: { authorization: `Bearer ${ADMIN_TOKEN}`, cookie: `hubwatch_session=${session}` }, api: { tokens: [{ token: VIEWER_TOKEN }] } }, 'headers seen');
    expect(api.logs.some((line) => line.includes('headers seen'))).toBe(true);
    const all = api.logs.join('\n');
    for (const secret of [ADMIN_TOKEN, VIEWER_TOKEN, session]) expect(all).not.toContain(secret);
  });
});

describe('API with no token configured', () => {
  it('makes a one-time admin token, which logs in', async () => {
    const api = await startTestApi({ tokens: false });
    try {
      const token = api.api.oneTimeToken;
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect((await api.get('/api/mentions', { token: null })).status).toBe(401);
      expect((await api.get('/api/mentions', { token })).status).toBe(200);
      expect(await json(await api.get('/api/session', { token }))).toEqual({ role: 'admin' });
      expect(api.logs.join('\n')).not.toContain(token);
    } finally {
      await api.close();
    }
  }, 60_000);
});
