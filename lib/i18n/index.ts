/**
 * Every user-facing string goes through here: Pharmacheck's own catalogues (locales/<code>.json,
 * shipped as messages/<code>.json), in the language the person chose in the options or, by
 * default, the browser's. Plurals, numbers, dates and lists through Intl, in that language.
 * docs/translating.md says how a language is added and what checks it.
 */
import { currentLanguage } from './catalogue';
import { formatNumberIn } from './format';

export { currentDir, currentLanguage, t, tParts, useCatalogue, type MessageKey } from './catalogue';
export { FSI, isolateArg, isolateLtr, LRI, PDI } from './bidi';
export { DEFAULT_LANGUAGE, isLanguageCode, LANGUAGES, languageInfo, resolveLanguage, SPOKEN_LANGUAGES, type Language, type LanguageCode } from './languages';
export { chosenLanguage, parseLanguageSetting, readLanguageSetting, watchLanguageSetting, writeLanguageSetting, type LanguageSetting } from './setting';

/** The language pages write in (the catalogue in use). */
export function uiLanguage(): string {
  return currentLanguage();
}

/** A date as the person's language writes it ("22 November 2026", "22 novembre 2026"). */
export function formatDate(isoDate: string, language = currentLanguage()): string {
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A date and time as the person's language writes it. */
export function formatDateTime(iso: string, language = currentLanguage()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatNumber(value: number, language = currentLanguage()): string {
  return formatNumberIn(language, value);
}

/** "A, B and C" as the language writes a list (Intl.ListFormat), never joined with commas by hand. */
export function formatList(items: readonly string[], language = currentLanguage(), type: 'conjunction' | 'unit' = 'conjunction'): string {
  return new Intl.ListFormat(language, { type, style: type === 'unit' ? 'short' : 'long' }).format(items);
}
