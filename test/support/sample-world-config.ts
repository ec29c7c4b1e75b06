import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

/**
 * The shipped configuration pointed at a test's own sample server and index file: sources rewritten
 * from the default port to `serverUrl`, the server's port opened, the bundled server off. Returns
 * the path of the configuration written into `dir`.
 */
export function writeSampleWorldConfig(dir: string, serverUrl: string, indexPath: string): string {
  const config = parseDocument(readFileSync('config/hubwatch.yaml', 'utf8')).toJS() as Record<string, unknown> & { fetch?: object };
  config.samples = { serve: false };
  config.fetch = { ...(config.fetch ?? {}), allow: [{ host: '127.0.0.1', ports: [Number(new URL(serverUrl).port)] }] };
  config.index = { sqlite: { path: indexPath } };
  const rewrite = (value: unknown): unknown =>
    typeof value === 'string' ? value.replace(/http:\/\/127\.0\.0\.1:4719/g, serverUrl) : Array.isArray(value) ? value.map(rewrite)
      : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)])) : value;
  config.sources = rewrite(config.sources);
  const file = join(dir, 'hubwatch.yaml');
  writeFileSync(file, JSON.stringify(config));
  return file;
}
