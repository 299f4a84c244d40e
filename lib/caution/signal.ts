/**
 * How a signal family says what it found: an id, a weight and an i18n message with its
 * substitutions (never a bare score). Every message key a caution signal uses is listed here, so
 * the type check fails on a key the English messages lack, and a unit test checks all five
 * languages.
 */
import type { MessageKey } from '../i18n';
import type { Signal, SignalFamily } from './types';

export const REASON_KEYS = [
  'cautionPageNoPrescription', 'cautionPageNoPrescriptionStep', 'cautionPageQuestionnaire', 'cautionPageClassMix', 'cautionPageManyClasses',
  'cautionPageDisguisedNames', 'cautionPagePricePerPill', 'cautionPageBonusPills', 'cautionPageHiddenPayment', 'cautionPageNoIdentity', 'cautionPageFakeSeal',
  'cautionPageResearchOnly', 'cautionPageOfferPhrases', 'cautionPageTitleOffer', 'cautionPageShippingLure', 'cautionPageCanadianClaim', 'cautionLogoNoLink',
  'cautionLogoLinksToSelf', 'cautionLogoNotARegister', 'cautionLogoOtherCountry',
] as const satisfies readonly MessageKey[];
export type ReasonKey = (typeof REASON_KEYS)[number];

/** Substitutions are quotes from the page: kept short, so a reason stays a sentence. */
const SUB_MAX = 80;

export function signal(family: SignalFamily, rule: string, weight: number, key: ReasonKey, ...subs: string[]): Signal {
  return {
    id: `${family}.${rule}`,
    family,
    weight,
    reason: { key, subs: subs.map((s) => (s.length > SUB_MAX ? `${s.slice(0, SUB_MAX - 1).trimEnd()}…` : s)) },
  };
}

/** A few names, comma-separated, for a reason. */
export function listed(names: readonly string[], max = 4): string {
  return names.slice(0, max).join(', ') + (names.length > max ? ', …' : '');
}
