import iconv from 'iconv-lite';

/** windows-1252 for every byte 0x80–0xFF (WHATWG: the undefined five are C1 controls). */
const CP1252 = Array.from({ length: 128 }, (_, i) => iconv.decode(Buffer.from([0x80 + i]), 'windows-1252'));

/** Length of the well-formed UTF-8 sequence (RFC 3629) starting at `i`, or 0 when there is none. */
function sequenceLength(bytes: Buffer, i: number): number {
  const lead = bytes[i]!;
  const cont = (k: number, low = 0x80, high = 0xbf): boolean => {
    const byte = bytes[i + k];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return cont(1) ? 2 : 0;
  if (lead === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (lead === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (lead >= 0xe1 && lead <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (lead === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (lead >= 0xf1 && lead <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (lead === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

export interface Utf8Census {
  /** Well-formed multi-byte sequences. */
  multiByte: number;
  /** Bytes that start no well-formed sequence. */
  invalid: number;
}

/** Counts well-formed multi-byte sequences and invalid bytes (for bodies that are not valid UTF-8). */
export function utf8Census(bytes: Buffer): Utf8Census {
  let multiByte = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i]! < 0x80) {
      i += 1;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      invalid += 1;
      i += 1;
    } else {
      multiByte += 1;
      i += length;
    }
  }
  return { multiByte, invalid };
}

/**
 * Decodes mostly-UTF-8 bytes in which some bytes are not UTF-8 (a windows-1252 `€` pasted into a
 * UTF-8 feed): well-formed sequences as UTF-8, each stray byte as windows-1252, so neither part
 * turns into U+FFFD or mojibake.
 */
export function decodeUtf8WithCp1252(bytes: Buffer): string {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i]! < 0x80) {
      i += 1;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    parts.push(bytes.toString('utf8', start, i), CP1252[bytes[i]! - 0x80]!);
    i += 1;
    start = i;
  }
  parts.push(bytes.toString('utf8', start));
  return parts.join('');
}
