import { describe, expect, it } from 'vitest';
import {
  countryFromLocales,
  knownCountries,
  parseCountrySetting,
  reportTarget,
  resolveCountry,
  type Authority,
  type CountryData,
  type MedicrimeParty,
} from '../../../lib/guidance';
import { readJson } from './helpers';

const data: CountryData = {
  authorities: readJson('authorities.json') as Authority[],
  parties: readJson('medicrime-parties.json') as MedicrimeParty[],
};

describe('countryFromLocales', () => {
  it.each<[string[], string | null]>([
    [['fr-FR', 'fr'], 'FR'],
    [['en-GB'], 'GB'],
    [['fr', 'de-CH'], 'CH'],
    [['zh-Hans-CN'], 'CN'],
    [['en'], null],
    [['fr'], null],
    // A region that is not a country (Latin America) says nothing about where the person is.
    [['es-419'], null],
    [[], null],
    [['not a tag!', 'pt-BR'], 'BR'],
    [['', 'x'], null],
  ])('finds the country of %j: %s', (locales, country) => {
    expect(countryFromLocales(locales)).toBe(country);
  });
});

describe('parseCountrySetting', () => {
  it.each([['auto', 'auto'], ['other', 'other'], ['FR', 'FR'], ['JP', 'JP']])('keeps %j', (value, expected) => {
    expect(parseCountrySetting(value)).toBe(expected);
  });

  it.each([[undefined], [null], [''], ['fr'], ['FRA'], [42], [{ country: 'FR' }], ['<script>']])(
    'reads %j, left by another version or another hand, as "auto"',
    (value) => {
      expect(parseCountrySetting(value)).toBe('auto');
    },
  );
});

describe('resolveCountry', () => {
  it('prefers the country chosen in the options to the browser', () => {
    const country = resolveCountry('DE', ['fr-FR'], data);
    expect(country).toMatchObject({ code: 'DE', from: 'options' });
    expect(country.authority?.authority).toMatch(/^BfArM/);
    expect(country.medicrime?.status).toBe('signed');
  });

  it("uses the browser's region when set to automatic", () => {
    expect(resolveCountry('auto', ['en-GB', 'en'], data)).toMatchObject({ code: 'GB', from: 'browser' });
  });

  it('knows no country when automatic and the browser gives none', () => {
    expect(resolveCountry('auto', ['fr'], data)).toEqual({ code: null, from: 'none', authority: null, medicrime: null });
  });

  it('knows no country when the person chose "another country"', () => {
    expect(resolveCountry('other', ['fr-FR'], data)).toEqual({ code: null, from: 'options', authority: null, medicrime: null });
  });

  it('keeps a country without data, with no authority and no Medicrime record: the pages then give general guidance', () => {
    expect(resolveCountry('JP', [], data)).toEqual({ code: 'JP', from: 'options', authority: null, medicrime: null });
    expect(resolveCountry('auto', ['ja-JP'], data)).toEqual({ code: 'JP', from: 'browser', authority: null, medicrime: null });
  });

  it.each(data.authorities.map((a) => [a.iso2, a] as const))('resolves %s to its authority', (code, authority) => {
    const country = resolveCountry(code, [], data);
    expect(country.authority).toBe(authority);
    expect(country.medicrime).toBe(data.parties.find((p) => p.iso2 === code) ?? null);
  });

  it.each(data.parties.map((p) => [p.iso2, p] as const))('resolves %s to its Medicrime record', (code, party) => {
    expect(resolveCountry(code, [], data).medicrime).toBe(party);
  });

  it('offers every country of both files in the options, once', () => {
    const countries = knownCountries(data);
    expect(new Set(countries).size).toBe(countries.length);
    expect(countries).toEqual(expect.arrayContaining(['FR', 'DE', 'GB', 'US', 'CI', 'IL']));
    expect(countries.length).toBe(new Set([...data.authorities, ...data.parties].map((r) => r.iso2)).size);
  });
});

describe('reportTarget', () => {
  it("is the authority's own reporting page where the data has one", () => {
    expect(reportTarget(resolveCountry('GB', [], data))).toBe('https://yellowcard.mhra.gov.uk/falsified');
    expect(reportTarget(resolveCountry('CH', [], data))).toBe('https://www.swissmedic.ch/swissmedic/de/medicrime.html');
  });

  it('is nothing (the guide then explains) where the data has none, or no authority at all', () => {
    expect(reportTarget(resolveCountry('FR', [], data))).toBeNull();
    expect(reportTarget(resolveCountry('GN', [], data))).toBeNull();
    expect(reportTarget(resolveCountry('JP', [], data))).toBeNull();
    expect(reportTarget(resolveCountry('other', [], data))).toBeNull();
  });
});
