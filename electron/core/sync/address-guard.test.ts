import { describe, expect, it } from 'vitest';
import { AddressRefusedError, assertFetchAllowed, isLocalAddressUrl, trustedHostsOf } from './address-guard';

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
