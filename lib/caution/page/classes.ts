/**
 * Drug classes that legitimate pharmacies rarely sell together (Apache SpamAssassin's drug rules:
 * erectile dysfunction with anxiety or sleep medicines, four classes or more). Measured on
 * 7,822 ordinary e-mails: silent (shared/data/detection/README.md). A legitimate catalogue also
 * lists many classes, so only *offered* medicines count (lib/caution/page/read.ts), and the pairs
 * that count are erectile dysfunction with controlled medicines, which mail-order pharmacies
 * cannot ship without a prescription and most may not ship at all.
 */
import { listed, signal } from '../signal';
import type { Signal } from '../types';
import type { PageRead } from './read';
import { CONTROLLED, RARELY_WITH_ED, type DrugClass } from './vocabulary';

export const WEIGHTS = { edWithControlled: 1, manyClasses: 0.6, manyWithControlled: 1 } as const;
const MANY = 4;

function namesOf(read: PageRead, classes: ReadonlySet<DrugClass>): string[] {
  const seen = new Map<DrugClass, string>();
  for (const d of read.drugs) if (d.offered && classes.has(d.drugClass) && !seen.has(d.drugClass)) seen.set(d.drugClass, d.name);
  return [...seen.values()];
}

export function classSignals(read: PageRead): Signal[] {
  const classes = read.offeredClasses;
  const controlled = [...classes].filter((c) => CONTROLLED.has(c));
  if (classes.has('ed') && [...classes].some((c) => RARELY_WITH_ED.has(c))) {
    const names = namesOf(read, new Set<DrugClass>(['ed', ...[...classes].filter((c) => RARELY_WITH_ED.has(c))]));
    return [signal('page', 'class-mix', WEIGHTS.edWithControlled, 'cautionPageClassMix', listed(names))];
  }
  if (classes.size >= MANY) {
    const weight = controlled.length > 0 ? WEIGHTS.manyWithControlled : WEIGHTS.manyClasses;
    return [signal('page', 'many-classes', weight, 'cautionPageManyClasses', String(classes.size), listed(namesOf(read, classes)))];
  }
  return [];
}
