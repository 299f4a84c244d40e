/**
 * Payment only by cryptocurrency or money transfer (Western Union, MoneyGram, gift cards): no
 * chargeback, no card scheme that knows the merchant (LegitScript's red flags). Counted only on a
 * shop that offers medicines and names no traceable way to pay beside them.
 */
import { listed, signal } from '../signal';
import type { Signal } from '../types';
import { lazy } from '../lazy';
import { PAYMENT_HIDDEN, PAYMENT_TRACEABLE, wholeWords } from './phrases';
import type { PageRead } from './read';

export const WEIGHT = 0.6;

const HIDDEN = lazy(() => wholeWords(PAYMENT_HIDDEN, 'gu'));
const TRACEABLE = lazy(() => wholeWords(PAYMENT_TRACEABLE, 'u'));

export function paymentSignals(read: PageRead): Signal[] {
  if (!read.offersMedicines) return [];
  const texts = read.parts.filter((p) => p.kind !== 'url').map((p) => p.text);
  const hidden = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(HIDDEN())) hidden.add(m[0]);
  const images = read.features.images.map((i) => `${i.alt} ${i.src.split('/').pop() ?? ''}`.toLowerCase());
  const traceable = texts.some((t) => TRACEABLE().test(t)) || images.some((i) => TRACEABLE().test(i.replace(/[-_.]/g, ' ')));
  if (hidden.size === 0 || traceable) return [];
  return [signal('page', 'hidden-payment', WEIGHT, 'cautionPageHiddenPayment', listed([...hidden], 3))];
}
