/**
 * App icons for packaging, drawn in code (no copied artwork): a navy rounded square holding a
 * newspaper page with a headline bar and text lines, and an orange "saved for offline" badge with a
 * down arrow. Writes build/icon.png (512), build/icon.ico (PNG-in-ICO, 16-256) and build/icon.icns
 * (PNG-in-ICNS, 16-1024), the containers written by hand.
 *
 * Usage: npx tsx scripts/make-icons.ts [outDir]   (default: build/)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { PNG_SIGNATURE, pngChunk } from './photo-maker';

type Rgba = [number, number, number, number];
/** A shape in unit coordinates (0..1) with its colour; later shapes paint over earlier ones. */
type Shape = { inside: (x: number, y: number) => boolean; color: Rgba };

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): (x: number, y: number) => boolean {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function circle(cx: number, cy: number, r: number): (x: number, y: number) => boolean {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Downward triangle with its top edge from (x0, y0) to (x1, y0) and its tip at (tipX, tipY). */
function downTriangle(x0: number, x1: number, y0: number, tipY: number): (x: number, y: number) => boolean {
  const mid = (x0 + x1) / 2;
  const half = (x1 - x0) / 2;
  return (x, y) => y >= y0 && y <= tipY && Math.abs(x - mid) <= half * (1 - (y - y0) / (tipY - y0));
}

const NAVY: Rgba = [31, 58, 95, 255];
const PAPER: Rgba = [250, 248, 242, 255];
const INK: Rgba = [31, 58, 95, 255];
const GREY: Rgba = [150, 160, 172, 255];
const ORANGE: Rgba = [232, 131, 58, 255];
const WHITE: Rgba = [255, 255, 255, 255];

const SHAPES: Shape[] = [
  { inside: roundedRect(0.06, 0.06, 0.94, 0.94, 0.2), color: NAVY },
  { inside: roundedRect(0.22, 0.17, 0.74, 0.83, 0.035), color: PAPER },
  { inside: roundedRect(0.29, 0.25, 0.67, 0.33, 0.012), color: INK },
  ...[0.41, 0.49, 0.57, 0.65].map((y, i) => ({
    inside: roundedRect(0.29, y, i === 3 ? 0.52 : 0.67, y + 0.035, 0.017),
    color: GREY,
  })),
  { inside: circle(0.72, 0.72, 0.155), color: NAVY },
  { inside: circle(0.72, 0.72, 0.13), color: ORANGE },
  { inside: roundedRect(0.695, 0.625, 0.745, 0.73, 0.01), color: WHITE },
  { inside: downTriangle(0.65, 0.79, 0.715, 0.8), color: WHITE },
];

/** RGBA pixels of the icon at `size`, 4x4 supersampled. */
export function paintIcon(size: number): Buffer {
  const out = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let color: Rgba | null = null;
          for (const shape of SHAPES) if (shape.inside(x, y)) color = shape.color;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 255;
          }
        }
      }
      const i = (py * size + px) * 4;
      const covered = a / 255;
      out[i] = covered ? Math.round(r / covered) : 0;
      out[i + 1] = covered ? Math.round(g / covered) : 0;
      out[i + 2] = covered ? Math.round(b / covered) : 0;
      out[i + 3] = Math.round(a / (n * n));
    }
  }
  return out;
}

/** 8-bit RGBA PNG. */
export function encodePng(rgba: Buffer, size: number): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6; // RGBA
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level: 9 })), pngChunk('IEND', Buffer.alloc(0))]);
}

/** ICO holding PNG images (Windows Vista+): ICONDIR, one 16-byte entry per image, then the PNGs. */
export function makeIco(pngs: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size;
    e[1] = size >= 256 ? 0 : size;
    e[2] = 0; // palette
    e[3] = 0;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.png)]);
}

/** ICNS element types that hold PNG data, by pixel size. */
export const ICNS_TYPES: Record<number, string> = { 16: 'icp4', 32: 'icp5', 64: 'icp6', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };

/** ICNS: 'icns' + total length, then elements of type + length (incl. 8-byte header) + PNG data. */
export function makeIcns(pngs: { size: number; png: Buffer }[]): Buffer {
  const elements = pngs.map(({ size, png }) => {
    const type = ICNS_TYPES[size];
    if (!type) throw new RangeError(`no ICNS type for ${size}px`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(elements);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

export function makeIcons(outDir: string): { png: string; ico: string; icns: string } {
  const sizes = [16, 32, 48, 64, 128, 256, 512, 1024];
  const pngs = new Map(sizes.map((size) => [size, encodePng(paintIcon(size), size)]));
  const pick = (list: number[]) => list.map((size) => ({ size, png: pngs.get(size)! }));
  mkdirSync(outDir, { recursive: true });
  const files = { png: path.join(outDir, 'icon.png'), ico: path.join(outDir, 'icon.ico'), icns: path.join(outDir, 'icon.icns') };
  writeFileSync(files.png, pngs.get(512)!);
  writeFileSync(files.ico, makeIco(pick([16, 32, 48, 64, 128, 256])));
  writeFileSync(files.icns, makeIcns(pick([16, 32, 64, 128, 256, 512, 1024])));
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build'));
  const files = makeIcons(outDir);
  console.log(`wrote ${Object.values(files).join(', ')}`);
}
