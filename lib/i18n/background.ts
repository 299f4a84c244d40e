/**
 * The background's language, for the badge's title and the page notices. Each call puts the chosen
 * language's catalogue in use, fetched once and kept (load.ts). Where onBackgroundLanguageChange
 * listens, the setting is read once and then remembered until it changes (storage.onChanged, which
 * also tells of a change made in another tab), since the badge asks at every navigation
 * (lib/platform/remembered.ts). A service worker that wakes starts with nothing remembered, so it
 * never keeps a stale language.
 */
import { browser } from 'wxt/browser';
import { fetchExtensionJson } from '../platform/extension-files';
import { remembered } from '../platform/remembered';
import { loadLanguage } from './load';
import { chosenLanguage, readLanguageSetting, watchLanguageSetting } from './setting';

function browserTags(): string[] {
  return [browser.i18n.getUILanguage(), ...(globalThis.navigator?.languages ?? [])];
}

/** The language setting, remembered where onBackgroundLanguageChange listens (the background, from its start). */
const setting = remembered(readLanguageSetting);

/** Resolves once the chosen language's catalogue is in use in the background; to that language. */
export async function backgroundLanguage(): Promise<string> {
  return loadLanguage(chosenLanguage(await setting.get(), browserTags()), fetchExtensionJson);
}

/** Calls back once the new language's catalogue is in use, after the setting changed. */
export function onBackgroundLanguageChange(listener: () => void): () => void {
  const stop = watchLanguageSetting(() => {
    setting.forget();
    void backgroundLanguage().then(listener, (error: unknown) => console.error(error));
  });
  const ended = setting.listening();
  return () => {
    stop();
    ended();
  };
}
