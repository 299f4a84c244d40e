/**
 * Draws the extension's icon (a green shield with a white pharmacy cross and a white rim, so it
 * stands out on light and dark toolbars) at every size the stores ask for, and writes
 * public/icon/<size>.png, where WXT picks them up. `npm run icons` regenerates them; the PNGs are
 * committed, and tests/package/icons.test.ts fails when they no longer match this drawing.
 *
 * No image library: the shapes are tested point by point (16 × 16 samples per pixel for smooth
 * edges) and the PNG is encoded with node:zlib, so the same script gives the same pixels anywhere.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
export const ICON_DIR = resolve('public/icon');

/** White on this green: 7.1:1, far above the 3:1 that WCAG asks of graphics. */
const GREEN: Rgb = [0x0f, 0x5c, 0x2e];
const WHITE: Rgb = [0xff, 0xff, 0xff];
type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

/** The shield's outline on a 128-unit square: a flat-ish top, straight sides, a pointed base. */
const SHIELD: readonly Point[] = (() => {
  const right: Point[] = [];
  const curve = (p0: Point, c0: Point, c1: Point, p1: Point, steps: number) => {
    for (let i = 1; i <= steps; i++) {
      const t = i / steps;
      const u = 1 - t;
      right.push([
        u * u * u * p0[0] + 3 * u * u * t * c0[0] + 3 * u * t * t * c1[0] + t * t * t * p1[0],
        u * u * u * p0[1] + 3 * u * u * t * c0[1] + 3 * u * t * t * c1[1] + t * t * t * p1[1],
      ]);
    }
  };
  right.push([64, 6]);
  curve([64, 6], [80, 16], [96, 18], [116, 18], 24);
  right.push([116, 60]);
  curve([116, 60], [116, 92], [94, 110], [64, 124], 48);
  const left = right.slice(1, -1).reverse().map(([x, y]): Point => [128 - x, y]);
  return [...right, ...left];
})();

/** The rim, in units of the 128 square: wide enough to survive at 16 px (one pixel there). */
const RIM = 8;
/** The cross: two bars centred a little above the middle, where the shield is widest. */
const CROSS = { cx: 64, cy: 60, arm: 30, half: 11 };

/** The outline moved inwards by `by` units (each corner along its bisector, mitred). */
function inset(polygon: readonly Point[], by: number): Point[] {
  const normal = (a: Point, b: Point): Point => {
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    return [-(b[1] - a[1]) / length, (b[0] - a[0]) / length]; // inward for this clockwise outline
  };
  return polygon.map((point, i) => {
    const before = normal(polygon[(i - 1 + polygon.length) % polygon.length]!, point);
    const after = normal(point, polygon[(i + 1) % polygon.length]!);
    const bisector: Point = [before[0] + after[0], before[1] + after[1]];
    const length = Math.hypot(...bisector);
    const scale = by / (((bisector[0] / length) * after[0] + (bisector[1] / length) * after[1]) * length);
    return [point[0] + bisector[0] * scale, point[1] + bisector[1] * scale];
  });
}

/** Where a horizontal line at `y` crosses the outline, sorted: inside is between pairs. */
function crossings(polygon: readonly Point[], y: number): number[] {
  const xs: number[] = [];
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
  }
  return xs.sort((a, b) => a - b);
}

const inside = (x: number, xs: readonly number[]) => xs.filter((at) => at < x).length % 2 === 1;

function inCross(x: number, y: number): boolean {
  const { cx, cy, arm, half } = CROSS;
  const dx = Math.abs(x - cx);
  const dy = Math.abs(y - cy);
  return (dx <= half && dy <= arm) || (dy <= half && dx <= arm);
}

const SHIELD_INSIDE_RIM = inset(SHIELD, RIM);

/** RGBA pixels of the icon at `size` × `size`, with anti-aliased edges. */
export function drawIcon(size: number): Buffer {
  const samples = 16;
  const sums = new Float64Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let sy = 0; sy < samples; sy++) {
      const y = ((py + (sy + 0.5) / samples) * 128) / size;
      const outer = crossings(SHIELD, y);
      const inner = crossings(SHIELD_INSIDE_RIM, y);
      for (let px = 0; px < size; px++) {
        const at = (py * size + px) * 4;
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) * 128) / size;
          if (!inside(x, outer)) continue;
          const colour = inside(x, inner) && !inCross(x, y) ? GREEN : WHITE;
          sums[at]! += colour[0];
          sums[at + 1]! += colour[1];
          sums[at + 2]! += colour[2];
          sums[at + 3]! += 1;
        }
      }
    }
  }
  // Colour averaged over the covered samples, coverage as alpha (straight, not premultiplied).
  const pixels = Buffer.alloc(size * size * 4);
  for (let at = 0; at < pixels.length; at += 4) {
    const covered = sums[at + 3]!;
    if (covered === 0) continue;
    for (let c = 0; c < 3; c++) pixels[at + c] = Math.round(sums[at + c]! / covered);
    pixels[at + 3] = Math.round((covered / (samples * samples)) * 255);
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A minimal PNG: 8-bit RGBA, no filtering, one IDAT chunk. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main(): void {
  mkdirSync(ICON_DIR, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = resolve(ICON_DIR, `${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
