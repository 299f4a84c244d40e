/**
 * The toolkit's messages a person reads (--help, usage errors, the framing of every error), from
 * its own catalogues (locales/toolkit/<code>.json, the extension's format and checks). The
 * language: --lang <code>, else the first of LANGUAGE (a colon-separated list, as gettext reads
 * it), LC_ALL, LC_MESSAGES, LANG that names one the toolkit has; "C" and "POSIX" mean English.
 * Reasons that come from lib/ (a list refused by a check) stay in English, as the hub logs them.
 */
import { existsSync, readFileSync } from 'node:fs';
import type english from '../../locales/toolkit/en.json';
import { packageFile } from './package-root';
import { compileCatalogue } from '../i18n/compile';
import { LANGUAGES, resolveLanguage } from '../i18n/languages';
import { createTranslator, type Translator } from '../i18n/translator';

export type ToolkitKey = Exclude<keyof typeof english, `@${string}`>;

const file = (code: string) => packageFile(`locales/toolkit/${code}.json`);
const read = (code: string) => JSON.parse(readFileSync(file(code), 'utf8')) as Record<string, unknown>;

/** The languages the toolkit speaks: those with a catalogue. */
export function toolkitLanguages(): string[] {
  return LANGUAGES.map((l) => l.code).filter((code) => existsSync(file(code)));
}

/** gettext's order; a POSIX locale name ("fr_FR.UTF-8", "de_DE@euro") becomes a language tag. */
export function languageFromEnvironment(env: Readonly<Record<string, string | undefined>>): string[] {
  const posix = (value: string) => value.split(/[.@]/)[0]!.replace('_', '-');
  const main = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  if (main === 'C' || main === 'POSIX' || main.startsWith('C.')) return ['en'];
  return [...(env.LANGUAGE ?? '').split(':').filter(Boolean), main].filter(Boolean).map(posix);
}

export class UnknownLanguage extends Error {
  constructor(readonly language: string) {
    super(language);
  }
}

/** Takes --lang <code> or --lang=<code> out of the arguments; the rest goes to the command. */
export function takeLangOption(argv: readonly string[]): { lang: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang') lang = argv[++i] ?? '';
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  return { lang, rest };
}

export function toolkitTranslator(lang: string | undefined, env: Readonly<Record<string, string | undefined>>): Translator<ToolkitKey> {
  const have = toolkitLanguages();
  let code: string;
  if (lang !== undefined) {
    const found = resolveLanguage([lang]);
    // resolveLanguage falls back to English; an explicit --lang that names nothing is a mistake.
    if (!have.includes(found) || (found === 'en' && !/^en\b/i.test(lang))) throw new UnknownLanguage(lang);
    code = found;
  } else {
    // The first tag the toolkit has a catalogue for (LANGUAGE=de:fr gives French while German has none).
    const tags = languageFromEnvironment(env);
    code = tags.map((tag) => resolveLanguage([tag])).find((found, i) => have.includes(found) && (found !== 'en' || /^en\b/i.test(tags[i]!))) ?? 'en';
  }
  return createTranslator<ToolkitKey>(compileCatalogue(code, read(code), read('en')).catalogue);
}
