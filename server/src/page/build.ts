/**
 * Building the review page (Preact, server/review/) with esbuild, in memory: when the hub starts
 * from its source (assets.ts), and once at pack time for the package (scripts/build-packages.ts).
 * esbuild is a devDependency, which an installed hub never needs.
 */
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

export interface PageAssets {
  readonly js: string;
  readonly css: string;
}

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
