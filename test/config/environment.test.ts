import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnvironment } from '../../src/config/environment.js';
import { parseConfig } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/core/errors.js';
import { runCli } from '../support/run-cli.js';

const YAML = 'index:\n  sqlite: { path: data/env-test.db }\nlog: { level: warn }\n';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the environment goes through the configuration schema', () => {
  it('overrides index.elasticsearch.url, queue.redisUrl and log.level', () => {
    const config = parseConfig(YAML, 'x.yaml', {
      env: { ELASTICSEARCH_URL: 'http://es.internal:9200', REDIS_URL: 'redis://queue:6380', HUBWATCH_LOG_LEVEL: 'debug' },
    });
    expect(config.index.elasticsearch).toEqual({ url: 'http://es.internal:9200', indexPrefix: 'hubwatch' });
    expect(config.queue.redisUrl).toBe('redis://queue:6380');
    expect(config.log.level).toBe('debug');
  });

  it('keeps the file\'s Elasticsearch settings and replaces only the URL', () => {
    const yaml = 'index:\n  elasticsearch: { url: "http://old:9200", indexPrefix: acme, apiKey: k }\n';
    const config = parseConfig(yaml, 'x.yaml', {
      env: { ELASTICSEARCH_URL: 'https://new:9200' },
    });
    expect(config.index.elasticsearch).toEqual({ url: 'https://new:9200', indexPrefix: 'acme', apiKey: 'k' });
  });

  it('treats empty values as unset', () => {
    const config = parseConfig(YAML, 'x.yaml', { env: { ELASTICSEARCH_URL: '', HUBWATCH_LOG_LEVEL: '  ' } });
    expect(config.index.elasticsearch).toBeUndefined();
    expect(config.log.level).toBe('warn');
  });

  it('lists bad values with the file\'s own problems, without echoing them', () => {
    const error = (() => {
      try {
        parseConfig(`${YAML}concurrency: 0\n`, 'x.yaml', { env: { HUBWATCH_LOG_LEVEL: 'loud', ELASTICSEARCH_URL: 'es:9200', REDIS_URL: 'http://secret-host:6379' } });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^environment HUBWATCH_LOG_LEVEL: must be one of "fatal"/),
      expect.stringMatching(/^environment ELASTICSEARCH_URL: must be an http\(s\) URL/),
      expect.stringMatching(/^environment REDIS_URL: must be a redis:\/\//),
      expect.stringMatching(/^concurrency: /),
    ]));
    expect(problems.join('\n')).not.toMatch(/secret-host|loud/);
  });

  it('reads only its own variables', () => {
    expect(readEnvironment({ PATH: '/bin', HUBWATCH_CONFIG: 'c.yaml' }).values).toEqual({ HUBWATCH_CONFIG: 'c.yaml' });
  });

  it('config check names what the environment overrides', async () => {
    const result = await runCli(['config', 'check'], { env: { ELASTICSEARCH_URL: 'http://127.0.0.1:9', HUBWATCH_LOG_LEVEL: 'error' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/index: elasticsearch, /);
    expect(result.stdout).toContain('index.elasticsearch.url from the environment (ELASTICSEARCH_URL)');
    expect(result.stdout).toContain('log.level from the environment (HUBWATCH_LOG_LEVEL)');
    const bad = await runCli(['config', 'check'], { env: { REDIS_URL: 'nope' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('environment REDIS_URL: must be a redis://');
  });

  it('nothing but the CLI\'s composition root reads process.env', () => {
    const readers = sourceFiles('src').filter((file) => /process\.env\b/.test(readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(readers).toEqual([join('src', 'cli', 'create-cli-context.ts')]);
  });
});
