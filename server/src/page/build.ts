/**
 * The review page (Preact, server/review/): prebuilt into the hub's package by
 * scripts/build-packages.ts, which sets __PHARMACHECK_REVIEW_PAGE__; run from the source (a
 * checkout, the tests), it is built here with esbuild, in memory, when the hub starts (a fraction
 * of a second; esbuild is a devDependency, which an installed hub never needs).
 */
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

export interface PageAssets {
  readonly js: string;
  readonly css: string;
}

declare const __PHARMACHECK_REVIEW_PAGE__: PageAssets | undefined;

/** How the page is bundled, here and at pack time alike. */
export function reviewPageBuildOptions(entry = fileURLToPath(new URL('../../review/main.tsx', import.meta.url))): BuildOptions & { write: false } {
  return {
    entryPoints: [entry],
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
  };
}

export async function buildReviewPageNow(entry?: string): Promise<PageAssets> {
  const { build } = await import('esbuild');
  const result = await build(reviewPageBuildOptions(entry));
  const text = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? '';
  return { js: text('.js'), css: text('.css') };
}

let cached: Promise<PageAssets> | null = null;

export function buildReviewPage(): Promise<PageAssets> {
  if (typeof __PHARMACHECK_REVIEW_PAGE__ !== 'undefined') return Promise.resolve(__PHARMACHECK_REVIEW_PAGE__);
  cached ??= buildReviewPageNow();
  return cached;
}
