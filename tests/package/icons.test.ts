/**
 * The committed icons are exactly what scripts/icons.ts draws (so the script stays the source of
 * truth: change the drawing, run `npm run icons`, commit both), at every size the stores ask for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawIcon, encodePng, ICON_DIR, ICON_SIZES } from '../../scripts/icons';
import { pngSize } from './support/builds';

/** RGBA pixels of a PNG written by encodePng (8-bit RGBA, filter 0 on every row). */
function decode(png: Buffer): Buffer {
  const { width, height } = pngSize(png);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(idat));
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    if (rows[row] !== 0) throw new Error('row filter other than 0: not written by scripts/icons.ts');
    rows.copy(pixels, y * width * 4, row + 1, row + 1 + width * 4);
  }
  return pixels;
}

describe('the icons', () => {
  it('come at 16, 32, 48, 96 and 128 px', () => {
    expect([...ICON_SIZES]).toEqual([16, 32, 48, 96, 128]);
  });

  it.each(ICON_SIZES)('at %s px, the committed file is what scripts/icons.ts draws', (size) => {
    const file = join(ICON_DIR, `${size}.png`);
    expect(existsSync(file), `${file} is missing: run npm run icons`).toBe(true);
    const committed = readFileSync(file);
    expect(pngSize(committed)).toEqual({ width: size, height: size });
    expect(decode(committed).equals(drawIcon(size)), `${file} differs from the drawing: run npm run icons`).toBe(true);
  });

  it('are opaque in the middle and transparent in the corners (a shape, not a square)', () => {
    const pixels = drawIcon(32);
    const alpha = (x: number, y: number) => pixels[(y * 32 + x) * 4 + 3];
    expect(alpha(16, 16)).toBe(255);
    expect([alpha(0, 0), alpha(31, 0), alpha(0, 31), alpha(31, 31)]).toEqual([0, 0, 0, 0]);
  });

  it('survive a round trip through the PNG encoder', () => {
    const pixels = drawIcon(16);
    expect(decode(encodePng(16, 16, pixels)).equals(pixels)).toBe(true);
  });
});
