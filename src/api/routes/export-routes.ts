import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { csvHeader, toCsvRows } from '../../app/csv-export.js';
import { sinkFor } from '../../app/export-sink.js';
import { exportMentions, toNdjson } from '../../app/export-service.js';
import { planFilters } from '../../app/mention-filters.js';
import type { ApiDeps } from '../api-deps.js';
import { filtersSchema } from '../schemas.js';

const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', header: csvHeader(), rows: toCsvRows },
  ndjson: { type: 'application/x-ndjson; charset=utf-8', header: '', rows: toNdjson },
} as const;

/**
 * `GET /api/mentions.csv` and `.ndjson`: every matching mention, newest first, streamed. The export
 * service reads one page at a time and waits while the socket's buffer is full, so memory stays
 * bounded whatever the size; a client that leaves stops the export.
 */
export function exportRoutes(deps: Pick<ApiDeps, 'index' | 'clock' | 'logger'>): FastifyPluginAsyncZod {
  return async (app) => {
    for (const [extension, format] of Object.entries(FORMATS)) {
      app.get(`/api/mentions.${extension}`, {
        schema: { tags: ['exports'], summary: `every matching mention as ${extension.toUpperCase()}, streamed`, querystring: filtersSchema, produces: [format.type.split(';')[0]!] },
      }, async (request, reply) => {
        // Read every filter before the first byte: a mistake is still a 400.
        const scope = planFilters(request.query, deps.clock());
        const body = new PassThrough({ highWaterMark: 64 * 1024 });
        const sink = sinkFor(body);
        const stamp = deps.clock().toISOString().slice(0, 10);
        void (async () => {
          try {
            if (format.header) await sink(format.header);
            await exportMentions(deps.index, scope, sink, { format: format.rows });
            body.end();
          } catch (error) {
            // Headers are gone: the only way left to say "incomplete" is to cut the response.
            deps.logger.error({ err: error }, 'export failed mid-stream');
            body.destroy(error instanceof Error ? error : new Error(String(error)));
          }
        })();
        return reply
          .type(format.type)
          .header('content-disposition', `attachment; filename="hubwatch-mentions-${stamp}.${extension}"`)
          .send(body);
      });
    }
  };
}
