/**
 * "For research use only" and "not for human consumption" on medicines: how GLP-1 agonists
 * (semaglutide, tirzepatide, retatrutide), peptides and SARMs are sold to people without a
 * prescription. A laboratory supplier's catalogue says the same of reagents, so it counts only
 * where the page offers such medicines (and weighs more when it sells them as weight loss).
 */
import { listed, signal } from '../signal';
import type { Signal } from '../types';
import { phrase, RESEARCH_ONLY } from './phrases';
import type { PageRead } from './read';
import { RESEARCH_MARKET } from './vocabulary';
import { lazy } from '../lazy';

export const WEIGHTS = { researchOnly: 0.8, withWeightLoss: 1.2 } as const;

const RESEARCH = lazy(() => phrase(RESEARCH_ONLY));
const WEIGHT_LOSS = lazy(() => phrase(['weight ?loss', 'fat ?loss', 'lose weight', 'abnehm', 'gewichtsverlust', 'perte de poids', 'maigrir', 'perdita di peso', 'dimagr', 'perdida de peso', 'adelgaz', 'afvallen', 'odchudz', 'emagrec', 'viktminsk']));

export function researchSignals(read: PageRead): Signal[] {
  const names = [...new Set(read.drugs.filter((d) => RESEARCH_MARKET.has(d.drugClass) && (d.offered || read.isShop)).map((d) => d.name))];
  if (names.length === 0 || !read.isShop) return [];
  const all = `${read.body}\n${read.parts.filter((p) => p.kind !== 'line').map((p) => p.text).join('\n')}`;
  if (!RESEARCH().test(all)) return [];
  const weight = WEIGHT_LOSS().test(all) ? WEIGHTS.withWeightLoss : WEIGHTS.researchOnly;
  return [signal('page', 'research-only', weight, 'cautionPageResearchOnly', listed(names, 3))];
}
