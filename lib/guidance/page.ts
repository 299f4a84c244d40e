/** Loading everything a page needs for guidance: the person's language, country and data. */
import { currentLanguage } from '../i18n/catalogue';
import { fetchExtensionJson } from '../platform/extension-files';
import { resolveCountry, type CountryData, type ResolvedCountry } from './country';
import { guidanceLanguageFor } from './languages';
import { loadCountryData, loadGuidance } from './load';
import type { Guidance } from './schema';
import type { CountrySetting } from './settings-value';

export { fetchExtensionJson };

export interface PageGuidance {
  readonly guidance: Guidance;
  readonly data: CountryData;
  readonly country: ResolvedCountry;
}

export async function loadPageGuidance(setting: CountrySetting): Promise<PageGuidance> {
  const [guidance, data] = await Promise.all([
    loadGuidance(guidanceLanguageFor(currentLanguage()), fetchExtensionJson),
    loadCountryData(fetchExtensionJson),
  ]);
  return { guidance, data, country: resolveCountry(setting, navigator.languages, data) };
}
