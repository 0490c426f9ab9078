/**
 * The one error of fetchUrl (http.ts): a `code` for callers (retry.ts decides on it) and a message
 * fit to show a user; plus the words for socket, DNS, TLS and zlib failures.
 */
import type { FetchErrorCode } from './fetch-types';

export class FetchError extends Error {
  readonly code: FetchErrorCode;
  /** HTTP status for 'http-status' errors, else null. */
  readonly status: number | null;
  /** The URL being fetched when the error happened (the hop, not necessarily the first URL). */
  readonly url: string;
  /** For 'network' errors: the underlying error code (ECONNRESET, ECONNREFUSED, …), else null. */
  readonly errno: string | null;
  /** For 'http-status' errors: the server's Retry-After in milliseconds, when it sent one. */
  readonly retryAfterMs: number | null;
  /** For 'timeout' errors: the server had answered and was still sending the body (a slow body,
   * not a connection that never came up). Such a timeout is not retried (fetch/retry.ts). */
  readonly duringBody: boolean;

  constructor(
    code: FetchErrorCode,
    message: string,
    url: string,
    status: number | null = null,
    extra: { errno?: string | null; retryAfterMs?: number | null; duringBody?: boolean } = {},
  ) {
    super(message);
    this.name = 'FetchError';
    this.code = code;
    this.status = status;
    this.url = url;
    this.errno = extra.errno ?? null;
    this.retryAfterMs = extra.retryAfterMs ?? null;
    this.duringBody = extra.duringBody ?? false;
  }
}

/** Human message for a socket / DNS / TLS / zlib error. */
export function networkMessage(err: NodeJS.ErrnoException, url: URL): string {
  switch (err.code) {
    case 'ECONNRESET':
    case 'EPIPE':
      return 'connection reset';
    case 'ECONNREFUSED':
      return `connection refused by ${url.host}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host not found: ${url.hostname}`;
    case 'ETIMEDOUT':
      return `connection to ${url.host} timed out`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `network unreachable (${url.host})`;
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
    case 'ERR_BROTLI_DECOMPRESSION_FAILED':
      return 'corrupt compressed response body';
    case 'ERR_STREAM_PREMATURE_CLOSE':
      return 'connection closed before the response was complete';
    case 'ECONNABORTED':
      return `connection to ${url.host} was cut off`;
    case 'ENETDOWN':
      return 'no network connection';
    case 'EPROTO':
      // OpenSSL's own words ("…:SSL routines:ssl3_get_record:wrong version number") are no help to
      // a reader: the usual cause is an https:// address on a port that speaks plain http.
      return `no secure connection could be made to ${url.host} (the server does not speak HTTPS there, or the connection was tampered with)`;
    default:
      if (err.code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME_MISMATCH|IP_MISMATCH/.test(err.code)) {
        return `the security certificate of ${url.hostname} is not valid (expired, self-signed or for another site)`;
      }
      if (err.code && /SSL|TLS/.test(err.code)) return `no secure connection could be made to ${url.host}`;
      // Unknown socket errors: plain words only; the code stays on FetchError.errno for logs.
      return `the connection to ${url.host} failed`;
  }
}
