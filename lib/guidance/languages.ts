/** The languages guidance is written in, and which one a person gets. */
export const GUIDANCE_LANGUAGES = ['en', 'fr', 'de', 'it', 'es'] as const;
export type GuidanceLanguage = (typeof GUIDANCE_LANGUAGES)[number];

/**
 * The guidance language for the browser's UI language ("fr", "fr-CA", "pt-BR"): the same
 * language when Pharmacheck has it, English otherwise, which is also the extension's default
 * locale, so the guidance and the page's other strings never disagree.
 */
export function guidanceLanguageFor(uiLanguage: string): GuidanceLanguage {
  const base = uiLanguage.toLowerCase().split(/[-_]/)[0] ?? '';
  return (GUIDANCE_LANGUAGES as readonly string[]).includes(base) ? (base as GuidanceLanguage) : 'en';
}
