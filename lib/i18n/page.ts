/**
 * A page's start: the person's language is chosen (the setting, else the browser's), its catalogue
 * loaded, <html lang dir> and the title set, and only then the page rendered. A change of the
 * setting in any tab loads the new language and renders the page again, keeping its state.
 */
import { browser } from 'wxt/browser';
import { fetchExtensionJson } from '../platform/extension-files';
import { t, type MessageKey } from './catalogue';
import { languageInfo } from './languages';
import { loadLanguage } from './load';
import { chosenLanguage, readLanguageSetting, watchLanguageSetting, type LanguageSetting } from './setting';

/** The browser's UI language first, then the person's preferred languages. */
export function browserLanguages(): string[] {
  return [browser.i18n.getUILanguage(), ...navigator.languages];
}

/** Sets the document's language and direction so screen readers pronounce it and the layout mirrors. */
export function localizeDocument(language: string, titleKey: MessageKey): void {
  document.documentElement.lang = language;
  document.documentElement.dir = languageInfo(language)?.dir ?? 'ltr';
  document.title = t(titleKey);
}

async function apply(setting: LanguageSetting, titleKey: MessageKey): Promise<void> {
  const language = await loadLanguage(chosenLanguage(setting, browserLanguages()), fetchExtensionJson);
  localizeDocument(language, titleKey);
}

export async function startPage(titleKey: MessageKey, render: () => void): Promise<void> {
  await apply(await readLanguageSetting(), titleKey);
  render();
  watchLanguageSetting((setting) => void apply(setting, titleKey).then(render));
}
