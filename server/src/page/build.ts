/**
 * Builds the review page (Preact, server/review/) with esbuild when the hub starts, into memory:
 * no build step to forget and no stale bundle; it takes a fraction of a second. esbuild comes with
 * vite and tsx, which the hub already needs to run from source.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export interface PageAssets {
  readonly js: string;
  readonly css: string;
}

const ENTRY = fileURLToPath(new URL('../../review/main.tsx', import.meta.url));

let cached: Promise<PageAssets> | null = null;

export function buildReviewPage(): Promise<PageAssets> {
  cached ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: 'out',
    entryNames: 'app',
    legalComments: 'none',
    logLevel: 'silent',
  }).then((result) => {
    const text = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? '';
    return { js: text('.js'), css: text('.css') };
  });
  return cached;
}
