import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CautionAssessment, Signal } from '../../../lib/caution';
import { FSI, isolateArg, LRI, PDI } from '../../../lib/i18n';
import { cautionNotice } from '../../../lib/protection/caution-notice';
import { serveCatalogues } from '../i18n/catalogues';

/** A name signal as lib/caution/name gives it. */
const otherDomain = (brand: string, domain: string): Signal => ({ id: 'name.other-domain', family: 'name', weight: 2, reason: { key: 'cautionNameOtherDomain', subs: [brand, domain] } });

const assessment = (...signals: CautionAssessment['signals']): CautionAssessment => ({ level: 'strong', signals, register: null });

describe('isolateArg', () => {
  it('puts hosts and addresses in a left-to-right isolate', () => {
    expect(isolateArg('pfizer.com')).toBe(`${LRI}pfizer.com${PDI}`);
    expect(isolateArg('https://verify.example/check?id=1')).toBe(`${LRI}https://verify.example/check?id=1${PDI}`);
  });

  it('puts other text (a brand, a quote from the page) in a first-strong isolate', () => {
    expect(isolateArg('Pfizer')).toBe(`${FSI}Pfizer${PDI}`);
    expect(isolateArg('no prescription needed')).toBe(`${FSI}no prescription needed${PDI}`);
    expect(isolateArg('بدون وصفة طبية')).toBe(`${FSI}بدون وصفة طبية${PDI}`);
    expect(isolateArg('a b.c')).toBe(`${FSI}a b.c${PDI}`);
  });
});

describe('cautionNotice', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is written in the language of the setting, right to left for Arabic, its arguments isolated', async () => {
    serveCatalogues();
    const found = assessment(otherDomain('Pfizer', 'pfizer.com'));
    await fakeBrowser.storage.local.set({ language: 'ar' });
    const arabic = await cautionNotice(found);
    expect(arabic).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(arabic.heading).not.toMatch(/[a-z]{3}/i);
    expect(arabic.reasons[0]).toContain(`${FSI}Pfizer${PDI}`);
    expect(arabic.reasons[0]).toContain(`${LRI}pfizer.com${PDI}`);

    await fakeBrowser.storage.local.set({ language: 'fr' });
    const french = await cautionNotice(found);
    expect(french).toMatchObject({ lang: 'fr', dir: 'ltr' });
    expect(french.heading).not.toBe(arabic.heading);
  });

  it('names at most the three heaviest reasons', async () => {
    serveCatalogues();
    const many = ['a.example', 'b.example', 'c.example', 'd.example'].map((d) => otherDomain('Pfizer', d));
    const notice = await cautionNotice(assessment(...many));
    expect(notice.reasons).toHaveLength(3);
    expect(notice.reasons[2]).toContain('c.example');
  });
});
