/**
 * What the packages weigh (`npm run zip` prints this after zipping): each store package and its
 * installed size, and the JavaScript each page loads before it can render, gzipped, which is what
 * the budget (60 KB for the popup and the warning page) is about. List data is not JavaScript and
 * is not counted; it is fetched from the package by the background on first run.
 *
 * A page's JavaScript is its <script> and modulepreload files plus everything they import
 * statically, each file counted once; `import()`ed chunks load later and are listed apart.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** PHARMACHECK_OUT_DIR moves the builds and the packages (see wxt.config.ts). */
const OUT_DIR = process.env.PHARMACHECK_OUT_DIR ?? '.output';
export const BUILDS = { chrome: resolve(OUT_DIR, 'chrome-mv3'), firefox: resolve(OUT_DIR, 'firefox-mv3') } as const;
export const PAGES = ['popup', 'warning', 'options'] as const;

export interface EntrySize {
  readonly files: string[];
  readonly bytes: number;
  readonly gzipped: number;
  readonly lazy: string[];
}

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Static import specifiers of a built ES module (minified: `from"./x.js"`, `import"./x.js"`). */
function imports(source: string): { eager: string[]; lazy: string[] } {
  const eager = [...source.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => m[1]!);
  const lazy = [...source.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)].map((m) => m[1]!);
  return { eager, lazy };
}

/** The JavaScript `page`.html loads before it renders, in the build at `dir`. */
export function entrySize(dir: string, page: string): EntrySize {
  const html = readFileSync(join(dir, `${page}.html`), 'utf8');
  const roots = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  if (roots.length === 0) throw new Error(`${page}.html loads no script`);
  const seen = new Set<string>();
  const lazy = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const found = imports(readFileSync(join(dir, file), 'utf8'));
    for (const spec of found.eager) queue.push(posix.join(posix.dirname(file), spec));
    for (const spec of found.lazy) lazy.add(posix.join(posix.dirname(file), spec));
  }
  const files = [...seen].sort();
  return {
    files,
    bytes: files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0),
    gzipped: files.reduce((sum, f) => sum + gzipped(join(dir, f)), 0),
    lazy: [...lazy].filter((f) => !seen.has(f)).sort(),
  };
}

/** Total size of the files in a directory tree: what the browser stores once installed. */
export function installedSize(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function main(): void {
  const zips = existsSync(OUT_DIR) ? readdirSync(OUT_DIR).filter((f) => f.endsWith('.zip')).sort() : [];
  console.log('| package | size |\n|---|---|');
  for (const zip of zips) console.log(`| \`${relative('.', join(OUT_DIR, zip))}\` | ${kb(statSync(join(OUT_DIR, zip)).size)} |`);
  console.log('\n| build | installed size |\n|---|---|');
  for (const [name, dir] of Object.entries(BUILDS)) if (existsSync(dir)) console.log(`| ${name} | ${kb(installedSize(dir))} |`);
  console.log('\n| build | page | JavaScript | gzipped |\n|---|---|---|---|');
  for (const [name, dir] of Object.entries(BUILDS)) {
    if (!existsSync(dir)) continue;
    for (const page of PAGES) {
      const size = entrySize(dir, page);
      console.log(`| ${name} | ${page} | ${kb(size.bytes)} | ${kb(size.gzipped)} |`);
    }
    const background = join(dir, 'background.js');
    console.log(`| ${name} | background | ${kb(statSync(background).size)} | ${kb(gzipped(background))} |`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
