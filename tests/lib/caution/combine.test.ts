import { describe, expect, it } from 'vitest';
import { assess, judge, levelOf, THRESHOLDS, type Signal } from '../../../lib/caution';
import { featuresOf, shop } from './helpers';

const s = (id: string, weight: number): Signal => ({ id, family: id.split('.')[0] as Signal['family'], weight, reason: { key: 'cautionPageNoIdentity', subs: [] } });
const LEAFLET = featuresOf('<html><head><title>Viagra – leaflet</title></head><body><h1>Package leaflet</h1><p>Viagra contains sildenafil. Ask your doctor.</p></body></html>');
const SHOP_WITHOUT_OPERATOR = featuresOf(shop('<div><h3>Xanax 2mg</h3><p>$2.00</p><button>Add to cart</button></div>', { footer: 'Bitcoin only' }));

describe('combining signals', () => {
  it('gives caution from one clear sign or several weaker ones, strong from twice that with a clear sign', () => {
    expect(levelOf([])).toBe('none');
    expect(levelOf([s('page.no-identity', 0.5), s('page.price-per-pill', 0.4)])).toBe('none');
    expect(levelOf([s('page.no-prescription', 1)])).toBe('caution');
    expect(levelOf([s('page.no-identity', 0.5), s('page.price-per-pill', 0.5)])).toBe('caution');
    expect(levelOf([s('page.a', 0.6), s('page.b', 0.6), s('page.c', 0.6), s('page.d', 0.6)])).toBe('caution');
    expect(levelOf([s('logo.not-a-register', 1.3), s('page.no-identity', 0.5), s('page.b', 0.6)])).toBe('strong');
    expect(THRESHOLDS).toMatchObject({ caution: 1, strong: 2 });
  });

  it('counts weak name signals only with evidence from the page', () => {
    const weak = s('name.other-domain', 0.2);
    expect(assess({ name: [weak], page: null }).signals).toEqual([]);
    expect(assess({ name: [weak], page: LEAFLET }).signals).toEqual([]);
    const withPage = assess({ name: [weak], page: SHOP_WITHOUT_OPERATOR });
    expect(withPage.signals.map((x) => x.id)).toContain('name.other-domain');
  });

  it('gives caution for a look-alike by characters on its own', () => {
    expect(assess({ name: [s('name.homoglyph', 0.9)], page: null }).level).toBe('caution');
    expect(assess({ name: [s('name.typo', 0.6)], page: null }).level).toBe('none');
  });

  it('lists the signals heaviest first', () => {
    const weights = assess({ name: [s('name.typo', 0.6)], page: SHOP_WITHOUT_OPERATOR }).signals.map((x) => x.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });
});

describe('judge', () => {
  it('runs the name family and the page family', () => {
    expect(judge('d0cmorris.de', null).signals.map((x) => x.family)).toContain('name');
    expect(judge('pills.example', SHOP_WITHOUT_OPERATOR).level).not.toBe('none');
    expect(judge('leaflets.example', LEAFLET)).toEqual({ level: 'none', signals: [], register: null });
  });

  it('never gives caution for a pharmacy word in a name alone', () => {
    for (const host of ['online-pharmacy.example', 'apotheke-berlin.de', 'pharmacie-en-ligne.fr', 'farmacia.it', 'rx-meds24.com']) expect(judge(host, null).level, host).toBe('none');
  });

  it('does not throw on hosts that are not names', () => {
    for (const host of ['', '127.0.0.1', '[::1]', 'com', 'co.uk', 'x'.repeat(5000), '..', 'xn--']) expect(judge(host, null).level).toBe('none');
  });
});
