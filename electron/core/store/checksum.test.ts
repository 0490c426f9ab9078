/**
 * The checksum member of the store's JSON files: a sealed file verifies and parses to the same
 * value; any changed or missing byte is found; files without the member (older) are accepted.
 */
import { describe, expect, it } from 'vitest';
import { CHECKSUM_KEY, seal, verify } from './checksum';

describe('checksum', () => {
  it('seals so that the file still parses and verifies', () => {
    for (const value of [{}, { a: 1 }, { text: 'Café — 東京', nested: { list: [1, 2, 3] } }]) {
      const bytes = seal(JSON.stringify(value));
      expect(verify(bytes)).toEqual({ ok: true, sealed: true });
      const parsed = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
      expect(typeof parsed[CHECKSUM_KEY]).toBe('string');
      delete parsed[CHECKSUM_KEY];
      expect(parsed).toEqual(value);
    }
  });

  it('finds a changed byte anywhere before the checksum', () => {
    const bytes = seal(JSON.stringify({ title: 'A headline', body: 'x'.repeat(500) }));
    for (const at of [0, 5, 100, bytes.length - 25]) {
      const changed = Buffer.from(bytes);
      changed[at] = changed[at] === 0x41 ? 0x42 : 0x41;
      expect(verify(changed).ok, `byte ${at}`).toBe(false);
    }
  });

  it('treats a file cut short, or one written before checksums, as unsealed (then parsing decides)', () => {
    const bytes = seal(JSON.stringify({ a: 'b'.repeat(100) }));
    expect(verify(bytes.subarray(0, 60))).toEqual({ ok: true, sealed: false });
    expect(verify(Buffer.from('{"old":"file"}'))).toEqual({ ok: true, sealed: false });
  });
});
