import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../src/api/security-headers.js';
import { ADMIN_TOKEN, json, startTestApi, VIEWER_TOKEN, type TestApi } from './api-fixture.js';

describe('sources, alerts, saved searches, health, metrics', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ sources: [{ id: 'le-monde', type: 'rss', name: 'Le Monde', url: 'https://www.lemonde.fr/rss/une.xml' }, { id: 'off', type: 'rss', url: 'https://off.example/feed', enabled: false }] });
  }, 60_000);
  afterAll(async () => api.close());

  it('lists every configured source with its health and recent items per day', async () => {
    const body = await json<{ sources: Record<string, unknown>[] }>(await api.get('/api/sources', { token: VIEWER_TOKEN }));
    expect(body.sources.map((s) => [s.id, s.status, s.enabled])).toEqual([['le-monde', 'new', true], ['off', 'disabled', false]]);
    // Items per day count what the source delivered in the 7 days before the clock (2026-03-20): nothing.
    expect(body.sources[0]).toMatchObject({ name: 'Le Monde', type: 'rss', url: 'https://www.lemonde.fr/rss/une.xml', lastError: null, itemsPerDay: 0 });
    expect(body.sources[0]).not.toHaveProperty('cursor');
    // Everything `sources list --json` prints but the cursor reaches the client (the response schema once dropped the source's own asked interval).
    expect(body.sources[0]).toHaveProperty('sourceAskedSeconds', null);
  });

  it('gives alert rules and history', async () => {
    expect(await json(await api.get('/api/alerts', { token: VIEWER_TOKEN }))).toEqual({ rules: [], history: [] });
  });

  it('saves searches for the team; a viewer deletes only its own, an admin any', async () => {
    const post = (token: string, body: unknown) => api.get('/api/saved-searches', { method: 'POST', token, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const mine = await post(VIEWER_TOKEN, { name: ' Acme, bad news ', params: '?q=acme&sentiment=negative&brand=acme' });
    expect(mine.status).toBe(201);
    const saved = await json<{ id: string; name: string; params: string; mine: boolean; createdAt: string }>(mine);
    expect(saved).toMatchObject({ name: 'Acme, bad news', params: 'q=acme&sentiment=negative&brand=acme', mine: true, createdAt: '2026-03-20T12:00:00.000Z' });
    const admins = await json<{ id: string }>(await post(ADMIN_TOKEN, { name: 'Globex', params: 'brand=globex' }));
    const listed = await json<{ searches: { id: string; mine: boolean }[] }>(await api.get('/api/saved-searches', { token: VIEWER_TOKEN }));
    expect(listed.searches.map((s) => [s.id, s.mine])).toEqual([[admins.id, false], [saved.id, true]]);
    // A broken query is refused when saved, naming where.
    const broken = await post(VIEWER_TOKEN, { name: 'broken', params: 'q=acme%20AND' });
    expect(broken.status).toBe(400);
    expect(await json(broken)).toMatchObject({ error: { code: 'bad-parameter', parameter: 'params' } });
    expect((await post(VIEWER_TOKEN, { name: '   ', params: '' })).status).toBe(400);
    const forbidden = await api.get(`/api/saved-searches/${admins.id}`, { method: 'DELETE', token: VIEWER_TOKEN });
    expect(forbidden.status).toBe(403);
    expect((await api.get(`/api/saved-searches/${saved.id}`, { method: 'DELETE', token: VIEWER_TOKEN })).status).toBe(204);
    expect((await api.get(`/api/saved-searches/${admins.id}`, { method: 'DELETE', token: ADMIN_TOKEN })).status).toBe(204);
    expect((await api.get(`/api/saved-searches/${admins.id}`, { method: 'DELETE', token: ADMIN_TOKEN })).status).toBe(404);
    expect(await json(await api.get('/api/saved-searches'))).toEqual({ searches: [] });
  });

  it('answers health and readiness without a token', async () => {
    expect(await json(await api.get('/healthz', { token: null }))).toEqual({ status: 'ok' });
    expect(await json(await api.get('/readyz', { token: null }))).toEqual({ status: 'ready' });
  });

  it('serves metrics to the admin only: request durations by route pattern and status, and process metrics', async () => {
    await api.get(`/api/mentions/${'a'.repeat(32)}`);
    expect((await api.get('/metrics', { token: null })).status).toBe(401);
    expect((await api.get('/metrics', { token: VIEWER_TOKEN })).status).toBe(403);
    const response = await api.get('/metrics');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/hubwatch_http_request_duration_seconds_count\{method="GET",route="\/api\/mentions\/:id",status="404"\} 1/);
    expect(text).toContain('hubwatch_process_cpu_user_seconds_total');
    expect(text).not.toContain('a'.repeat(32));
  });

  it('puts the strict CSP and security headers on every response, errors included', async () => {
    for (const [path, token] of [['/api/mentions', ADMIN_TOKEN], ['/api/mentions', null], ['/api/nothing', ADMIN_TOKEN], ['/healthz', null], ['/', null], ['/openapi.json', null]] as const) {
      const response = await api.get(path, { token });
      expect(response.headers.get('content-security-policy'), path).toBe(PAGE_CSP);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    const docs = await api.get('/docs/', { token: null });
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('documents every route in the generated OpenAPI document', async () => {
    const spec = await json<{ openapi: string; paths: Record<string, Record<string, { parameters?: { name: string }[] }>> }>(await api.get('/openapi.json', { token: null }));
    expect(spec.openapi).toMatch(/^3\./);
    const routes = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(
      [
        'POST /api/session', 'GET /api/session', 'DELETE /api/session', 'GET /api/mentions', 'GET /api/mentions/{id}', 'GET /api/mentions.csv', 'GET /api/mentions.ndjson',
        'GET /api/stats/volume', 'GET /api/stats/sentiment', 'GET /api/stats/share-of-voice', 'GET /api/stats/sources', 'GET /api/stats/authors', 'GET /api/stats/stories',
        'GET /api/sources', 'POST /api/sources/{id}/test', 'GET /api/alerts', 'POST /api/alerts/{rule}/test', 'GET /api/saved-searches', 'POST /api/saved-searches', 'DELETE /api/saved-searches/{id}',
        'GET /healthz', 'GET /readyz', 'GET /metrics',
      ].sort(),
    );
    const list = spec.paths['/api/mentions']!['get']!.parameters!.map((p) => p.name);
    expect(list).toEqual(expect.arrayContaining(['q', 'brand', 'person', 'sentiment', 'channel', 'source', 'lang', 'from', 'to', 'sort', 'limit', 'cursor']));
  });
});

describe('the page', () => {
  it('answers 503 saying how to build it when it is not built', async () => {
    const api = await startTestApi();
    try {
      const response = await api.get('/', { token: null });
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('npm run build');
    } finally {
      await api.close();
    }
  }, 60_000);

  it('serves index.html at / and for page URLs, assets under /assets/, and JSON 404s under /api', async () => {
    const web = mkdtempSync(join(tmpdir(), 'hubwatch-web-test-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>hubwatch</title><script src="/assets/app.js"></script>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log("page");');
    const api = await startTestApi({ webRoot: web });
    try {
      for (const path of ['/', '/mentions/abc?q=acme']) {
        const page = await api.get(path, { token: null, headers: { accept: 'text/html,application/xhtml+xml' } });
        expect(page.status, path).toBe(200);
        expect(await page.text()).toContain('<title>hubwatch</title>');
      }
      const script = await api.get('/assets/app.js', { token: null });
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toMatch(/^(application|text)\/javascript/);
      expect((await api.get('/assets/missing.js', { token: null })).status).toBe(404);
      const apiMiss = await api.get('/api/nothing', { headers: { accept: 'text/html' } });
      expect(apiMiss.status).toBe(404);
      expect(await apiMiss.json()).toMatchObject({ error: { code: 'not-found' } });
    } finally {
      await api.close();
      rmSync(web, { recursive: true, force: true });
    }
  }, 60_000);
});
