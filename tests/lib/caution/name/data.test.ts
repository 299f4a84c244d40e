import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'tldts';
import { describe, expect, it } from 'vitest';
import { brandIndex, brandsDataSchema } from '../../../../lib/caution/name';
import { onlyFillerWords } from '../../../../lib/caution/name/build/protected-set';
import { buildFromRepository } from '../../../../scripts/build-caution-brands';
import { serializeBrands } from '../../../../lib/caution/name/build/protected-set';
import { confusablesFromPackage } from '../../../../scripts/build-caution-confusables';
import { parseCsv } from '../../../../lib/guidance/csv';

const DATA = fileURLToPath(new URL('../../../../data/', import.meta.url));
const brandsText = readFileSync(`${DATA}caution/brands.json`, 'utf8');
const brands = brandsDataSchema.parse(JSON.parse(brandsText));

describe('data/caution/brands.json', () => {
  it('is the file the build writes from its sources, byte for byte (run npm run data:caution-brands after changing a source)', { timeout: 180_000 }, () => {
    const report = buildFromRepository();
    expect(serializeBrands(report.data)).toBe(brandsText);
  });

  it('passes the schema, and the index builds from it', () => {
    const index = brandIndex(brands);
    expect(index.exact.size).toBe(brands.labels.length);
    expect(brands.labels.length).toBeGreaterThan(200);
  });

  it('protects the brands the brief names, each with its own domain allowed', () => {
    const byName = new Map(brands.brands.map((b) => [b.name, b]));
    for (const [name, domain] of [['Pfizer', 'pfizer.com'], ['Eli Lilly', 'lilly.com'], ['Novo Nordisk', 'novonordisk.com'], ['Walgreens', 'walgreens.com'], ['Sanofi', 'sanofi.com'], ['Bayer', 'bayer.com'], ['Roche', 'roche.com'], ['AstraZeneca', 'astrazeneca.com']] as const) {
      expect(byName.get(name)?.domain, name).toBe(domain);
      expect(brands.allow, name).toContain(domain);
    }
    for (const medicine of ['Viagra', 'Cialis', 'Ozempic', 'Wegovy', 'Mounjaro']) expect(byName.get(medicine)?.kind, medicine).toBe('medicine');
  });

  it('allows every legitimate domain of the detection data, except the one it marks as grey', () => {
    const rows = parseCsv(readFileSync(`${DATA}caution/sources/legit-domains.csv`, 'utf8')).slice(1).filter((r) => r[0]);
    const missing = rows
      .filter((r) => !/do not allowlist/.test(r[6] ?? ''))
      .map((r) => parse(r[0]!, { allowPrivateDomains: true }).domain!)
      .filter((d) => !brands.allow.includes(d));
    expect(missing).toEqual([]);
    expect(brands.allow).not.toContain('canadadrugs.com');
  });

  it('allows the regulators’ and registers’ hosts', () => {
    for (const domain of ['europa.eu', 'sante.fr', 'bfarm.de', 'pharmacyregulation.org', 'swissmedic.ch', 'salute.gov.it', 'sukl.cz']) expect(brands.allow, domain).toContain(domain);
  });

  it('protects no label made only of pharmacy and shop words, and none shorter than 3 letters', () => {
    expect(brands.labels.filter(([label]) => onlyFillerWords(label.replaceAll('-', '')) || label.replaceAll('-', '').length < 3)).toEqual([]);
  });

  it('leaves out common-word brands the decisions name, and keeps Boots and Clicks for stronger evidence only', () => {
    const cls = new Map(brands.labels.map(([label, , c]) => [label, c]));
    expect(cls.get('well')).toBeUndefined();
    expect(cls.get('mueller')).toBeUndefined();
    expect(cls.get('boots')).toBe('c');
    expect(cls.get('clicks')).toBe('c');
    expect(cls.get('pfizer')).toBe('d');
  });
});

describe('brandIndex', () => {
  it.each([
    ['not an object', 'brands'],
    ['a wrong format', { format: 2, brands: [], labels: [], allow: [], notTypos: [] }],
    ['a label that names no brand', { format: 1, brands: [], labels: [['pfizer', 0, 'd', 1]], allow: [], notTypos: [] }],
    ['a label that is no host label', { format: 1, brands: [{ name: 'X', kind: 'pharmacy' }], labels: [['Pf izer', 0, 'd', 1]], allow: [], notTypos: [] }],
    ['a typo budget over 2', { format: 1, brands: [{ name: 'X', kind: 'pharmacy' }], labels: [['pfizer', 0, 'd', 3]], allow: [], notTypos: [] }],
    ['an unknown class', { format: 1, brands: [{ name: 'X', kind: 'pharmacy' }], labels: [['pfizer', 0, 'z', 1]], allow: [], notTypos: [] }],
  ])('refuses %s', (_, data) => {
    expect(() => brandIndex(data)).toThrow();
  });
});

describe('data/caution/confusables.json', () => {
  const text = readFileSync(`${DATA}caution/confusables.json`, 'utf8');
  const map = (JSON.parse(text) as { map: Record<string, string> }).map;

  it('is the conversion of Unicode’s confusables as the unhomoglyph package ships them (npm run data:caution-confusables)', () => {
    expect(confusablesFromPackage()).toBe(text);
  });

  it('holds only prototypes made of ASCII letters, digits and hyphens, and the look-alikes that matter', () => {
    expect(Object.values(map).filter((p) => !/^[A-Za-z0-9-]+$/.test(p))).toEqual([]);
    expect(map['а']).toBe('a'); // Cyrillic
    expect(map['ο']).toBe('o'); // Greek
    expect(map.m).toBe('rn');
    expect(Object.keys(map).length).toBeLessThan(1_000);
  });
});
