/**
 * A list's overlay: what the deltas applied since its base was built changed, as exact domains.
 * A delta never rewrites the base (its removals are scattered over every chunk, and Chromium
 * re-indexes all dynamic rules on any change); it only grows the overlay, which compaction folds
 * into a new base now and then (store.ts). A domain is on the list when it is among the overlay's
 * adds, or in the base and not among its removes.
 */
import type { FingerprintSet } from './fingerprint-set';
import { DeltaMismatch, type Delta } from './delta';
import { EMPTY_OVERLAY, type ListOverlay } from './overlay-shape';

export { EMPTY_OVERLAY, type ListOverlay };

/** Every domain the overlay names: the domains whose verdict may differ from the base's. */
export function overlayDomains(overlay: ListOverlay): Set<string> {
  return new Set([...overlay.adds, ...overlay.removes]);
}

export function overlaySize(overlay: ListOverlay): number {
  return overlay.adds.size + overlay.removes.size;
}

/**
 * Whether the list holds exactly this domain. The base answers by fingerprint: a collision there
 * can only make a delta look inconsistent (and the full list is then taken instead), or record a
 * removal that changes nothing, since the overlay itself holds exact domains.
 */
function holds(set: Pick<FingerprintSet, 'indexOf'>, adds: ReadonlySet<string>, removes: ReadonlySet<string>, domain: string): boolean {
  return adds.has(domain) || (!removes.has(domain) && set.indexOf(domain) !== -1);
}

/**
 * The overlay after a delta (which deltaSchema checked): every removed domain must be on the list,
 * every added one absent once the removals are done. Throws DeltaMismatch, changing nothing.
 */
export function overlayAfter(set: Pick<FingerprintSet, 'indexOf'>, overlay: ListOverlay, delta: Pick<Delta, 'remove' | 'add'>): { overlay: ListOverlay } {
  const adds = new Set(overlay.adds);
  const removes = new Set(overlay.removes);
  for (const domain of delta.remove) {
    if (!holds(set, adds, removes, domain)) throw new DeltaMismatch(`removes ${domain}, which the stored list does not hold`);
    adds.delete(domain);
    removes.add(domain);
  }
  for (const entry of delta.add) {
    if (holds(set, adds, removes, entry.domain)) throw new DeltaMismatch(`adds ${entry.domain}, which the stored list already holds`);
    adds.add(entry.domain);
  }
  return { overlay: { adds, removes } };
}
