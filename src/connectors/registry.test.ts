import { describe, expect, it } from 'vitest';
import { sourceSchema } from '../config/schema.js';
import { CONNECTOR_TYPES } from './connector-types.js';
import { CONNECTOR_MANIFESTS, checkManifests, checkSource, getManifest, toSourceDefinition } from './registry.js';

const source = (fields: Record<string, unknown>) => sourceSchema.parse({ id: 's1', ...fields });

describe('connector registry', () => {
  it('lists every type once, and the static list passes its own check', () => {
    const types = CONNECTOR_MANIFESTS.map((manifest) => manifest.type);
    expect(new Set(types).size).toBe(types.length);
    expect(checkManifests(CONNECTOR_MANIFESTS, CONNECTOR_TYPES)).toEqual([]);
    expect(getManifest('rss')?.requiresUrl).toBe(true);
    expect(getManifest('nope')).toBeUndefined();
  });

  it('reports duplicate types and bad intervals, all at once', () => {
    const rss = getManifest('rss')!;
    const broken = { ...rss, defaults: { ...rss.defaults, minIntervalSeconds: 0 } };
    expect(checkManifests([rss, broken])).toEqual([
      'connector manifest [1] "rss": duplicate type',
      'connector manifest [1] "rss": intervals must satisfy 0 < min <= poll <= max',
    ]);
  });

  it('reports manifests that differ from the light list of types the help texts use', () => {
    const [rss, jsonFeed] = CONNECTOR_MANIFESTS;
    expect(checkManifests([jsonFeed!, rss!], ['rss', 'jsonfeed'])).toEqual([
      'manifests (jsonfeed, rss) differ from CONNECTOR_TYPES (rss, jsonfeed) in src/connectors/connector-types.ts',
    ]);
  });

  it('names the known types for an unknown one', () => {
    const [problem] = checkSource(source({ type: 'rsss', url: 'https://x.example/' }));
    expect(problem!.path).toBe('type');
    expect(problem!.message).toMatch(/unknown source type "rsss" \(known types: rss, jsonfeed/);
  });

  it('requires a url where the type needs one, and checks options with their path', () => {
    expect(checkSource(source({ type: 'rss' }))).toEqual([{ path: 'url', message: 'required for type rss' }]);
    expect(checkSource(source({ type: 'rss', url: 'https://x.example/', options: { headres: {} } }))).toEqual([
      { path: 'options', message: 'unknown option headres for type rss' },
    ]);
    expect(checkSource(source({ type: 'rss', url: 'https://x.example/', options: { headers: { a: 1 } } }))[0]!.path).toBe('options.headers.a');
  });

  it('builds a definition with defaults: name from id, channel from the manifest, parsed options', () => {
    expect(toSourceDefinition(source({ type: 'rss', url: 'https://x.example/feed' }))).toEqual({
      id: 's1', name: 's1', type: 'rss', url: 'https://x.example/feed', channel: 'news', options: { headers: {} },
    });
    expect(toSourceDefinition(source({ type: 'rss', url: 'https://x.example/', name: 'X', channel: 'blog' }))).toMatchObject({ name: 'X', channel: 'blog' });
    expect(() => toSourceDefinition(source({ type: 'zzz' }))).toThrow(/unknown source type "zzz"/);
  });
});
