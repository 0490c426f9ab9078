/**
 * Keeps URLs found inside feeds and pages from reaching the reader's own machine or network:
 * loopback, private, link-local (cloud metadata) and similar addresses are refused unless their host
 * is the host of a source the user added. Works on the URL as the WHATWG parser normalises it, so
 * 2130706433, 0x7f.1 and [::ffff:127.0.0.1] are all recognised as 127.0.0.1. (Names that resolve to
 * such addresses through DNS are caught at connect time: `addressPolicy` gives fetch/ the
 * `allowAddress` check it applies after DNS on every redirect hop.)
 */
import net from 'node:net';

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

/** Loopback, private, link-local, CGNAT, benchmark, multicast/reserved, ULA, NAT64 and mapped forms. */
const localAddresses = (() => {
  const list = new net.BlockList();
  for (const [prefix, bits] of [
    ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
    ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3],
  ] as const) {
    list.addSubnet(prefix, bits, 'ipv4');
  }
  for (const [prefix, bits] of [
    ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['::', 96],
  ] as const) {
    list.addSubnet(prefix, bits, 'ipv6');
  }
  return list;
})();

/** True for an IP address (v4 or v6, mapped forms included) that is not on the public internet. */
export function isLocalAddress(ip: string): boolean {
  const family = net.isIP(ip);
  if (family === 0) return false;
  return localAddresses.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The connect-time check for fetch's `allowAddress`: public addresses pass; a local or private one
 * only when the URL's host (host:port) is the host of a source the user added.
 */
export function addressPolicy(trustedHosts: ReadonlySet<string>): (address: string, url: URL) => boolean {
  return (address, url) => !isLocalAddress(address) || trustedHosts.has(url.host.toLowerCase());
}
