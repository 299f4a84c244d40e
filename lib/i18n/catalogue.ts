/**
 * The catalogue in use and t(). Synchronous for callers: a page loads its language before it
 * renders (page.ts) and the background before it writes a badge (background.ts). The keys are
 * typed from the English catalogue, so a key English lacks fails the type check.
 */
import type english from '../../locales/en.json';
import type { ShippedCatalogue } from './compile';
import { formatParts, parseMessage, type Arg, type Node } from './format';
import { languageInfo } from './languages';

export type MessageKey = Exclude<keyof typeof english, `@${string}`>;

let current: ShippedCatalogue | null = null;
const parsed = new Map<string, Node[]>();

export function useCatalogue(catalogue: ShippedCatalogue): void {
  current = catalogue;
  parsed.clear();
}

function catalogue(): ShippedCatalogue {
  if (!current) throw new Error('no message catalogue loaded yet (lib/i18n/page.ts loads one before a page renders)');
  return current;
}

export function currentLanguage(): string {
  return current?.language ?? 'en';
}

export function currentDir(): 'ltr' | 'rtl' {
  return languageInfo(currentLanguage())?.dir ?? 'ltr';
}

function parse(key: string): Node[] {
  let nodes = parsed.get(key);
  if (!nodes) {
    const text = catalogue().messages[key] ?? key;
    try {
      nodes = parseMessage(text);
    } catch (error) {
      // The locale tests parse every message; should one slip through, show its text as it is.
      console.error(error);
      nodes = [text];
    }
    parsed.set(key, nodes);
  }
  return nodes;
}

function named<T>(key: string, subs: readonly (Arg | T)[]): Record<string, Arg | T> {
  const names = catalogue().args[key] ?? [];
  return Object.fromEntries(names.map((name, i) => [name, subs[i] ?? '']));
}

/** The message in the person's language, its arguments in the order English declares them. */
export function t(key: MessageKey, ...subs: Arg[]): string {
  return formatParts(parse(key), named(key, subs), currentLanguage()).join('');
}

/** The message as parts, for a page that puts an element (a domain in its own isolate) inside a sentence. */
export function tParts<T>(key: MessageKey, ...subs: (Arg | T)[]): (string | T)[] {
  return formatParts<T>(parse(key), named(key, subs), currentLanguage());
}
