/** The languages guidance is written in: every language Pharmacheck speaks (a test checks each file). */
import { LANGUAGES, resolveLanguage, type LanguageCode } from '../i18n/languages';

export const GUIDANCE_LANGUAGES = LANGUAGES.map((l) => l.code) as [LanguageCode, ...LanguageCode[]];
export type GuidanceLanguage = LanguageCode;

/**
 * The guidance language for the language the page speaks (lib/i18n: the person's setting, else
 * the browser's): the same one, so the guidance and the page's other strings never disagree.
 */
export function guidanceLanguageFor(language: string): GuidanceLanguage {
  return resolveLanguage([language]);
}
