/** Loading everything a page needs for guidance: the person's language, country and data. */
import { browser, type PublicPath } from 'wxt/browser';
import { uiLanguage } from '../i18n';
import { resolveCountry, type CountryData, type ResolvedCountry } from './country';
import { guidanceLanguageFor } from './languages';
import { loadCountryData, loadGuidance, type FetchJson } from './load';
import type { Guidance } from './schema';
import type { CountrySetting } from './settings-value';

export const fetchExtensionJson: FetchJson = async (path) => {
  const response = await fetch(browser.runtime.getURL(`/${path}` as PublicPath));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
};

export interface PageGuidance {
  readonly guidance: Guidance;
  readonly data: CountryData;
  readonly country: ResolvedCountry;
}

export async function loadPageGuidance(setting: CountrySetting): Promise<PageGuidance> {
  const [guidance, data] = await Promise.all([
    loadGuidance(guidanceLanguageFor(uiLanguage()), fetchExtensionJson),
    loadCountryData(fetchExtensionJson),
  ]);
  return { guidance, data, country: resolveCountry(setting, navigator.languages, data) };
}
