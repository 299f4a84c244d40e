/** The catalogues on disk, for the locale tests: each language's file, parsed, and the allowlist. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compileCatalogue, messagesOf, metaOf } from '../../../lib/i18n/compile';
import { parseMessage, type Node } from '../../../lib/i18n/format';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CatalogueSet {
  readonly name: string;
  readonly dir: string;
}

/** The extension's catalogues and the toolkit's: the same format, the same checks. */
export const SETS: readonly CatalogueSet[] = [
  { name: 'extension', dir: join(ROOT, 'locales') },
  { name: 'toolkit', dir: join(ROOT, 'locales/toolkit') },
];

export const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

export function languagesIn(set: CatalogueSet): string[] {
  if (!existsSync(set.dir)) return [];
  return readdirSync(set.dir)
    .filter((f) => f.endsWith('.json') && f !== 'allowlist.json')
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

export function source(set: CatalogueSet, language: string): Record<string, unknown> {
  return readJson(join(set.dir, `${language}.json`));
}

export function messages(set: CatalogueSet, language: string): Record<string, string> {
  return messagesOf(source(set, language));
}

export function placeholders(set: CatalogueSet, key: string): string[] {
  return Object.keys(metaOf(source(set, 'en'), key).placeholders ?? {});
}

/** Parses, or the error's text, so a test can list every broken message at once. */
export function tryParse(message: string): Node[] | string {
  try {
    return parseMessage(message);
  } catch (error) {
    return (error as Error).message;
  }
}

interface Allowlist {
  everywhere: Record<string, string>;
  languages: Record<string, Record<string, string>>;
  terms: string[];
}

export const allowlist = readJson(join(ROOT, 'locales/allowlist.json')) as unknown as Allowlist;

/** A catalogue whose every message is its key and its arguments ("key|a|b"), so a test sees what was asked. */
export function echoCatalogue(): import('../../../lib/i18n/compile').ShippedCatalogue {
  const en = source(SETS[0]!, 'en');
  const keys = Object.keys(messagesOf(en));
  const args = Object.fromEntries(keys.map((key) => [key, Object.keys(metaOf(en, key).placeholders ?? {})]));
  return {
    format: 1,
    language: 'en',
    messages: Object.fromEntries(keys.map((key) => [key, [key, ...args[key]!.map((name) => `{${name}}`)].join('|')])),
    args: Object.fromEntries(Object.entries(args).filter(([, names]) => names.length > 0)),
  };
}

export function readLocale(code: string): Record<string, unknown> {
  return readJson(join(ROOT, 'locales', `${code}.json`));
}

/** The package's messages/<code>.json, as the build writes them, served to the background's fetch. */
export function serveCatalogues(): string[] {
  const asked: string[] = [];
  // The fake browser has no UI language; Chromium in English says en-US.
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const code = /messages\/([\w-]+)\.json$/.exec(String(input))?.[1];
    asked.push(code ?? String(input));
    if (!code) return new Response('', { status: 404 });
    return Response.json(compileCatalogue(code, readLocale(code), readLocale('en')).catalogue);
  });
  return asked;
}
