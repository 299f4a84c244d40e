/** The person's country for guidance, in extension storage (`chrome.storage.local` key "guidanceCountry"). */
import { storage } from 'wxt/utils/storage';
import { parseCountrySetting, type CountrySetting } from './settings-value';

const countryItem = storage.defineItem<unknown>('local:guidanceCountry', { fallback: 'auto' });

export async function readCountrySetting(): Promise<CountrySetting> {
  return parseCountrySetting(await countryItem.getValue());
}

export async function writeCountrySetting(setting: CountrySetting): Promise<void> {
  if (parseCountrySetting(setting) !== setting) throw new Error(`not a country setting: ${setting}`);
  await countryItem.setValue(setting);
}

/** Calls back with the new setting whenever it changes (in any tab). Returns the unsubscribe. */
export function watchCountrySetting(callback: (setting: CountrySetting) => void): () => void {
  return countryItem.watch((value) => callback(parseCountrySetting(value)));
}
