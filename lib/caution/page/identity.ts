/**
 * Who sells: a street address, a licence or registration number, a named pharmacist. Regulators
 * tell people to look for all three (NABP, GPhC's rules for distance-selling websites, the German
 * Impressum); NABP found no valid address on about 62% of the sites it does not recommend. A shop
 * that offers medicines and shows none of the three gets this signal; any one of them is enough
 * to keep it quiet, since an invented address is easy and so is its absence on a real page cut short.
 */
import { signal } from '../signal';
import type { Signal } from '../types';
import { ADDRESS, LICENCE, PHARMACIST, phrase } from './phrases';
import type { PageRead } from './read';
import { lazy } from '../lazy';

export const WEIGHT = 0.5;

const ADDRESS_RE = lazy(() => phrase(ADDRESS));
const LICENCE_RE = lazy(() => phrase(LICENCE));
const PHARMACIST_RE = lazy(() => phrase(PHARMACIST));

export function identitySignals(read: PageRead): Signal[] {
  if (!read.isShop || !read.offersMedicines) return [];
  const text = `${read.body}\n${read.parts.filter((p) => p.kind === 'link').map((p) => p.text).join('\n')}`;
  if (ADDRESS_RE().test(text) || LICENCE_RE().test(text) || PHARMACIST_RE().test(text)) return [];
  return [signal('page', 'no-identity', WEIGHT, 'cautionPageNoIdentity')];
}
