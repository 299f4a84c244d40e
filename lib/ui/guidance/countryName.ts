/** Country names in the person's language ("Allemagne", "Germania"), from the browser's own data. */
import { uiLanguage } from '../../i18n';

const names = new Map<string, Intl.DisplayNames>();

export function countryName(code: string, fallback?: string): string {
  try {
    const language = uiLanguage();
    let display = names.get(language);
    if (!display) names.set(language, (display = new Intl.DisplayNames([language, 'en'], { type: 'region', fallback: 'none' })));
    return display.of(code) ?? fallback ?? code;
  } catch {
    return fallback ?? code;
  }
}

/** Countries sorted as the person's language sorts them. */
export function sortByName(codes: readonly string[]): string[] {
  const collator = new Intl.Collator(uiLanguage());
  return [...codes].sort((a, b) => collator.compare(countryName(a), countryName(b)));
}
