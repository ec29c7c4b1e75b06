import { pipeline, Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw, constants } from 'node:zlib';
import { FetchError } from '../../core/errors.js';

function decoderFor(encoding: string, where: string) {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      // Lenient flush: many servers cut the gzip trailer; what was decoded is still the whole body.
      return createGunzip({ finishFlush: constants.Z_SYNC_FLUSH });
    case 'deflate':
      return null; // decided on the first byte, see below
    case 'br':
      return createBrotliDecompress();
    default:
      throw new FetchError(`${where}: unsupported content-encoding "${encoding}"`, { reason: 'content-encoding', retryable: false });
  }
}

/**
 * Reads a response body, undoing at most one content-encoding, and stops with `too-large` as soon
 * as the decoded bytes pass `maxBytes` (the cap counts what the parser would see, so a small gzip
 * bomb cannot expand past it). Nothing is truncated: it is the whole body or an error.
 */
export async function readBody(body: Readable, contentEncoding: string | undefined, maxBytes: number, where: string): Promise<Buffer> {
  // Destroying an undici body emits an error; it is reported through the thrown FetchError instead.
  body.on('error', () => undefined);
  const encodings = (contentEncoding ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '' && part !== 'identity');
  if (encodings.length > 1) {
    body.destroy();
    throw new FetchError(`${where}: ${encodings.length} stacked content-encodings refused (at most one)`, {
      reason: 'content-encoding',
      retryable: false,
    });
  }
  let source: Readable = body;
  const encoding = encodings[0];
  if (encoding !== undefined) {
    let decoder: ReturnType<typeof decoderFor>;
    try {
      decoder = decoderFor(encoding, where);
    } catch (error) {
      body.destroy();
      throw error;
    }
    if (decoder === null) source = await inflateEitherWay(body);
    else source = pipeline(body, decoder, () => undefined);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > maxBytes) {
        throw new FetchError(`${where}: body larger than ${maxBytes} bytes once decoded (refused, not truncated)`, {
          reason: 'too-large',
          retryable: false,
        });
      }
      chunks.push(buffer);
    }
  } catch (error) {
    source.destroy();
    body.destroy();
    if (error instanceof FetchError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code === 'ERR__ERROR_FORMAT_PADDING_1') {
      throw new FetchError(`${where}: corrupt ${encoding ?? ''} body (${code})`, { reason: 'content-encoding', retryable: false, cause: error });
    }
    throw error;
  }
  return Buffer.concat(chunks, total);
}

/** `deflate` is zlib-wrapped by the spec but raw in some servers: look at the first byte. */
async function inflateEitherWay(body: Readable): Promise<Readable> {
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await iterator.next();
  const head = first.done ? Buffer.alloc(0) : first.value;
  const zlibWrapped = head.length > 0 && (head[0]! & 0x0f) === 8 && ((head[0]! << 8) | (head[1] ?? 0)) % 31 === 0;
  const inflater = zlibWrapped ? createInflate() : createInflateRaw();
  async function* replay(): AsyncGenerator<Buffer> {
    if (!first.done) yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return pipeline(Readable.from(replay()), inflater, () => undefined);
}
