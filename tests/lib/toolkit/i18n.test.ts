/**
 * The toolkit speaks the person's language where a person reads it (--help, usage errors, the
 * framing of errors): --lang first, then LANGUAGE, LC_ALL, LC_MESSAGES, LANG; English otherwise.
 */
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../lib/toolkit';
import { SPOKEN_LANGUAGES } from '../../../lib/i18n/languages';
import { languageFromEnvironment, takeLangOption, toolkitLanguages, toolkitTranslator, UnknownLanguage } from '../../../lib/toolkit/i18n';
import { CHILD_TIMEOUT_MS, cli, inProcess, workDir } from './cli';

describe('choosing the language', () => {
  it.each<[Record<string, string>, string[]]>([
    [{ LANG: 'fr_FR.UTF-8' }, ['fr-FR']],
    [{ LANG: 'de_DE@euro' }, ['de-DE']],
    [{ LC_MESSAGES: 'it_IT.UTF-8', LANG: 'fr_FR.UTF-8' }, ['it-IT']],
    [{ LC_ALL: 'es_ES.UTF-8', LC_MESSAGES: 'it_IT.UTF-8' }, ['es-ES']],
    [{ LANGUAGE: 'de:fr', LANG: 'en_GB.UTF-8' }, ['de', 'fr', 'en-GB']],
    [{ LANG: 'C' }, ['en']],
    [{ LANG: 'POSIX', LANGUAGE: 'fr' }, ['en']],
    [{}, []],
  ])('reads %j as %j', (env, expected) => {
    expect(languageFromEnvironment(env)).toEqual(expected);
  });

  it('takes the first language of the list it has a catalogue for', () => {
    expect(toolkitLanguages()).toEqual(expect.arrayContaining(['en', 'fr']));
    // A language with no toolkit catalogue: one the extension speaks, while any is left; else a language neither has.
    const missing = SPOKEN_LANGUAGES.map((l) => l.code).find((code) => !toolkitLanguages().includes(code)) ?? 'ja';
    expect(toolkitTranslator(undefined, { LANGUAGE: `${missing}:fr` }).language).toBe('fr');
    expect(toolkitTranslator(undefined, { LANG: 'ja_JP.UTF-8' }).language).toBe('en');
    expect(toolkitTranslator('fr-CA', { LANG: 'en_US.UTF-8' }).language).toBe('fr');
  });

  it('refuses a --lang it has no language for, rather than answer in another one', () => {
    expect(() => toolkitTranslator('xx', {})).toThrow(UnknownLanguage);
    expect(() => toolkitTranslator('ja', {})).toThrow(UnknownLanguage);
  });

  it('takes --lang out of the arguments, in both spellings, and never after "--"', () => {
    expect(takeLangOption(['--lang', 'fr', 'build', 'x'])).toEqual({ lang: 'fr', rest: ['build', 'x'] });
    expect(takeLangOption(['verify', '--lang=fr', 'x'])).toEqual({ lang: 'fr', rest: ['verify', 'x'] });
    expect(takeLangOption(['build', '--', '--lang', 'fr'])).toEqual({ lang: undefined, rest: ['build', '--', '--lang', 'fr'] });
    expect(takeLangOption(['--lang'])).toEqual({ lang: '', rest: [] });
  });
});

describe('pharmacheck in French', { timeout: CHILD_TIMEOUT_MS }, () => {
  it('prints its help in French with --lang fr, naming every command', async () => {
    const result = await inProcess(['--lang', 'fr', '--help']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toMatch(/^Usage : pharmacheck <commande>/);
    expect(result.stdout).toMatch(/^ {2}keygen +créer une paire de clés/m);
    expect(result.stdout).toContain('Codes de sortie :');
  });

  it("prints a command's help in French, with its default values", async () => {
    const result = await inProcess(['publish', '--help', '--lang=fr']);
    expect(result.stdout).toMatch(/^Usage : pharmacheck publish/);
    expect(result.stdout).toMatch(/par défaut \d+ ; 0 pour aucun/);
  });

  it('says a usage error in French, with the hint, as a child process with LANG=fr_FR.UTF-8', async () => {
    const result = await cli(['sign', 'list.json'], await workDir(), { LANG: 'fr_FR.UTF-8' });
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toBe('pharmacheck sign: --key est obligatoire\nLancez "pharmacheck sign --help" pour l\'utilisation.\n');
  });

  it('says an unknown command and a malformed number in French', async () => {
    expect((await inProcess(['--lang', 'fr', 'bogus'])).stderr).toMatch(/^pharmacheck: commande inconnue "bogus" \(commandes : keygen, /);
    expect((await inProcess(['--lang', 'fr', 'build', 'in.txt', '--out', 'o.json', '--version', 'x'])).stderr).toMatch(
      /^pharmacheck build: --version attend un nombre entier d'au moins 1, pas "x"/,
    );
  });

  it('keeps English when no language is asked for', async () => {
    expect((await inProcess(['sign', 'list.json'])).stderr).toMatch(/^pharmacheck sign: --key is required\n/);
  });

  it('exits 2 on a --lang it does not speak, saying which it does', async () => {
    const result = await inProcess(['--lang', 'xx', '--help']);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toMatch(/^pharmacheck: --lang: no language "xx" \(languages: en, fr/);
  });
});
