/** The built packages the tests read (`npm run build`, `npm run build:firefox`). */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** PHARMACHECK_OUT_DIR moves the builds (see wxt.config.ts). */
const OUT_DIR = process.env.PHARMACHECK_OUT_DIR ?? '.output';
export const BUILD_DIRS = { chrome: resolve(OUT_DIR, 'chrome-mv3'), firefox: resolve(OUT_DIR, 'firefox-mv3') } as const;
export type BuildName = keyof typeof BUILD_DIRS;
export const BUILD_NAMES = Object.keys(BUILD_DIRS) as BuildName[];

/** A manifest is whatever the build wrote: tests read it field by field. */
export type Manifest = Record<string, any>;

export function readManifest(build: BuildName): Manifest {
  const file = join(BUILD_DIRS[build], 'manifest.json');
  if (!existsSync(file)) throw new Error(`no ${build} build in ${BUILD_DIRS[build]}: run npm run build${build === 'firefox' ? ':firefox' : ''}`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** A PNG's width and height, from its header. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
