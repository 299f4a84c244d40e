/**
 * `npm run i18n:import`: moves messages written in the browser's format (public/_locales/<dir>/
 * messages.json, as a branch may still add them) into Pharmacheck's catalogues (locales/<code>.json),
 * then writes public/_locales back with only what the browser itself reads (manifest.ts).
 *   - a key the catalogue lacks is added ($NAME$ placeholders become {name}; English keeps the
 *     description and the placeholder order);
 *   - a key the catalogue has keeps the catalogue's text (it may have plural forms now); the
 *     script lists those whose text differs, and `--overwrite` takes the imported text instead.
 * `npm run i18n:sync` only rewrites public/_locales from the catalogues (a test checks they agree).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { browserLocaleFiles } from '../lib/i18n/manifest';
import { LANGUAGES, type Language } from '../lib/i18n/languages';
import { chromeToCatalogue, type ChromeMessages } from '../lib/i18n/import';

const ROOT = resolve(import.meta.dirname, '..');
const PUBLIC_LOCALES = join(ROOT, 'public/_locales');
const LOCALES = join(ROOT, 'locales');

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const writeJson = (path: string, value: unknown) => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

function codeFor(dir: string): string {
  const language = (LANGUAGES as readonly Language[]).find((l) => l.browserLocale === dir || l.code === dir.replace('_', '-'));
  if (!language) throw new Error(`public/_locales/${dir}: no language in lib/i18n/languages.ts uses this locale; add it there first`);
  return language.code;
}

function importAll(overwrite: boolean): void {
  const dirs = existsSync(PUBLIC_LOCALES) ? readdirSync(PUBLIC_LOCALES).sort() : [];
  // English first: the others need its placeholder order.
  dirs.sort((a, b) => Number(codeFor(b) === 'en') - Number(codeFor(a) === 'en'));
  let english: Record<string, unknown> | null = null;
  for (const dir of dirs) {
    const code = codeFor(dir);
    const file = join(LOCALES, `${code}.json`);
    const current = existsSync(file) ? readJson(file) : { '@@locale': code };
    const chrome = readJson(join(PUBLIC_LOCALES, dir, 'messages.json')) as ChromeMessages;
    const { catalogue, added, differing } = chromeToCatalogue(chrome, current, code === 'en' ? null : (english ?? readJson(join(LOCALES, 'en.json'))), overwrite);
    writeJson(file, catalogue);
    if (code === 'en') english = catalogue;
    console.log(`${code}: ${added.length} key(s) added${added.length ? ` (${added.slice(0, 12).join(', ')}${added.length > 12 ? ', …' : ''})` : ''}`);
    for (const key of differing) console.log(`${code}: ${key} differs from the imported text; ${overwrite ? 'took the imported text' : 'kept the catalogue (use --overwrite to take the import)'}`);
  }
}

function sync(): void {
  const files = browserLocaleFiles(LOCALES);
  rmSync(PUBLIC_LOCALES, { recursive: true, force: true });
  for (const [dir, messages] of files) {
    mkdirSync(join(PUBLIC_LOCALES, dir), { recursive: true });
    writeJson(join(PUBLIC_LOCALES, dir, 'messages.json'), messages);
  }
  console.log(`public/_locales: ${[...files.keys()].sort().join(', ')}`);
}

const [command, ...flags] = process.argv.slice(2);
if (command === 'import') {
  importAll(flags.includes('--overwrite'));
  sync();
} else if (command === 'sync') sync();
else {
  console.error('usage: tsx scripts/i18n.ts import [--overwrite] | sync');
  process.exitCode = 2;
}
