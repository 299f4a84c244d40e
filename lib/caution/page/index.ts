/**
 * The page family: what a page offers and how. Each module returns Signals with readable reasons;
 * they all share one reading of the page (read.ts), so the text is folded and scanned for
 * medicines once.
 */
import type { PageFeatures, Signal } from '../types';
import { advertisingSignals } from './advertising';
import { classSignals } from './classes';
import { disguiseSignals } from './disguise';
import { identitySignals } from './identity';
import { paymentSignals } from './payment';
import { prescriptionSignals } from './prescription';
import { pricingSignals } from './pricing';
import { readPage, type PageRead } from './read';
import { researchSignals } from './research';
import { sealSignals } from './seals';

export { readPage, type PageRead } from './read';

const FAMILIES: readonly ((read: PageRead) => Signal[])[] = [
  prescriptionSignals, classSignals, disguiseSignals, pricingSignals, paymentSignals, identitySignals, sealSignals, researchSignals, advertisingSignals,
];

export function pageSignals(page: PageFeatures | PageRead): Signal[] {
  const read = 'parts' in page ? page : readPage(page);
  return FAMILIES.flatMap((family) => family(read));
}
