/**
 * Which country's guidance a person gets: the one chosen in the options, else the region of the
 * browser's language ("fr-BE" → BE). Nothing is guessed from a bare language ("fr" is spoken in
 * many countries): then, as for a country Pharmacheck has no data on, the guidance is general and
 * points to the Council of Europe's Medicrime page.
 */
import type { Authority, MedicrimeParty } from './authorities';
import type { CountrySetting } from './settings-value';

export interface CountryData {
  readonly authorities: readonly Authority[];
  readonly parties: readonly MedicrimeParty[];
}

export interface ResolvedCountry {
  /** ISO 3166 alpha-2, or null when neither the options nor the browser say. */
  readonly code: string | null;
  /** Where the code came from. */
  readonly from: 'options' | 'browser' | 'none';
  readonly authority: Authority | null;
  readonly medicrime: MedicrimeParty | null;
}

/** The first explicit country region among the browser's languages, e.g. ["fr", "de-CH"] → "CH". */
export function countryFromLocales(locales: readonly string[]): string | null {
  for (const tag of locales) {
    try {
      const region = new Intl.Locale(tag).region;
      if (region && /^[A-Z]{2}$/.test(region)) return region;
    } catch {
      // Not a language tag: ignore it rather than trust it.
    }
  }
  return null;
}

export function resolveCountry(setting: CountrySetting, browserLocales: readonly string[], data: CountryData): ResolvedCountry {
  const fromOptions = setting === 'auto' ? null : setting === 'other' ? 'other' : setting;
  const code = fromOptions === 'other' ? null : (fromOptions ?? countryFromLocales(browserLocales));
  const from = fromOptions !== null ? 'options' : code !== null ? 'browser' : 'none';
  return {
    code,
    from,
    authority: data.authorities.find((a) => a.iso2 === code) ?? null,
    medicrime: data.parties.find((p) => p.iso2 === code) ?? null,
  };
}

/** Every country Pharmacheck has data on, for the options' list. */
export function knownCountries(data: CountryData): string[] {
  return [...new Set([...data.authorities.map((a) => a.iso2), ...data.parties.map((p) => p.iso2)])];
}

/** The authority's own reporting page, where the data has one; "Report this site" otherwise goes to the guide. */
export function reportTarget(country: ResolvedCountry): string | null {
  return country.authority?.reportUrl ?? null;
}
