/**
 * The background's language, for the badge's title and the page notices: loaded on first need and
 * kept, loaded again when the setting changes (the callbacks then refresh what was written).
 */
import { fetchExtensionJson } from '../platform/extension-files';
import { loadLanguage } from './load';
import { browser } from 'wxt/browser';
import { chosenLanguage, readLanguageSetting, watchLanguageSetting } from './setting';

let ready: Promise<string> | null = null;
const listeners = new Set<() => void>();
let watching = false;

function browserTags(): string[] {
  return [browser.i18n.getUILanguage(), ...(globalThis.navigator?.languages ?? [])];
}

/** Resolves once the chosen language's catalogue is in use in the background; to the language. */
export function backgroundLanguage(): Promise<string> {
  if (!watching) {
    watching = true;
    watchLanguageSetting(() => {
      ready = null;
      void backgroundLanguage().then(() => listeners.forEach((listener) => listener()));
    });
  }
  ready ??= readLanguageSetting()
    .then((setting) => loadLanguage(chosenLanguage(setting, browserTags()), fetchExtensionJson))
    .catch((error: unknown) => {
      ready = null;
      throw error;
    });
  return ready;
}

/** Calls back after the language changed and its catalogue is in use. */
export function onBackgroundLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
