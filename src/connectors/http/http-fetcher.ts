import type { DecodedText } from './charset.js';

/**
 * The one HTTP fetcher every connector uses (undici). The implementation lives beside this
 * contract; see docs/architecture.md for the guarantees (egress policy at connect time, decoded
 * size cap, overall deadline, manual redirects, conditional GET, charset, per-host politeness).
 */
export interface HttpRequest {
  url: string;
  /** Extra request headers (Accept, Authorization for APIs that need it). */
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string;
  etag?: string | null;
  lastModified?: string | null;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** The URL after redirects. */
  finalUrl: string;
  /** A permanent redirect (301/308) chain ended here: the caller may store it as the new URL. */
  permanentlyMovedTo: string | null;
  headers: Record<string, string>;
  /** Decoded body bytes (after content-encoding), capped. Empty for 304. */
  body: Buffer;
  notModified: boolean;
  /** Seconds until the response is stale (Cache-Control max-age / Expires), when given. */
  freshForSeconds?: number;
}

export interface HttpFetcher {
  /** Fetches a URL. Throws `FetchError` for refused, failed, too-large or non-2xx/304 answers. */
  fetch(request: HttpRequest): Promise<HttpResponse>;
  /** Decodes a body to text: BOM, then the HTTP header, then the document's own declaration, then detection. */
  decodeText(response: HttpResponse, kind: 'xml' | 'html' | 'json'): string;
  /** The same decoding, saying which charset was used and, when the bytes contradicted the claimed one, the correction. */
  decode(response: HttpResponse, kind: 'xml' | 'html' | 'json'): DecodedText;
  close(): Promise<void>;
}
