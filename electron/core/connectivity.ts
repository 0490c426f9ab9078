/**
 * Connectivity for hosts without Electron's net.isOnline (the browser host): the machine is
 * taken as offline when no network interface other than loopback is up. Like net.isOnline this is
 * a strong signal only when it says offline; the service adds "the last sync reached a host"
 * (trustLastSync) so a network that is up but reaches nothing also shows as offline.
 */
import os from 'node:os';

type Interfaces = ReturnType<typeof os.networkInterfaces>;

/** True when at least one non-internal interface has an address (IPv4, or IPv6 other than
 * link-local, which every cable-less adapter has). */
export function hasNetworkInterface(interfaces: Interfaces = os.networkInterfaces()): boolean {
  for (const addresses of Object.values(interfaces)) {
    for (const a of addresses ?? []) {
      if (a.internal) continue;
      if (a.family === 'IPv6' && /^fe80:/i.test(a.address)) continue;
      return true;
    }
  }
  return false;
}

/** The browser host's probe: never throws (an unreadable interface list counts as online, so the
 * last-sync heuristic decides). */
export function nodeOnlineProbe(read: () => Interfaces = () => os.networkInterfaces()): () => boolean {
  return () => {
    try {
      return hasNetworkInterface(read());
    } catch {
      return true;
    }
  };
}
