/**
 * Prescription-only medicines offered without a prescription: said outright ("no prescription
 * needed", "viagra sans ordonnance", "tramadol ohne Rezept"), or shown by a shop that sells them
 * with no prescription step, or with a questionnaire in its place. A questionnaire is not a
 * prescription (NABP, FDA BeSafeRx), but some legitimate online doctors use one: it weighs little.
 */
import { signal } from '../signal';
import type { Signal } from '../types';
import { BUY, NO_PRESCRIPTION, NO_PRESCRIPTION_OUTRIGHT, phrase, QUESTIONNAIRE } from './phrases';
import { asks, quote, warns, type PageRead } from './read';
import { lazy } from '../lazy';

const NO_RX = lazy(() => phrase(NO_PRESCRIPTION, 'gu'));
const OUTRIGHT = lazy(() => phrase(NO_PRESCRIPTION_OUTRIGHT, 'u'));
const QUESTIONNAIRE_RE = lazy(() => phrase(QUESTIONNAIRE));
const BUY_RE = lazy(() => phrase(BUY));
/** How close the medicine's name must be to "without prescription" to be bound to it. */
const BOUND = 60;

export const WEIGHTS = { noPrescription: 1, noStep: 0.6, questionnaire: 0.3 } as const;

/** The first place where the page offers a prescription-only medicine without a prescription. */
function noPrescriptionOffer(read: PageRead): string | null {
  if (read.drugs.length === 0) return null;
  for (const part of read.parts) {
    if (part.kind === 'image') continue;
    for (const match of part.text.matchAll(NO_RX())) {
      if (warns(part.text) || asks(part.text)) break;
      const bound = read.drugs.some((d) => d.part === part && Math.abs(d.index - match.index) <= BOUND);
      const outright = OUTRIGHT().test(match[0]) || OUTRIGHT().test(part.text.slice(match.index, match.index + 60));
      if (!bound && !outright) continue;
      // Said where a shop says what it sells, or next to an offer, or on a shop.
      const placed = read.isShop || read.drugs.some((d) => d.part === part && d.offered) || (part.kind !== 'line' && BUY_RE().test(part.text));
      if (placed && (bound || read.offersMedicines)) return quote(part, match.index, match[0].length);
    }
  }
  return null;
}

export function prescriptionSignals(read: PageRead): Signal[] {
  const signals: Signal[] = [];
  const offer = noPrescriptionOffer(read);
  if (offer) signals.push(signal('page', 'no-prescription', WEIGHTS.noPrescription, 'cautionPageNoPrescription', offer));
  if (read.isShop && read.offersMedicines && !read.prescriptionStep) {
    const questionnaire = QUESTIONNAIRE_RE().test(read.body) || read.parts.some((p) => p.kind !== 'line' && QUESTIONNAIRE_RE().test(p.text));
    if (questionnaire) signals.push(signal('page', 'questionnaire', WEIGHTS.questionnaire, 'cautionPageQuestionnaire'));
    signals.push(signal('page', 'no-prescription-step', WEIGHTS.noStep, 'cautionPageNoPrescriptionStep', read.offeredNames.slice(0, 4).join(', ')));
  }
  return signals;
}
