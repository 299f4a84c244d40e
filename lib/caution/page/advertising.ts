/**
 * How the trade advertises, beyond a cart: a title that offers a prescription-only medicine
 * ("Buy tramadol online", "Cialis generique pas cher"); the same offers repeated line after line, as
 * spam doorways on hacked sites do; delivery that avoids checks ("discreet packaging", "free
 * reshipment if customs seize it"); and "Canadian pharmacy" on a site that is not Canadian. Each
 * weighs little alone: a legitimate online doctor's title can say "Buy sildenafil online".
 */
import { signal } from '../signal';
import type { Signal } from '../types';
import { BUY, CANADIAN, phrase, SHIPPING_LURES } from './phrases';
import { asks, warns, type PageRead } from './read';
import { RARELY_WITH_ED } from './vocabulary';
import { lazy } from '../lazy';

export const WEIGHTS = { titleOffer: 0.5, offerPhrases: 0.6, shippingLure: 0.3, canadian: 0.5 } as const;

const BUY_RE = lazy(() => phrase([...BUY, 'online']));
const LURE = lazy(() => phrase(SHIPPING_LURES));
const CANADIAN_RE = lazy(() => phrase(CANADIAN));
const REPEATED = 3;

export function advertisingSignals(read: PageRead): Signal[] {
  const signals: Signal[] = [];
  const title = read.parts.find((p) => p.kind === 'title');
  const titleOffer = read.drugs.find((d) => d.part === title && d.offered && BUY_RE().test(title.text));
  if (title && titleOffer && !warns(title.text) && !asks(title.text)) {
    signals.push(signal('page', 'title-offer', WEIGHTS.titleOffer, 'cautionPageTitleOffer', title.original.trim()));
  }
  // Phrases that are nothing but an offer of a medicine ("cheap viagra online", "get tramadol overnight"),
  // in headings, links and the fragments of lines between punctuation.
  const offers = new Set<string>();
  for (const d of read.drugs) {
    if (!d.offered || d.part.kind === 'title' || d.part.kind === 'image' || d.part.kind === 'url') continue;
    const text = d.part.text;
    const from = Math.max(...[',', '.', ';', ':', '|', '\n'].map((c) => text.lastIndexOf(c, d.index))) + 1;
    const next = text.slice(d.index).search(/[,.;:|\n]/);
    const fragment = text.slice(from, next === -1 ? text.length : d.index + next).trim();
    if (fragment.split(' ').length <= 12 && BUY_RE().test(fragment) && !warns(fragment)) offers.add(fragment);
  }
  if (offers.size >= REPEATED) signals.push(signal('page', 'offer-phrases', WEIGHTS.offerPhrases, 'cautionPageOfferPhrases', [...offers][0]!));
  if (read.offersMedicines) {
    const lure = read.parts.find((p) => p.kind === 'line' && !warns(p.text) && LURE().test(p.text));
    if (lure) signals.push(signal('page', 'shipping-lure', WEIGHTS.shippingLure, 'cautionPageShippingLure', lure.original.trim()));
    const controlledOrEd = [...read.offeredClasses].some((c) => c === 'ed' || RARELY_WITH_ED.has(c));
    if (controlledOrEd && !read.host.endsWith('.ca') && read.parts.some((p) => p.kind !== 'url' && CANADIAN_RE().test(p.text) && !warns(p.text))) {
      signals.push(signal('page', 'canadian-claim', WEIGHTS.canadian, 'cautionPageCanadianClaim'));
    }
  }
  return signals;
}
