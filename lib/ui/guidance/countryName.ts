/** Country names in the person's language ("Allemagne", "Germania"), from the browser's own data. */
import { uiLanguage } from '../../i18n';

let names: Intl.DisplayNames | null = null;

export function countryName(code: string, fallback?: string): string {
  try {
    names ??= new Intl.DisplayNames([uiLanguage(), 'en'], { type: 'region', fallback: 'none' });
    return names.of(code) ?? fallback ?? code;
  } catch {
    return fallback ?? code;
  }
}

/** Countries sorted as the person's language sorts them. */
export function sortByName(codes: readonly string[]): string[] {
  const collator = new Intl.Collator(uiLanguage());
  return [...codes].sort((a, b) => collator.compare(countryName(a), countryName(b)));
}
