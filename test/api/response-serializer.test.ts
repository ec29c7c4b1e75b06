import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler } from '../../src/api/response-serializer.js';
import { hitViewSchema } from '../../src/api/schemas.js';

function compile(schema: z.ZodType): (data: unknown) => string {
  return responseSerializerCompiler({ schema, method: 'GET', url: '/test', httpStatus: '200' }) as (data: unknown) => string;
}

/** What zod's own serializer wrote: the checked output, then JSON.stringify. */
function zodWrites(schema: z.ZodType, data: unknown): string {
  return JSON.stringify(z.encode(schema, data));
}

const HOSTILE = ['"quoted" \\ back', 'line\nbreak\ttab\r', '\u0000\u0001\u001f ctrl', '</script><img src=x onerror=alert(1)>', 'accents éàü, emoji 😀', 'lone \ud800 high', 'lone \udc00 low', '\u2028\u2029 separators', ''];

function hit(i: number, text: string): Record<string, unknown> {
  return {
    id: `m${i}`, title: text, url: i % 2 ? null : `https://example.test/${i}?q="${text}"`, source: 's', sourceName: text,
    sources: [{ id: 's', name: text, channel: 'news' }], channel: 'news', author: i % 3 ? null : text,
    publishedAt: '2026-11-01T00:00:00.000Z', language: i % 2 ? 'en' : null, sentiment: { score: -0.25 * i, label: 'negative' },
    entities: [{ kind: 'brand', id: 'acme', name: text, ...(i % 2 ? { role: 'subject' } : {}), ...(i % 3 ? {} : { sentiment: { score: 0.5, label: 'positive' } }) }],
    storyId: i % 4 ? null : 'story', storyRole: 'origin', ...(i % 5 ? {} : { sharedUrl: 'https://example.test/shared' }), reach: 1e6 + i,
    ...(i % 2 ? { score: 12.5 / (i + 1) } : {}), snippets: [{ text, highlights: [[0, 3], [5, 9]] }],
    // Not in the schema: neither serializer writes it.
    secret: 'never in an answer',
  };
}

describe('response serializer', () => {
  it('writes what zod wrote for a page of hits: hostile strings, nulls, optional fields, no extra property', () => {
    const schema = z.object({ total: z.number().int(), totalIsExact: z.boolean(), hits: z.array(hitViewSchema), nextCursor: z.string().nullable() });
    const page = { total: 12, totalIsExact: true, hits: HOSTILE.map((text, i) => hit(i, text)), nextCursor: null };
    const written = compile(schema)(page);
    // The same values and keys; fast-json-stringify writes an object's optional properties last.
    expect(JSON.parse(written)).toStrictEqual(JSON.parse(zodWrites(schema, page)));
    expect(written).not.toContain('never in an answer');
    // Lone surrogates escaped, as JSON.stringify does: the answer is valid UTF-8 whatever the title.
    expect(written).toContain('lone \\ud800 high');
    expect(written).toContain('lone \\udc00 low');
    expect(JSON.parse(compile(schema)({ ...page, nextCursor: 'abc' }))).toStrictEqual(JSON.parse(zodWrites(schema, { ...page, nextCursor: 'abc' })));
  });

  it('keeps zod for a schema JSON Schema cannot express', () => {
    const schema = z.object({ at: z.codec(z.iso.datetime(), z.date(), { decode: (text) => new Date(text), encode: (date) => date.toISOString() }) });
    expect(compile(schema)({ at: new Date(0) })).toBe('{"at":"1970-01-01T00:00:00.000Z"}');
  });
});
