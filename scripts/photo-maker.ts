/**
 * Generated test photos: small, pleasant pictures (sky gradient, sun, rolling hills, a few
 * buildings) drawn from a seed, encoded as JPEG (jpeg-js) or PNG (hand-written chunks + zlib).
 * Used by the fixture news server, the first-run edition and tests; never copied imagery.
 */
import { deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';

/** Deterministic PRNG (mulberry32) so the same seed always gives the same picture. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rgb = [number, number, number];

function hslToRgb(h: number, s: number, l: number): Rgb {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)];
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** Paints the scene into an RGBA buffer (width * height * 4). */
export function paintScene(width: number, height: number, seed: number): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`bad picture size ${width}x${height}`);
  }
  const rand = seededRandom(seed);
  const hue = rand() * 360;
  const skyTop = hslToRgb(hue, 0.55, 0.35 + rand() * 0.15);
  const skyBottom = hslToRgb((hue + 40) % 360, 0.7, 0.75 + rand() * 0.1);
  const sunColor = hslToRgb((hue + 60) % 360, 0.9, 0.8);
  const sunX = width * (0.2 + rand() * 0.6);
  const sunY = height * (0.15 + rand() * 0.25);
  const sunR = Math.max(2, Math.min(width, height) * (0.08 + rand() * 0.08));
  const hills = [0, 1, 2].map((layer) => ({
    base: height * (0.55 + layer * 0.12 + rand() * 0.05),
    amp: height * (0.04 + rand() * 0.06),
    freq: (1 + rand() * 2.5) * (Math.PI * 2) / width,
    phase: rand() * Math.PI * 2,
    color: hslToRgb((hue + 150 + layer * 15) % 360, 0.35 + layer * 0.1, 0.42 - layer * 0.1),
  }));
  const buildings = Array.from({ length: 3 + Math.floor(rand() * 5) }, () => ({
    x: rand() * width,
    w: width * (0.03 + rand() * 0.06),
    h: height * (0.1 + rand() * 0.25),
    color: hslToRgb((hue + 200) % 360, 0.15, 0.2 + rand() * 0.15),
  }));

  // Hill tops per column, computed once (not per pixel).
  const hillTops = hills.map((hill) => Float64Array.from({ length: width }, (_, x) => hill.base + Math.sin(x * hill.freq + hill.phase) * hill.amp));
  const data = Buffer.alloc(width * height * 4);
  const shade: Rgb = [20, 30, 25];
  for (let y = 0; y < height; y++) {
    const sky = mix(skyTop, skyBottom, y / Math.max(1, height - 1));
    for (let x = 0; x < width; x++) {
      let color: Rgb = sky;
      const dSun = Math.hypot(x - sunX, y - sunY);
      if (dSun < sunR) color = sunColor;
      else if (dSun < sunR * 2.2) color = mix(sunColor, sky, (dSun - sunR) / (sunR * 1.2));
      for (const b of buildings) {
        if (x >= b.x && x < b.x + b.w && y > hills[0]!.base - b.h) color = b.color;
      }
      for (let h = 0; h < hills.length; h++) {
        const top = hillTops[h]![x]!;
        if (y >= top) color = mix(hills[h]!.color, shade, Math.min(0.4, (y - top) / height));
      }
      const i = (y * width + x) * 4;
      data[i] = Math.round(color[0]);
      data[i + 1] = Math.round(color[1]);
      data[i + 2] = Math.round(color[2]);
      data[i + 3] = 255;
    }
  }
  return data;
}

/** A baseline JPEG of the seeded scene. */
export function makeJpeg(width: number, height: number, seed: number): Buffer {
  const data = paintScene(width, height, seed);
  return Buffer.from(jpeg.encode({ data, width, height }, 82).data);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as used by PNG chunks. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC over type + data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An 8-bit RGB PNG of the seeded scene. */
export function makePng(width: number, height: number, seed: number): Buffer {
  const rgba = paintScene(width, height, seed);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const src = (y * width + x) * 4;
      const dst = row + 1 + x * 3;
      raw[dst] = rgba[src]!;
      raw[dst + 1] = rgba[src + 1]!;
      raw[dst + 2] = rgba[src + 2]!;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
