/**
 * The language setting (`chrome.storage.local` key "language"): "auto" (the browser's language, as
 * far as Pharmacheck has it) or a language code from lib/i18n/languages.ts.
 */
import { storage } from 'wxt/utils/storage';
import { isLanguageCode, resolveLanguage, type LanguageCode } from './languages';

export type LanguageSetting = 'auto' | LanguageCode;

const languageItem = storage.defineItem<unknown>('local:language', { fallback: 'auto' });

/** A stored value from any version or any hand: anything unexpected means "auto". */
export function parseLanguageSetting(value: unknown): LanguageSetting {
  return isLanguageCode(value) ? value : 'auto';
}

export async function readLanguageSetting(): Promise<LanguageSetting> {
  return parseLanguageSetting(await languageItem.getValue());
}

export async function writeLanguageSetting(setting: LanguageSetting): Promise<void> {
  if (parseLanguageSetting(setting) !== setting) throw new Error(`not a language setting: ${String(setting)}`);
  await languageItem.setValue(setting);
}

export function watchLanguageSetting(callback: (setting: LanguageSetting) => void): () => void {
  return languageItem.watch((value) => callback(parseLanguageSetting(value)));
}

/** The language a setting stands for, given the browser's UI language and preferred languages. */
export function chosenLanguage(setting: LanguageSetting, browserTags: readonly string[]): LanguageCode {
  return setting === 'auto' ? resolveLanguage(browserTags) : setting;
}
