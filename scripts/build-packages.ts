/**
 * `npm run build:packages` (and `npm pack`, through `prepack`): the list toolkit and the hub as
 * JavaScript that runs on Node with the package's runtime dependencies only (no TypeScript, no
 * tsx, no esbuild, none of the extension's own libraries):
 *   dist/toolkit/pharmacheck.js       lib/toolkit/main.ts, bundled
 *   dist/hub/pharmacheck-hub.js       server/src/cli/index.ts, bundled, with the review page prebuilt in it
 *   dist/hub/migrations/*.sql         the hub's migrations (read beside the bundle, as beside their source)
 * Both bundles sit two folders deep, like their sources, so paths they resolve from their own
 * location (the package's package.json, the migrations) are the same. The build fails when a
 * bundle would import anything but Node's own modules and the package's dependencies.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { buildReviewPageNow, type PageAssets } from '../server/src/page/build';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { dependencies: Record<string, string> };
const dependencies = Object.keys(pkg.dependencies);

/** Bundled code the tools never run (the extension's IndexedDB layer, reached through lib/lists' index) is left out. */
const unusedIsDroppable: Plugin = {
  name: 'side-effect-free',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^dexie$/ }, async (args) => {
      if (args.pluginData === 'again') return undefined;
      const resolved = await pluginBuild.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'again' });
      return { path: resolved.path, sideEffects: false };
    });
  },
};

/** The hub's review page, built now, in place of the module that would build it at start. */
function prebuiltReviewPage(page: PageAssets): Plugin {
  return {
    name: 'prebuilt-review-page',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /server\/src\/page\/assets\.ts$/ }, () => ({
        contents: `export const reviewPageAssets = () => Promise.resolve(${JSON.stringify(page)});\n`,
        loader: 'js',
      }));
    },
  };
}

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: dependencies,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [unusedIsDroppable],
  // Some bundled CommonJS may call require(); ES modules have none of their own.
  banner: { js: "import { createRequire as __pharmacheckRequire } from 'node:module';\nconst require = __pharmacheckRequire(import.meta.url);" },
};

function checkImports(outfile: string, metafile: NonNullable<Awaited<ReturnType<typeof build>>['metafile']>): void {
  const builtins = new Set(builtinModules);
  for (const [file, output] of Object.entries(metafile.outputs)) {
    for (const { path, external } of output.imports) {
      if (!external) continue;
      const name = path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]!;
      if (path.startsWith('node:') || builtins.has(name) || dependencies.includes(name)) continue;
      throw new Error(`${outfile} (${file}) imports ${path}, which is not a dependency of the package`);
    }
  }
}

async function bundle(entry: string, outfile: string, extra: BuildOptions = {}): Promise<void> {
  const result = await build({ ...common, ...extra, entryPoints: [`${root}${entry}`], outfile: `${root}${outfile}` });
  checkImports(outfile, result.metafile!);
  console.log(`  ${outfile}  ${(statSync(`${root}${outfile}`).size / 1024).toFixed(0)} KB`);
}

rmSync(`${root}dist`, { recursive: true, force: true });
console.log('Building the toolkit and the hub packages:');
await bundle('lib/toolkit/main.ts', 'dist/toolkit/pharmacheck.js');
const page = await buildReviewPageNow();
await bundle('server/src/cli/index.ts', 'dist/hub/pharmacheck-hub.js', { plugins: [unusedIsDroppable, prebuiltReviewPage(page)] });
mkdirSync(`${root}dist/hub/migrations`, { recursive: true });
cpSync(`${root}server/src/db/migrations`, `${root}dist/hub/migrations`, { recursive: true });
console.log('  dist/hub/migrations/');
