import chardet from 'chardet';
import iconv from 'iconv-lite';

/** How the encoding of a body was decided, in the order tried. */
export type CharsetSource = 'bom' | 'header' | 'declaration' | 'detected' | 'default';

export interface DecodedText {
  text: string;
  encoding: string;
  source: CharsetSource;
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

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text when the bytes are valid UTF-8, else null. */
function asUtf8(bytes: Buffer): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
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

/**
 * Decodes a body: BOM first, then the HTTP header's charset, then the XML prolog or HTML meta,
 * then detection (valid UTF-8, else chardet), never failing. A UTF-16 document is recognised by its
 * first characters even without a BOM.
 */
export function decodeBody(bytes: Buffer, contentType: string | undefined, kind: 'xml' | 'html' | 'json'): DecodedText {
  const bom = fromBom(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.skip), bom.encoding), encoding: bom.encoding, source: 'bom' };
  if (bytes.length >= 4 && bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) {
    return { text: iconv.decode(bytes, 'utf-16le'), encoding: 'utf-16le', source: 'detected' };
  }
  if (bytes.length >= 4 && bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) {
    return { text: iconv.decode(bytes, 'utf-16be'), encoding: 'utf-16be', source: 'detected' };
  }
  const header = charsetFromContentType(contentType);
  if (header) return { text: decodeAs(bytes, header), encoding: header, source: 'header' };
  const declared = fromDeclaration(bytes, kind);
  // A prolog claiming UTF-16 on bytes with no BOM and ASCII markup is a lie the bytes disprove.
  if (declared && !declared.startsWith('utf-16')) return { text: decodeAs(bytes, declared), encoding: declared, source: 'declaration' };
  if (kind === 'json') return { text: bytes.toString('utf8'), encoding: 'utf-8', source: 'default' };
  const utf8 = asUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', source: 'detected' };
  const detected = detect(bytes);
  return { text: decodeAs(bytes, detected), encoding: detected, source: 'detected' };
}
