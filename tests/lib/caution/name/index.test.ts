import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import punycode from 'punycode.js';
import { describe, expect, it } from 'vitest';
import { brandIndex, nameSignals, NAME_WEIGHTS, type BrandsData } from '../../../../lib/caution/name';
import { parseCsv } from '../../../../lib/guidance/csv';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const english = JSON.parse(readFileSync(`${ROOT}locales/en.json`, 'utf8')) as Record<string, unknown>;
const legitDomains = parseCsv(readFileSync(`${ROOT}data/caution/sources/legit-domains.csv`, 'utf8'))
  .slice(1)
  .map((row) => row[0]!)
  .filter(Boolean);
const ordinary = readFileSync(fileURLToPath(new URL('./fixtures/ordinary-domains.txt', import.meta.url)), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

/** What a signal says, in short: rule and the brand it names. */
function said(host: string): string[] {
  return nameSignals(host).map((s) => `${s.id} ${s.id === 'name.mixed-script' ? '' : s.reason.subs.at(-2)}`.trim());
}

describe('nameSignals on names like those of enforcement cases', () => {
  it.each([
    ['cvs-pharmacy.net', 'name.brand-words CVS Pharmacy'],
    ['pfizer-pharmacy.com', 'name.brand-words Pfizer'],
    ['walgreens-rx-online.com', 'name.brand-words Walgreens'],
    ['walgreensrx24.net', 'name.brand-words Walgreens'],
    ['novonordisk-apotheke.de', 'name.brand-words Novo Nordisk'],
    ['sanofi-farmacia-online.it', 'name.brand-words Sanofi'],
    ['boots-pharmacy.co.uk', 'name.brand-words Boots'],
    ['buy-ozempic-online.com', 'name.brand-words Ozempic'],
    ['mounjaro-kaufen.de', 'name.brand-words Mounjaro'],
    ['pfzer.com', 'name.typo Pfizer'],
    ['astrazenca.com', 'name.typo AstraZeneca'],
    ['wallgreens.com', 'name.typo Walgreens'],
    ['novartsi.com', 'name.typo Novartis'],
    ['wal-greens.com', 'name.typo Walgreens'],
    ['novo-nordisk.shop', 'name.typo Novo Nordisk'],
    ['walgreen-pharmacy.com', 'name.typo Walgreens'],
    ['pfizer-online-shop.com', 'name.brand-words Pfizer'],
    ['walgreens.ru', 'name.other-domain Walgreens'],
    ['boots.shop', 'name.other-domain Boots'],
    ['sandoz.store', 'name.other-domain Sandoz'],
  ])('flags %s', (host, expected) => {
    expect(said(host)[0]).toBe(expected);
  });

  it('flags a typo with shop words around it, and names the brand it imitates', () => {
    const [signal] = nameSignals('cheap-walgren-rx.com');
    expect(signal).toMatchObject({ id: 'name.typo', family: 'name', weight: NAME_WEIGHTS.typo });
    expect(signal?.reason).toEqual({ key: 'cautionNameTypo', subs: ['Walgreens', 'walgreens.com'] });
  });

  it('names a medicine and its maker, not a site, for a medicine brand', () => {
    expect(nameSignals('viagra-online-shop.com')[0]?.reason).toEqual({ key: 'cautionNameBrandWordsMedicine', subs: ['Viagra', 'Viatris'] });
  });

  it('flags look-alike letters in an ASCII name (rn for m) as a homoglyph', () => {
    expect(said('rnounjaro.com')).toEqual(['name.homoglyph Mounjaro']);
  });

  it.each([
    // Cyrillic "і" in a Latin name, in punycode as the URL parser gives it.
    [new URL('http://pfіzer.com/').hostname, ['name.homoglyph Pfizer', 'name.mixed-script']],
    // Greek omicron in a Latin name.
    [new URL('http://ozempοc-shop.com/').hostname, ['name.homoglyph Ozempic', 'name.mixed-script']],
    // Accented letters only: one script, but it reads as the brand.
    [new URL('http://wälgreens.com/').hostname, ['name.homoglyph Walgreens']],
    // An invisible character that only raw punycode can hold is dropped before reading.
    [`xn--${punycode.encode('pfi\u200bzer')}.com`, ['name.homoglyph Pfizer']],
  ])('flags the IDN %s', (host, expected) => {
    expect(host).toMatch(/^[a-z0-9.-]+$/);
    expect(said(host)).toEqual(expected);
  });

  it('leaves alone an IDN written as the brand itself writes its name', () => {
    expect(said(new URL('http://apotekhjärtat.se/').hostname)).toEqual([]);
    expect(said(new URL('http://grünenthal.de/').hostname)).toEqual([]);
  });

  it('reads a host given in Unicode as the browser would, punycode and all', () => {
    // Cyrillic "а" twice, as a person may paste it.
    expect(said('wаlgreens-phаrmacy.com')).toEqual(['name.homoglyph Walgreens', 'name.mixed-script']);
    expect(said('wаlgreens-phаrmacy.com')).toEqual(said(new URL('http://wаlgreens-phаrmacy.com/').hostname));
  });

  it('says which address mixes scripts, in the form the address bar shows', () => {
    const host = new URL('http://pfіzer-online.com/').hostname;
    const mixed = nameSignals(host).find((s) => s.id === 'name.mixed-script');
    expect(mixed?.reason).toEqual({ key: 'cautionNameMixedScript', subs: [host] });
    expect(nameSignals(host).find((s) => s.id === 'name.homoglyph')?.reason).toEqual({
      key: 'cautionNameHomoglyph',
      subs: [host, 'Pfizer', 'pfizer.com'],
    });
  });

  it('flags a mixed-script label that imitates no brand, with the mixed-script signal alone', () => {
    expect(said(new URL('http://exаmple.com/').hostname)).toEqual(['name.mixed-script']);
  });

  it('gives heaviest signals first, one per brand', () => {
    const signals = nameSignals('pfizer-viagra-shop.com');
    expect(signals.map((s) => s.reason.subs[0]).sort()).toEqual(['Pfizer', 'Viagra']);
    expect(signals.every((s, i) => i === 0 || signals[i - 1]!.weight >= s.weight)).toBe(true);
  });

  it('uses only message keys that English has, with as many substitutions as the message takes', () => {
    const hosts = ['cvs-pharmacy.net', 'pfzer.com', 'walgreens.ru', 'rnounjaro.com', 'cialis24.com', 'viagra.shop', 'viagre.com', 'albertson.com'];
    hosts.push(new URL('http://pfіzer.com/').hostname, new URL('http://сostcо.com/').hostname);
    const reasons = hosts.flatMap((h) => nameSignals(h)).map((s) => s.reason);
    expect(new Set(reasons.map((r) => r.key)).size).toBeGreaterThanOrEqual(8);
    for (const { key, subs } of reasons) {
      expect(english, key).toHaveProperty(key);
      expect(Object.keys((english[`@${key}`] as { placeholders?: object } | undefined)?.placeholders ?? {}).length, key).toBe(subs.length);
    }
  });
});

describe('nameSignals stays silent', () => {
  it('on every legitimate domain of the detection data, and its www and other subdomains', () => {
    expect(legitDomains.length).toBe(147);
    const flagged = legitDomains.flatMap((d) => [d, `www.${d}`, `shop.${d}`, `a.b.${d}`]).filter((host) => nameSignals(host).length > 0);
    expect(flagged).toEqual([]);
  });

  it('on the brands’ and regulators’ own domains and hosts', () => {
    const own = ['pfizer.com', 'www.pfizer.de', 'lilly.com', 'novonordisk.com', 'ozempic.com', 'cialis.com', 'ema.europa.eu', 'ansm.sante.fr', 'www.bfarm.de', 'pharmacyregulation.org', 'www.swissmedic.ch', 'safe.pharmacy', 'merckgroup.com'];
    expect(own.filter((host) => nameSignals(host).length > 0)).toEqual([]);
  });

  it(`on ${ordinary.length} ordinary sites, some a letter away from a brand by chance`, () => {
    expect(ordinary.length).toBeGreaterThan(300);
    expect(ordinary.map((host) => ({ host, signals: said(host) })).filter(({ signals }) => signals.length > 0)).toEqual([]);
  });

  it.each([
    'buy-wellbutrin.com', // "well" followed by no word
    'safe.pharmacy', // a pharmacy word and a shop word
    'wellness-blog.com',
    'online-pharmacy-24.com', // keywords only: never a lookalike
    'apotheke-online-shop.de',
    'canadadrugs.com',
    'farmacia-online.it',
    'pharmacie-en-ligne.fr',
    'rx-meds-store.net',
    'global-isai.com', // words and a stretch a letter from a brand
    'shoppingpharm.com',
    'walgreens.com.evil', // unknown TLD: tldts makes the label "com", no brand
  ])('on %s', (host) => {
    expect(said(host)).toEqual([]);
  });

  it('on a common-word brand with an ordinary word, or on an ordinary TLD', () => {
    expect(said('boots-shop.com')).toEqual([]);
    expect(said('boots.co.za')).toEqual([]);
    expect(said('clicks.com')).toEqual([]);
    expect(said('bayern.de')).toEqual([]);
  });
});

describe('nameSignals with a protected set of its own', () => {
  const data: BrandsData = {
    format: 1,
    brands: [
      { name: 'Well', domain: 'well.example', kind: 'pharmacy' },
      { name: 'Zebrapharm', domain: 'zebrapharm.example', kind: 'pharmacy' },
    ],
    labels: [
      ['well', 0, 'd', 0],
      ['zebrapharm', 1, 'd', 2],
    ],
    allow: ['well.example', 'zebrapharm.example'],
    notTypos: ['zebrapharma'],
  };
  const index = brandIndex(data);

  it('matches a brand only as a whole token: buy-wellbutrin holds "well" but not as a word', () => {
    expect(nameSignals('buy-wellbutrin.com', index)).toEqual([]);
    expect(nameSignals('wellbutrin-shop.com', index)).toEqual([]);
    expect(nameSignals('well-pharmacy-shop.com', index).map((s) => s.id)).toEqual(['name.brand-words']);
  });

  it('uses the given set instead of the bundled one', () => {
    expect(nameSignals('pfizer-pharmacy.com', index)).toEqual([]);
    expect(nameSignals('zebrapharn.com', index).map((s) => s.id)).toEqual(['name.typo']);
  });

  it('does not call an ordinary word a typo', () => {
    expect(nameSignals('zebrapharma.com', index)).toEqual([]);
  });

  it('allows the brand’s own domains and their subdomains', () => {
    expect(nameSignals('shop.well.example', index)).toEqual([]);
    expect(nameSignals('zebrapharm.example', index)).toEqual([]);
  });
});
