import { isAscii, isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { decodeUtf8WithCp1252, utf8Census } from './utf8-fallback.js';

/** How the encoding of a body was decided, in the order tried. */
export type CharsetSource = 'bom' | 'header' | 'declaration' | 'detected' | 'default';

export interface DecodedText {
  text: string;
  encoding: string;
  source: CharsetSource;
  /**
   * Set when the bytes contradicted the charset the BOM, header or declaration claimed and were
   * decoded as what they are: one sentence saying what was claimed and what was used.
   */
  correction?: string;
}

/** WHATWG: these labels mean windows-1252 on the web (a "Latin-1" feed with curly quotes is cp1252). */
const WHATWG_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'x-user-defined': 'windows-1252',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
};

/** The label to hand iconv-lite, or null when it is unknown. */
export function normaliseCharset(label: string | undefined | null): string | null {
  if (!label) return null;
  const clean = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (clean === '') return null;
  const mapped = WHATWG_ALIASES[clean] ?? clean;
  return iconv.encodingExists(mapped) ? mapped : null;
}

function fromBom(bytes: Buffer): { encoding: string; skip: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/** `text/xml; charset=windows-1251` → `windows-1251`. */
export function charsetFromContentType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match ? normaliseCharset(match[2]) : null;
}

/** The document's own declaration: XML prolog, or HTML `<meta charset>` / http-equiv, in the first 2 KB. */
function fromDeclaration(bytes: Buffer, kind: 'xml' | 'html' | 'json'): string | null {
  if (kind === 'json') return null;
  // Declarations are ASCII; latin1 keeps byte offsets and never fails.
  const head = bytes.subarray(0, 2048).toString('latin1');
  const prolog = /<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (prolog) return normaliseCharset(prolog[1]);
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta ? normaliseCharset(meta[1]) : null;
}

/** iconv-lite for everything but UTF-8, which Node decodes natively (several times faster on big feeds). */
function decodeAs(bytes: Buffer, encoding: string): string {
  return encoding === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, encoding);
}

function detect(bytes: Buffer): string {
  const guess = chardet.detect(bytes.subarray(0, 64 * 1024));
  const normalised = normaliseCharset(guess);
  // chardet reads most Western single-byte text as ISO-8859-1, which WHATWG maps to windows-1252.
  return normalised ?? 'windows-1252';
}

const CLAIMED_BY: Record<CharsetSource, string> = {
  bom: 'the byte-order mark',
  header: 'the Content-Type header',
  declaration: "the document's encoding declaration",
  detected: 'detection',
  default: 'JSON (always UTF-8)',
};

/**
 * Bytes that are not UTF-8: mostly UTF-8 with stray bytes (more well-formed multi-byte sequences
 * than invalid bytes) keeps the UTF-8 and reads each stray byte as windows-1252; otherwise the
 * document is in a legacy charset: `legacy` when one was declared elsewhere, else detected.
 */
function notUtf8(bytes: Buffer, legacy: string | null): { text: string; encoding: string; how: string } {
  const census = utf8Census(bytes);
  if (census.multiByte > 0 && census.multiByte >= census.invalid) {
    return { text: decodeUtf8WithCp1252(bytes), encoding: 'utf-8', how: census.invalid === 1 ? '1 byte is not UTF-8 and was read as windows-1252' : `${census.invalid} bytes are not UTF-8 and were read as windows-1252` };
  }
  const encoding = legacy ?? detect(bytes);
  return { text: decodeAs(bytes, encoding), encoding, how: `the bytes are not UTF-8 and were read as ${encoding}` };
}

/**
 * Decodes with the charset a BOM, header or declaration claims, unless the bytes say otherwise:
 * invalid bytes under a UTF-8 claim, or well-formed multi-byte UTF-8 under a legacy one (genuine
 * Latin-1 text with any accent is never valid UTF-8, so it keeps its charset).
 */
function decodeClaimed(bytes: Buffer, claimed: string, source: CharsetSource, legacy: () => string | null): DecodedText {
  if (claimed === 'utf-8') {
    if (isUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'utf-8', source };
    const read = notUtf8(bytes, legacy());
    return { text: read.text, encoding: read.encoding, source, correction: `${CLAIMED_BY[source]} says UTF-8 but ${read.how}` };
  }
  if (!claimed.startsWith('utf-') && !isAscii(bytes) && isUtf8(bytes)) {
    return { text: bytes.toString('utf8'), encoding: 'utf-8', source, correction: `${CLAIMED_BY[source]} says ${claimed} but the bytes are well-formed UTF-8 and were read as UTF-8` };
  }
  return { text: decodeAs(bytes, claimed), encoding: claimed, source };
}

/**
 * Decodes a body: BOM first, then the HTTP header's charset, then the XML prolog or HTML meta,
 * then detection (valid UTF-8, else chardet), never failing. A UTF-16 document is recognised by its
 * first characters even without a BOM. A claimed charset the bytes contradict is corrected and the
 * correction said (`correction`), as mature feed readers do.
 */
export function decodeBody(bytes: Buffer, contentType: string | undefined, kind: 'xml' | 'html' | 'json'): DecodedText {
  const bom = fromBom(bytes);
  if (bom) {
    const body = bytes.subarray(bom.skip);
    if (bom.encoding === 'utf-8') return decodeClaimed(body, 'utf-8', 'bom', () => null);
    return { text: decodeAs(body, bom.encoding), encoding: bom.encoding, source: 'bom' };
  }
  if (bytes.length >= 4 && bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) {
    return { text: iconv.decode(bytes, 'utf-16le'), encoding: 'utf-16le', source: 'detected' };
  }
  if (bytes.length >= 4 && bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) {
    return { text: iconv.decode(bytes, 'utf-16be'), encoding: 'utf-16be', source: 'detected' };
  }
  // A prolog claiming UTF-16 on bytes with no BOM and ASCII markup is a lie the bytes disprove.
  const declaration = (): string | null => {
    const declared = fromDeclaration(bytes, kind);
    return declared && !declared.startsWith('utf-16') ? declared : null;
  };
  const legacyDeclaration = (): string | null => {
    const declared = declaration();
    return declared && declared !== 'utf-8' ? declared : null;
  };
  const header = charsetFromContentType(contentType);
  if (header) return decodeClaimed(bytes, header, 'header', legacyDeclaration);
  if (kind === 'json') return decodeClaimed(bytes, 'utf-8', 'default', () => null);
  const declared = declaration();
  if (declared) return decodeClaimed(bytes, declared, 'declaration', () => null);
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'utf-8', source: 'detected' };
  const read = notUtf8(bytes, null);
  return { text: read.text, encoding: read.encoding, source: 'detected' };
}
