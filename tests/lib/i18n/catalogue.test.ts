import { describe, expect, it } from 'vitest';
import ar from '../../../locales/ar.json';
import en from '../../../locales/en.json';
import fr from '../../../locales/fr.json';
import { currentDir, currentLanguage, formatList, t, tParts, useCatalogue } from '../../../lib/i18n';
import { argumentOrder, compileCatalogue } from '../../../lib/i18n/compile';
import { CatalogueError, parseShippedCatalogue } from '../../../lib/i18n/load';

const compiled = (code: string, source: Record<string, unknown>) => compileCatalogue(code, source, en).catalogue;

describe('t', () => {
  it('writes English from the English catalogue (in use in unit tests)', () => {
    expect(t('backToSafety')).toBe('Back to safety');
    expect(currentLanguage()).toBe('en');
  });

  it('passes arguments in the order English declares them, whatever order a translation uses', () => {
    expect(argumentOrder(en).warningListedByAllow).toEqual(['domain', 'list']);
    expect(t('warningListedByAllow', 'rogue.example', 'Register')).toBe('On the register “Register” as rogue.example');
  });

  it('counts with plural forms in the language in use', () => {
    expect([1, 2, 45].map((n) => t('countryCount', n))).toEqual([
      'Pharmacheck has information on 1 country.',
      'Pharmacheck has information on 2 countries.',
      'Pharmacheck has information on 45 countries.',
    ]);
    useCatalogue(compiled('ar', ar));
    expect(t('countryCount', 2)).toBe('لدى Pharmacheck معلومات عن بلدين.');
    expect(t('countryCount', 3)).toBe('لدى Pharmacheck معلومات عن 3 بلدان.');
    expect(currentDir()).toBe('rtl');
  });

  it('gives a sentence as parts, so a page can put an element in it', () => {
    const domain = { type: 'bdi' };
    useCatalogue(compiled('fr', fr));
    expect(tParts('popupListed', domain)).toEqual(['Attention : ', domain, ' figure sur une liste de pharmacies en ligne illégales.']);
  });

  it('fills a key a translation lacks with English, and says which', () => {
    const { catalogue, missing } = compileCatalogue('fr', { '@@locale': 'fr', backToSafety: 'Retour' }, en);
    expect(catalogue.messages.backToSafety).toBe('Retour');
    expect(catalogue.messages.proceedAnyway).toBe('Proceed anyway');
    expect(missing).toContain('proceedAnyway');
    expect(missing).not.toContain('backToSafety');
  });

  it('writes lists as the language joins them', () => {
    expect(formatList(['A', 'B', 'C'], 'en')).toBe('A, B, and C');
    expect(formatList(['A', 'B', 'C'], 'fr')).toBe('A, B et C');
    expect(formatList(['6', '8', '13'], 'en', 'unit')).toBe('6, 8, 13');
  });

  it('types its keys from the English catalogue', () => {
    // @ts-expect-error: a key English lacks does not compile
    expect(() => t('noSuchKeyAnywhere')).not.toThrow();
  });
});

describe('a shipped catalogue', () => {
  it('is accepted as the build writes it', () => {
    const catalogue = compiled('fr', fr);
    expect(parseShippedCatalogue(JSON.parse(JSON.stringify(catalogue)), 'fr')).toEqual(catalogue);
  });

  it.each([
    ['another language', () => compiled('de', fr), 'fr'],
    ['no messages', () => ({ format: 1, language: 'fr', args: {} }), 'fr'],
    ['a message that is not text', () => ({ format: 1, language: 'fr', messages: { a: 1 }, args: {} }), 'fr'],
    ['an unknown format', () => ({ ...compiled('fr', fr), format: 2 }), 'fr'],
    ['an extra field', () => ({ ...compiled('fr', fr), script: 'alert(1)' }), 'fr'],
    ['not an object', () => 'messages', 'fr'],
  ])('is refused with %s', (_, make, code) => {
    expect(() => parseShippedCatalogue(make(), code)).toThrow(CatalogueError);
  });
});
