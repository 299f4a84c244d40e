/**
 * A signal's reason in English, as the extension would show it with an English UI: the message
 * from locales/en.json with its arguments filled in (lib/i18n, the pages' own formatter). For the
 * toolkit and the evaluation, in Node.
 */
import englishSource from '../../../locales/en.json';
import { compileCatalogue, messagesOf, type SourceCatalogue } from '../../i18n/compile';
import { createTranslator, type Translator } from '../../i18n/translator';
import type { Signal } from '../types';

let english: { readonly keys: ReadonlySet<string>; readonly translator: Translator<string> } | null = null;

function load(): NonNullable<typeof english> {
  if (!english) {
    // Imported, not read from disk: the toolkit's package bundles it.
    const source = englishSource as SourceCatalogue;
    english = { keys: new Set(Object.keys(messagesOf(source))), translator: createTranslator(compileCatalogue('en', source, source).catalogue) };
  }
  return english;
}

export function englishReason(reason: Signal['reason']): string {
  const { keys, translator } = load();
  if (!keys.has(reason.key)) return `${reason.key}${reason.subs.length ? `: ${reason.subs.join(', ')}` : ''}`;
  return translator.t(reason.key, ...reason.subs);
}
