/**
 * Keeps URLs found inside feeds and pages from reaching the reader's own machine or network:
 * loopback, private, link-local (cloud metadata) and similar addresses are refused unless their host
 * is the host of a source the user added. Works on the URL as the WHATWG parser normalises it, so
 * 2130706433, 0x7f.1 and [::ffff:127.0.0.1] are all recognised as 127.0.0.1. (Names that resolve to
 * such addresses through DNS need a check at connect time, in fetch/.)
 */

export class AddressRefusedError extends Error {
  constructor(url: string) {
    super(`refused to fetch ${url}: it points at a local or private network address`);
    this.name = 'AddressRefusedError';
  }
}

function ipv4Parts(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((n) => n <= 255) ? parts : null;
}

function isPrivateIpv4([a, b]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b! >= 64 && b! <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a! >= 224
  );
}

function isPrivateIpv6(host: string): boolean {
  const h = host.toLowerCase();
  if (h === '::' || h === '::1') return true;
  if (/^f[cd][0-9a-f]{2}:/.test(h) || /^fe[89ab][0-9a-f]:/.test(h)) return true;
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(h);
  if (mapped) {
    const hi = parseInt(mapped[1]!, 16);
    const lo = parseInt(mapped[2]!, 16);
    return isPrivateIpv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  }
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (dotted) return isPrivateIpv4(ipv4Parts(dotted[1]!) ?? [0]);
  return false;
}

/** True when the URL's host is a loopback/private/link-local address or a localhost name. */
export function isLocalAddressUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host.startsWith('[') && host.endsWith(']')) return isPrivateIpv6(host.slice(1, -1));
  const v4 = ipv4Parts(host);
  return v4 !== null && isPrivateIpv4(v4);
}

/** Throws AddressRefusedError for a local/private URL whose host is not one of `trustedHosts`. */
export function assertFetchAllowed(url: string, trustedHosts: ReadonlySet<string>): void {
  if (!isLocalAddressUrl(url)) return;
  let host = '';
  try {
    host = new URL(url).host.toLowerCase();
  } catch {
    // unparsable URLs are refused by fetch itself
  }
  if (!trustedHosts.has(host)) throw new AddressRefusedError(url);
}

/** Hosts (host:port) of the sources the user added: the only local addresses sync may fetch. */
export function trustedHostsOf(urls: (string | null)[]): Set<string> {
  const hosts = new Set<string>();
  for (const url of urls) {
    if (!url) continue;
    try {
      hosts.add(new URL(url).host.toLowerCase());
    } catch {
      // ignore
    }
  }
  return hosts;
}
