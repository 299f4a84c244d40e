/**
 * The background's language, for the badge's title and the page notices. Each call puts the chosen
 * language's catalogue in use, fetched once and kept (load.ts). Where onBackgroundLanguageChange
 * listens, the setting is read once and then remembered until it changes (storage.onChanged, which
 * also tells of a change made in another tab): the badge asks at every navigation, and in Firefox each storage read is a round trip to the
 * parent process, which also carries the pages' loads (README, "Page load"). A service worker that
 * wakes starts with nothing remembered, so it never keeps a stale language.
 */
import { browser } from 'wxt/browser';
import { fetchExtensionJson } from '../platform/extension-files';
import { loadLanguage } from './load';
import { chosenLanguage, readLanguageSetting, watchLanguageSetting, type LanguageSetting } from './setting';

function browserTags(): string[] {
  return [browser.i18n.getUILanguage(), ...(globalThis.navigator?.languages ?? [])];
}

let setting: Promise<LanguageSetting> | null = null;
/** How many onBackgroundLanguageChange listeners hear changes: only then is the setting remembered. */
let watchers = 0;

function forgetSetting(): void {
  setting = null;
}

/**
 * The language setting, read once and remembered until it changes, where onBackgroundLanguageChange
 * listens (the background does from its start); read each time elsewhere. A failed read is not remembered.
 */
function knownSetting(): Promise<LanguageSetting> {
  if (watchers === 0) return readLanguageSetting();
  if (setting) return setting;
  const read = readLanguageSetting();
  setting = read;
  read.catch(() => {
    if (setting === read) setting = null;
  });
  return read;
}

/** Resolves once the chosen language's catalogue is in use in the background; to that language. */
export async function backgroundLanguage(): Promise<string> {
  return loadLanguage(chosenLanguage(await knownSetting(), browserTags()), fetchExtensionJson);
}

/** Calls back once the new language's catalogue is in use, after the setting changed. */
export function onBackgroundLanguageChange(listener: () => void): () => void {
  const stop = watchLanguageSetting(() => {
    forgetSetting();
    void backgroundLanguage().then(listener, (error: unknown) => console.error(error));
  });
  watchers++;
  return () => {
    stop();
    watchers--;
    forgetSetting();
  };
}
