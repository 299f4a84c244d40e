import { describe, expect, it } from 'vitest';
import { LANGUAGES, resolveLanguage, SPOKEN_LANGUAGES } from '../../../lib/i18n/languages';
import { chosenLanguage, parseLanguageSetting } from '../../../lib/i18n/setting';

describe('resolveLanguage', () => {
  it.each<[string[], string]>([
    [['fr'], 'fr'],
    [['fr-CA'], 'fr'],
    [['de_AT'], 'de'],
    [['ar-EG'], 'ar'],
    [['AR'], 'ar'],
    [['ja', 'it-IT'], 'it'],
    [['ja', 'zh-TW'], 'en'],
    [[], 'en'],
    [['', '  '], 'en'],
    [['en-XA'], 'en-XA'],
    // The pseudo-locale is never reached by falling back from plain English.
    [['en-GB'], 'en'],
  ])('takes %j as %s', (tags, expected) => {
    expect(resolveLanguage(tags)).toBe(expected);
  });
});

describe('the language setting', () => {
  it.each([['auto', 'auto'], ['fr', 'fr'], ['ar', 'ar'], ['xx', 'auto'], [42, 'auto'], [null, 'auto'], [{ fr: 1 }, 'auto']])('reads %j as %j', (stored, expected) => {
    expect(parseLanguageSetting(stored)).toBe(expected);
  });

  it('stands for the browser language when automatic, and for itself otherwise', () => {
    expect(chosenLanguage('auto', ['es-MX', 'en'])).toBe('es');
    expect(chosenLanguage('de', ['es-MX'])).toBe('de');
  });
});

describe('the registry', () => {
  it('names each language once, with a direction', () => {
    expect(new Set(LANGUAGES.map((l) => l.code)).size).toBe(LANGUAGES.length);
    expect(LANGUAGES.filter((l) => l.dir === 'rtl').map((l) => l.code)).toContain('ar');
  });

  it('offers no pseudo-locale to people', () => {
    expect(SPOKEN_LANGUAGES.some((l) => l.pseudo)).toBe(false);
    expect(SPOKEN_LANGUAGES.length).toBe(LANGUAGES.length - 1);
  });
});
