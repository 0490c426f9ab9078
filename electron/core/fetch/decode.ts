/**
 * Bytes -> text for fetched feeds and pages, with the charset chosen in this order of trust:
 * byte order mark, HTTP Content-Type charset, XML declaration, HTML <meta> (charset or
 * http-equiv), then UTF-8 (or windows-1252 when the bytes are not valid UTF-8 and nothing was
 * declared). Decoding uses @exodus/bytes' WHATWG TextDecoder (Node 20's built-in one-shot
 * TextDecoder maps windows-1252 wrongly); sniffing of the declaration uses encoding-sniffer.
 */
import { isUtf8 } from 'node:buffer';
import { TextDecoder, getBOMEncoding, normalizeEncoding } from '@exodus/bytes/encoding.js';
import { getEncoding } from 'encoding-sniffer';

export type EncodingSource = 'bom' | 'http' | 'document' | 'default' | 'fallback';

export interface SniffedEncoding {
  /** WHATWG encoding name, lower case (e.g. "windows-1252", "gbk", "utf-16le"). */
  encoding: string;
  source: EncodingSource;
}

/** How many leading bytes are searched for an XML declaration or <meta> charset. */
const SNIFF_BYTES = 4096;

/** The charset parameter of a Content-Type header, or null. */
export function charsetFromContentType(contentType: string): string | null {
  const match = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return match ? match[2]! : null;
}

/** A WHATWG encoding name for a label, or null if unknown (also null for "replacement"). */
function knownEncoding(label: string | null | undefined): string | null {
  if (!label) return null;
  const name = normalizeEncoding(label.trim());
  if (!name || name === 'replacement') return null;
  return name;
}

/** Encoding declared inside the document (XML declaration or HTML meta), or null. */
function declaredEncoding(body: Buffer): string | null {
  const head = body.subarray(0, SNIFF_BYTES);
  // The sniffer returns the default when nothing is declared; use a sentinel default to tell.
  const sentinel = 'x-user-defined';
  const found = getEncoding(head, { maxBytes: SNIFF_BYTES, defaultEncoding: sentinel });
  const name = knownEncoding(found);
  if (!name || name === sentinel) return null;
  return name;
}

function hasNonAscii(body: Buffer): boolean {
  for (let i = 0; i < body.length; i++) if (body[i]! > 0x7f) return true;
  return false;
}

/** Decide which encoding `body` is in. */
export function sniffEncoding(body: Buffer, contentType: string): SniffedEncoding {
  const bom = getBOMEncoding(body);
  if (bom) return { encoding: bom, source: 'bom' };

  const http = knownEncoding(charsetFromContentType(contentType));
  const declared = declaredEncoding(body);
  if (http) {
    // A server that says UTF-8 over bytes that are not UTF-8, while the document itself names
    // another charset, is a misconfigured server: the document knows better.
    if (http === 'utf-8' && declared && declared !== 'utf-8' && !isUtf8(body)) {
      return { encoding: declared, source: 'document' };
    }
    // Likewise a server default of ISO-8859-1 over a document that declares UTF-8 and is valid
    // UTF-8 with non-ASCII bytes: legacy text is practically never valid multi-byte UTF-8.
    if (http !== 'utf-8' && declared === 'utf-8' && hasNonAscii(body) && isUtf8(body)) {
      return { encoding: 'utf-8', source: 'document' };
    }
    return { encoding: http, source: 'http' };
  }
  if (declared) return { encoding: declared, source: 'document' };
  if (isUtf8(body)) return { encoding: 'utf-8', source: 'default' };
  return { encoding: 'windows-1252', source: 'fallback' };
}

/** Decode a fetched body to text (a leading BOM is dropped). */
export function decodeBody(body: Buffer, contentType: string): string {
  const { encoding } = sniffEncoding(body, contentType);
  try {
    return new TextDecoder(encoding).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
