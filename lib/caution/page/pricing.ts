/**
 * How pharmacy spam prices: per pill ("$0.99 per pill", "ab 0,89 € pro Pille") and with bulk
 * bonuses ("4 free pills", "pilules offertes"). A pharmacy prices a pack; a price per pill next to
 * a medicine is the trade's, and news about that trade quotes it, so it weighs little alone.
 */
import { signal } from '../signal';
import type { Signal } from '../types';
import { BONUS_PILLS, PER_PILL, phrase, PRICE } from './phrases';
import { quote, warns, type PageRead } from './read';
import { lazy } from '../lazy';

export const WEIGHTS = { perPill: 0.5, bonusPills: 0.6 } as const;

const PER = lazy(() => phrase(PER_PILL, 'gu'));
const BONUS = lazy(() => phrase(BONUS_PILLS, 'gu'));
const NEAR = 25;

function firstQuote(read: PageRead, re: RegExp, needsPrice: boolean): string | null {
  for (const part of read.parts) {
    if (part.kind === 'url' || part.kind === 'image') continue;
    for (const m of part.text.matchAll(re)) {
      if (warns(part.text)) break;
      const around = part.text.slice(Math.max(0, m.index - NEAR), m.index + m[0].length + NEAR);
      if (needsPrice && !PRICE.test(around)) continue;
      return quote(part, m.index, m[0].length, NEAR);
    }
  }
  return null;
}

export function pricingSignals(read: PageRead): Signal[] {
  if (!read.offersMedicines) return [];
  const signals: Signal[] = [];
  const perPill = firstQuote(read, PER(), true);
  if (perPill) signals.push(signal('page', 'price-per-pill', WEIGHTS.perPill, 'cautionPagePricePerPill', perPill));
  const bonus = firstQuote(read, BONUS(), false);
  if (bonus) signals.push(signal('page', 'bonus-pills', WEIGHTS.bonusPills, 'cautionPageBonusPills', bonus));
  return signals;
}
