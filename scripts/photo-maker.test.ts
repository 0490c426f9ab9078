import { describe, expect, it } from 'vitest';
import { imageSize } from 'image-size';
import { makeJpeg, makePng } from './photo-maker';

describe('photo-maker', () => {
  it('makes a JPEG of the asked size, same bytes for the same seed', () => {
    const a = makeJpeg(320, 200, 7);
    expect(a.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(imageSize(a)).toMatchObject({ width: 320, height: 200, type: 'jpg' });
    expect(makeJpeg(320, 200, 7).equals(a)).toBe(true);
    expect(makeJpeg(320, 200, 8).equals(a)).toBe(false);
  });
  it('makes a valid PNG', () => {
    const png = makePng(64, 48, 3);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(imageSize(png)).toMatchObject({ width: 64, height: 48, type: 'png' });
  });
});
