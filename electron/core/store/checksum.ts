/**
 * A checksum inside each JSON file the store writes, so truncation or changed bytes are found on
 * read, not only text that no longer parses. The file stays one JSON object: the last member is
 * `"$crc":"<8 hex digits>"`, the CRC-32 of the file's text without that member (the JSON the
 * writer serialized). A file without the member (written before checksums) is read as before.
 */
import zlib from 'node:zlib';

const KEY = '"$crc":"';
/** `"$crc":"` + 8 hex digits + `"}`. */
const TAIL_LENGTH = KEY.length + 8 + 2;
export const CHECKSUM_KEY = '$crc';

const nativeCrc = (zlib as { crc32?: (data: Uint8Array | string, value?: number) => number }).crc32; // Node >= 20.15, 22.2

let table: Uint32Array | null = null;
function softCrc(bytes: Uint8Array, value = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = ~value >>> 0;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

function crc32(bytes: Uint8Array, value = 0): number {
  return nativeCrc ? nativeCrc(bytes, value) : softCrc(bytes, value);
}

const CLOSE = Buffer.from('}');
const hex = (n: number) => n.toString(16).padStart(8, '0');

/** The bytes to write for a JSON object's text: the text with its checksum member added. */
export function seal(json: string | Uint8Array): Buffer {
  const body = typeof json === 'string' ? Buffer.from(json, 'utf8') : Buffer.from(json.buffer, json.byteOffset, json.byteLength);
  if (body.length < 2 || body[body.length - 1] !== 0x7d) throw new Error('seal: not a JSON object');
  const sum = hex(crc32(body));
  const empty = body.length === 2; // "{}"
  const tail = Buffer.from(`${empty ? '' : ','}${KEY}${sum}"}`, 'utf8');
  return Buffer.concat([body.subarray(0, body.length - 1), tail]);
}

/** Checks a read file's checksum member. `sealed: false`: the file has none (an older file). */
export function verify(bytes: Buffer): { ok: true; sealed: boolean } | { ok: false; problem: string } {
  const end = bytes.length;
  if (end < TAIL_LENGTH + 1) return { ok: true, sealed: false };
  const keyAt = end - TAIL_LENGTH;
  if (bytes.toString('latin1', keyAt, keyAt + KEY.length) !== KEY) {
    // No checksum where a sealed file has it: older file, or one cut short (which then does not parse).
    return { ok: true, sealed: false };
  }
  const stated = bytes.toString('latin1', keyAt + KEY.length, keyAt + KEY.length + 8);
  const before = bytes[keyAt - 1];
  // The JSON as written: everything before `,"$crc"` (or before `"$crc"` after "{"), then "}".
  const prefixEnd = before === 0x2c ? keyAt - 1 : keyAt;
  const sum = hex(crc32(CLOSE, crc32(bytes.subarray(0, prefixEnd))));
  if (sum !== stated) return { ok: false, problem: 'checksum mismatch (the file was changed or cut short)' };
  return { ok: true, sealed: true };
}
