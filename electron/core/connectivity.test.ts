import { describe, expect, it } from 'vitest';
import { hasNetworkInterface, nodeOnlineProbe } from './connectivity';

const lo = { address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' } as const;
const linkLocal = { address: 'fe80::1', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '02:00:00:00:00:01', internal: false, cidr: 'fe80::1/64', scopeid: 2 } as const;
const wifi = { address: '192.168.1.20', netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: '192.168.1.20/24' } as const;

describe('hasNetworkInterface', () => {
  it('loopback and link-local only: offline; a real address: online', () => {
    expect(hasNetworkInterface({})).toBe(false);
    expect(hasNetworkInterface({ lo: [lo] })).toBe(false);
    expect(hasNetworkInterface({ lo: [lo], eth0: [linkLocal] })).toBe(false);
    expect(hasNetworkInterface({ lo: [lo], wlan0: [linkLocal, wifi] })).toBe(true);
    expect(hasNetworkInterface({ eth0: [{ ...linkLocal, address: 'fd00::2' }] })).toBe(true);
  });

  it('the probe follows the interfaces and never throws', () => {
    let current: Record<string, (typeof lo | typeof wifi)[]> = { lo: [lo] };
    const probe = nodeOnlineProbe(() => current);
    expect(probe()).toBe(false);
    current = { lo: [lo], wlan0: [wifi] };
    expect(probe()).toBe(true);
    expect(
      nodeOnlineProbe(() => {
        throw new Error('no access');
      })(),
    ).toBe(true);
  });
});
