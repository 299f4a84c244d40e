/**
 * The background's language, for the badge's title and the page notices. Each call reads the
 * setting (one storage read) and puts that language's catalogue in use, fetched once and kept
 * (load.ts), so a service worker that wakes, or a setting changed in another tab, never leaves a
 * stale language behind.
 */
import { browser } from 'wxt/browser';
import { fetchExtensionJson } from '../platform/extension-files';
import { loadLanguage } from './load';
import { chosenLanguage, readLanguageSetting, watchLanguageSetting } from './setting';

function browserTags(): string[] {
  return [browser.i18n.getUILanguage(), ...(globalThis.navigator?.languages ?? [])];
}

/** Resolves once the chosen language's catalogue is in use in the background; to that language. */
export async function backgroundLanguage(): Promise<string> {
  return loadLanguage(chosenLanguage(await readLanguageSetting(), browserTags()), fetchExtensionJson);
}

/** Calls back once the new language's catalogue is in use, after the setting changed. */
export function onBackgroundLanguageChange(listener: () => void): () => void {
  return watchLanguageSetting(() => void backgroundLanguage().then(listener, (error: unknown) => console.error(error)));
}
