import { describe, expect, it } from 'vitest';
import { latinReading, mixesScripts, prepareLabel, skeleton } from '../../../../lib/caution/name/skeleton';

describe('skeleton (UTS #39, cut to ASCII prototypes)', () => {
  it('maps look-alike letters of other scripts to their Latin twins', () => {
    expect(skeleton('pаypаl')).toBe(skeleton('paypal')); // Cyrillic а
    expect(skeleton('ρfizer')).toBe(skeleton('pfizer')); // Greek rho
    expect(skeleton('οzempic')).toBe(skeleton('ozempic')); // Greek omicron
  });

  it('maps ASCII look-alikes as Unicode does: rn and m, 1 and l', () => {
    expect(skeleton('rnounjaro')).toBe(skeleton('mounjaro'));
    expect(skeleton('cia1is')).toBe(skeleton('cialis'));
  });

  it('keeps apart letters that only look alike with accents taken away', () => {
    expect(skeleton('wälgreens')).not.toBe(skeleton('walgreens'));
  });

  it('keeps apart different names', () => {
    expect(skeleton('pfizer')).not.toBe(skeleton('pfiser'));
  });
});

describe('latinReading', () => {
  it('reads an IDN label as a person who takes look-alikes and accents for Latin letters', () => {
    expect(latinReading('рfіzеr')).toBe('pfizer'); // Cyrillic р, і, е
    expect(latinReading('wälgreens')).toBe('walgreens');
    expect(latinReading('ozempic-shop')).toBe('ozempic-shop');
  });

  it('leaves ASCII as it is, so readings compare with plain labels', () => {
    expect(latinReading('rnounjaro')).toBe('rnounjaro');
    expect(latinReading('pf1zer')).toBe('pf1zer');
  });

  it('leaves letters with no Latin twin', () => {
    expect(latinReading('аптека')).not.toMatch(/^[a-z]+$/);
    expect(latinReading('漢字')).toBe('漢字');
  });
});

describe('prepareLabel', () => {
  it('drops default-ignorable characters, folds case and compatibility forms', () => {
    expect(prepareLabel('pfi\u200bzer')).toBe('pfizer');
    expect(prepareLabel('PFI\u00adZER')).toBe('pfizer');
    expect(prepareLabel('ｐｆｉｚｅｒ')).toBe('pfizer');
  });
});

describe('mixesScripts', () => {
  it.each([
    ['pfіzer', true], // Latin and Cyrillic
    ['οzempic', true], // Greek and Latin
    ['аптекаα', true], // Cyrillic and Greek
    ['pfizer', false],
    ['аптека', false], // Cyrillic only
    ['φαρμακείο', false], // Greek only
    ['müller-24', false], // Latin with accents, digits and a hyphen
    ['東京drug', false], // Latin with Han: allowed (highly restrictive)
    ['ひらがなカタカナ漢字', false], // Japanese
    ['한국abc', false], // Latin with Hangul
    ['漢字аптека', true], // Han with Cyrillic
    ['ꦗꦮabc', true], // a script with no rule, mixed with Latin
  ])('says %s mixes scripts: %s', (label, expected) => {
    expect(mixesScripts(label)).toBe(expected);
  });
});
