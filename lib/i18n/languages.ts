/**
 * The languages Pharmacheck speaks, and which one a person gets. Adding a language starts with one
 * line here (docs/translating.md); tests then ask for its catalogue, guidance and glossary.
 * No imports: the build configuration and the toolkit read this file too.
 */
export interface Language {
  /** BCP 47 tag: the file names (locales/<code>.json, data/guidance/<code>.json) and <html lang>. */
  readonly code: string;
  /** The language's name in itself, for the language menu. */
  readonly name: string;
  readonly dir: 'ltr' | 'rtl';
  /**
   * The browser's own _locales directory for this language (the extension's name, description and
   * toolbar title), when both Chrome and Firefox accept one: Chrome only knows the locales the
   * Chrome Web Store lists, so Irish or Maltese, say, have none and the browser shows English there.
   */
  readonly browserLocale: string | null;
  /** Other tags a browser may report for it ("no" and "nn" for Norwegian Bokmål). */
  readonly aliases?: readonly string[];
  /** Generated from English for tests only, never offered in the menu (docs/translating.md). */
  readonly pseudo?: true;
}

export const LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr', browserLocale: 'en' },
  { code: 'fr', name: 'Français', dir: 'ltr', browserLocale: 'fr' },
  { code: 'de', name: 'Deutsch', dir: 'ltr', browserLocale: 'de' },
  { code: 'it', name: 'Italiano', dir: 'ltr', browserLocale: 'it' },
  { code: 'es', name: 'Español', dir: 'ltr', browserLocale: 'es' },
  { code: 'ar', name: 'العربية', dir: 'rtl', browserLocale: 'ar' },
  { code: 'pt', name: 'Português', dir: 'ltr', browserLocale: 'pt_PT' },
  { code: 'ro', name: 'Română', dir: 'ltr', browserLocale: 'ro', aliases: ['mo'] },
  { code: 'hu', name: 'Magyar', dir: 'ltr', browserLocale: 'hu' },
  { code: 'et', name: 'Eesti', dir: 'ltr', browserLocale: 'et' },
  { code: 'lv', name: 'Latviešu', dir: 'ltr', browserLocale: 'lv' },
  { code: 'lt', name: 'Lietuvių', dir: 'ltr', browserLocale: 'lt' },
  { code: 'bg', name: 'Български', dir: 'ltr', browserLocale: 'bg' },
  { code: 'mk', name: 'Македонски', dir: 'ltr', browserLocale: null },
  { code: 'ru', name: 'Русский', dir: 'ltr', browserLocale: 'ru' },
  { code: 'uk', name: 'Українська', dir: 'ltr', browserLocale: 'uk' },
  { code: 'el', name: 'Ελληνικά', dir: 'ltr', browserLocale: 'el' },
  { code: 'hy', name: 'Հայերեն', dir: 'ltr', browserLocale: null },
  { code: 'tr', name: 'Türkçe', dir: 'ltr', browserLocale: 'tr' },
  { code: 'sq', name: 'Shqip', dir: 'ltr', browserLocale: null },
  { code: 'mt', name: 'Malti', dir: 'ltr', browserLocale: null },
  { code: 'ga', name: 'Gaeilge', dir: 'ltr', browserLocale: null },
  { code: 'az', name: 'Azərbaycan dili', dir: 'ltr', browserLocale: null },
  { code: 'ka', name: 'ქართული', dir: 'ltr', browserLocale: null },
  { code: 'pl', name: 'Polski', dir: 'ltr', browserLocale: 'pl' },
  { code: 'cs', name: 'Čeština', dir: 'ltr', browserLocale: 'cs' },
  { code: 'sk', name: 'Slovenčina', dir: 'ltr', browserLocale: 'sk' },
  { code: 'sl', name: 'Slovenščina', dir: 'ltr', browserLocale: 'sl' },
  { code: 'hr', name: 'Hrvatski', dir: 'ltr', browserLocale: 'hr' },
  { code: 'sr', name: 'Српски', dir: 'ltr', browserLocale: 'sr', aliases: ['sr-Cyrl'] },
  { code: 'nl', name: 'Nederlands', dir: 'ltr', browserLocale: 'nl' },
  { code: 'da', name: 'Dansk', dir: 'ltr', browserLocale: 'da' },
  { code: 'sv', name: 'Svenska', dir: 'ltr', browserLocale: 'sv' },
  { code: 'nb', name: 'Norsk bokmål', dir: 'ltr', browserLocale: 'no', aliases: ['no', 'nn'] },
  { code: 'is', name: 'Íslenska', dir: 'ltr', browserLocale: null },
  { code: 'fi', name: 'Suomi', dir: 'ltr', browserLocale: 'fi' },
  // Accented, 40% longer English (lib/i18n/pseudo.ts), written by the tests into a copy of the build.
  { code: 'en-XA', name: 'Ëñğļîšħ (pseudo)', dir: 'ltr', browserLocale: null, pseudo: true },
] as const satisfies readonly Language[];

export type LanguageCode = (typeof LANGUAGES)[number]['code'];
export const DEFAULT_LANGUAGE = 'en' satisfies LanguageCode;

/** The languages a person can choose (the pseudo-locale is not one). */
export const SPOKEN_LANGUAGES: readonly Language[] = LANGUAGES.filter((l: Language) => !l.pseudo);

export function languageInfo(code: string): Language | undefined {
  return (LANGUAGES as readonly Language[]).find((l) => l.code === code);
}

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && languageInfo(value) !== undefined;
}

const normal = (tag: string) => tag.trim().replaceAll('_', '-').toLowerCase();

/**
 * The first of `tags` (the browser's UI language, then its preferred languages) that Pharmacheck
 * has, matching the whole tag first ("en-XA"), then its language ("fr-CA" → fr, "pt-BR" → pt) or an
 * alias; English when none matches.
 */
export function resolveLanguage(tags: readonly string[]): LanguageCode {
  const all = LANGUAGES as readonly Language[];
  for (const raw of tags) {
    const tag = normal(raw);
    if (!tag) continue;
    const exact = all.find((l) => normal(l.code) === tag);
    if (exact) return exact.code as LanguageCode;
    const base = tag.split('-')[0]!;
    const match = all.find((l) => !l.pseudo && (l.code === base || l.aliases?.includes(base)));
    if (match) return match.code as LanguageCode;
  }
  return DEFAULT_LANGUAGE;
}
