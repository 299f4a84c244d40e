/**
 * The stored country setting: "auto" (from the browser's language), "other" (a country Pharmacheck
 * has no data on: general guidance), or an ISO 3166 alpha-2 code. Kept apart from the storage item
 * so it can be checked without the browser.
 */
import * as z from 'zod/mini';

export type CountrySetting = 'auto' | 'other' | (string & {});

const countrySettingSchema = z.union([z.literal('auto'), z.literal('other'), z.string().check(z.regex(/^[A-Z]{2}$/))]);

/** A stored value from any version, or from another hand: anything unexpected means "auto". */
export function parseCountrySetting(value: unknown): CountrySetting {
  const parsed = z.safeParse(countrySettingSchema, value);
  return parsed.success ? parsed.data : 'auto';
}
