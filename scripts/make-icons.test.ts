// The generated icons: valid PNG / ICO / ICNS containers, and build/ holds exactly what the script draws.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { imageSize } from 'image-size';
import { afterAll, describe, expect, it } from 'vitest';
import { ICNS_TYPES, makeIcons } from './make-icons';

const dir = mkdtempSync(path.join(tmpdir(), 'icons-'));
const files = makeIcons(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('make-icons', () => {
  it('writes a 512 px PNG', () => {
    expect(imageSize(readFileSync(files.png))).toMatchObject({ width: 512, height: 512, type: 'png' });
  });

  it('writes an ICO of PNG images from 16 to 256 px', () => {
    const ico = readFileSync(files.ico);
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const e = 6 + i * 16;
      const size = ico[e]! || 256;
      const png = ico.subarray(ico.readUInt32LE(e + 12), ico.readUInt32LE(e + 12) + ico.readUInt32LE(e + 8));
      expect(imageSize(png)).toMatchObject({ width: size, height: size, type: 'png' });
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 32, 48, 64, 128, 256]);
  });

  it('writes an ICNS whose elements are PNGs of the declared sizes', () => {
    const icns = readFileSync(files.icns);
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const bySize = Object.fromEntries(Object.entries(ICNS_TYPES).map(([size, type]) => [type, Number(size)]));
    const seen: string[] = [];
    for (let at = 8; at < icns.length; ) {
      const type = icns.toString('latin1', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      expect(imageSize(icns.subarray(at + 8, at + length))).toMatchObject({ width: bySize[type], type: 'png' });
      seen.push(type);
      at += length;
    }
    expect(seen).toEqual(['icp4', 'icp5', 'icp6', 'ic07', 'ic08', 'ic09', 'ic10']);
  });

  it('build/ holds the icons the script draws (regenerate with `npx tsx scripts/make-icons.ts`)', () => {
    const build = path.join(import.meta.dirname, '..', 'build');
    for (const name of ['icon.png', 'icon.ico', 'icon.icns']) {
      expect(readFileSync(path.join(build, name)).equals(readFileSync(path.join(dir, name))), name).toBe(true);
    }
  });
});
