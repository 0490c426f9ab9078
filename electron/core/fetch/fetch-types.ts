/**
 * The shapes of a fetch (options, result, error codes). Imports nothing: http.ts, retry.ts and
 * fetch-error.ts read them here, and core/types.ts re-exports them, so fetch/ and types.ts form
 * no import circle.
 */

export interface FetchOptions {
  /** Cap on *decoded* body bytes (default 15 MiB; images 20 MiB). */
  maxBytes?: number;
  /** Total deadline: connect + headers + body (default 20 s). */
  timeoutMs?: number;
  /** Default 5; every hop is re-checked (http/https only). */
  maxRedirects?: number;
  /** Conditional GET validators from the previous fetch. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  signal?: AbortSignal;
  /**
   * Connect-time address check, applied on every redirect hop after DNS (and to IP literals):
   * return false to refuse connecting to `address` (an IP) for `url`. Unset: any address.
   */
  allowAddress?: (address: string, url: URL) => boolean;
}

export interface FetchResult {
  /** Final URL after redirects. */
  url: string;
  status: number;
  /** True on 304: body is empty and nothing should be parsed. */
  notModified: boolean;
  contentType: string;
  /** Decoded (gunzipped etc.) bytes. */
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
}

export type FetchErrorCode =
  | 'timeout'
  | 'too-large'
  | 'http-status'
  | 'network'
  | 'too-many-redirects'
  | 'scheme-refused'
  | 'address-refused'
  | 'aborted';
