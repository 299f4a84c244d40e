/**
 * The guidance files shipped beside the pages (copied from data/ by wxt.config.ts). Pages fetch
 * only the person's language at run time instead of bundling them all. Only imports that import
 * nothing: the build configuration reads this file too.
 */
import { SPOKEN_LANGUAGES } from '../i18n/languages';

export const GUIDANCE_FILES = SPOKEN_LANGUAGES.map((language) => `guidance/${language.code}.json`);
export const AUTHORITIES_FILE = 'authorities.json';
export const MEDICRIME_PARTIES_FILE = 'medicrime-parties.json';

/** Paths relative to data/ in the repository and to the extension's root once built: the same. */
export const GUIDANCE_ASSETS: readonly string[] = [...GUIDANCE_FILES, AUTHORITIES_FILE, MEDICRIME_PARTIES_FILE];

export function guidanceFile(language: string): string {
  return `guidance/${language}.json`;
}
