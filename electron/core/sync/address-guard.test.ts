import { describe, expect, it } from 'vitest';
import { AddressRefusedError, addressPolicy, assertFetchAllowed, isLocalAddress, isLocalAddressUrl, trustedHostsOf } from './address-guard';

describe('address guard', () => {
  it.each([
    'http://127.0.0.1/x',
    'http://2130706433/x',
    'http://0x7f.1/x',
    'http://[::ffff:127.0.0.1]/x',
    'http://[::1]:8080/',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.1.2.3/',
    'http://192.168.0.1/',
    'http://172.20.0.1/',
    'http://localhost:3000/',
    'http://[fd00::1]/',
    'http://0.0.0.0/',
  ])('recognises %s as local', (url) => {
    expect(isLocalAddressUrl(url)).toBe(true);
    expect(() => assertFetchAllowed(url, new Set())).toThrow(AddressRefusedError);
  });

  it.each(['https://example.org/a.jpg', 'http://8.8.8.8/', 'http://172.32.0.1/', 'http://[2001:db8::1]/'])('lets %s through', (url) => {
    expect(isLocalAddressUrl(url)).toBe(false);
    expect(() => assertFetchAllowed(url, new Set())).not.toThrow();
  });

  it('allows the host of a source the user added', () => {
    const trusted = trustedHostsOf(['http://127.0.0.1:4000/feed.xml', null]);
    expect(() => assertFetchAllowed('http://127.0.0.1:4000/photos/a.jpg', trusted)).not.toThrow();
    expect(() => assertFetchAllowed('http://127.0.0.1:4001/photos/a.jpg', trusted)).toThrow(AddressRefusedError);
  });
});

describe('connect-time address policy', () => {
  it.each(['127.0.0.1', '127.255.0.9', '::1', '::', '::ffff:127.0.0.1', '::ffff:7f00:1', '169.254.169.254', '10.9.8.7', '172.31.0.1', '192.168.2.2', '100.100.0.1', '0.0.0.0', 'fc00::1', 'fdff::2', 'fe80::1', '64:ff9b::a9fe:a9fe', '224.0.0.1', '255.255.255.255'])(
    '%s is local',
    (ip) => {
      expect(isLocalAddress(ip)).toBe(true);
      expect(addressPolicy(new Set())(ip, new URL('http://example.org/'))).toBe(false);
    },
  );

  it.each(['8.8.8.8', '93.184.216.34', '2606:4700::1111', '::ffff:8.8.8.8', '172.32.0.1'])('%s is public', (ip) => {
    expect(isLocalAddress(ip)).toBe(false);
    expect(addressPolicy(new Set())(ip, new URL('http://example.org/'))).toBe(true);
  });

  it('a local address is allowed only for a trusted host:port', () => {
    const allow = addressPolicy(trustedHostsOf(['http://127.0.0.1:4000/feed.xml']));
    expect(allow('127.0.0.1', new URL('http://127.0.0.1:4000/a.jpg'))).toBe(true);
    expect(allow('127.0.0.1', new URL('http://127.0.0.1:4001/a.jpg'))).toBe(false);
    expect(allow('127.0.0.1', new URL('http://rebind.example:4000/a.jpg'))).toBe(false);
  });
});
