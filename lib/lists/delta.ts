/**
 * Deltas: what changed from list version `from` to version `to`. Applying one is: remove every
 * domain in `remove` (each must be present), then add every entry in `add` (each must be absent by
 * then), then take `meta` (the new version's metadata). A changed entry is removed and added again.
 */
import { z } from 'zod';
import { entryDomainSchema, entrySchema, listIdSchema, listMetaSchema, type Entry, type List, type ListMeta } from './schema';

export const MAX_DELTA_CHANGES = 1_000_000;

export const deltaSchema = z
  .strictObject({
    format: z.literal(1),
    type: z.literal('delta'),
    id: listIdSchema,
    from: z.number().int().positive(),
    to: z.number().int().positive(),
    meta: listMetaSchema,
    remove: z.array(entryDomainSchema).max(MAX_DELTA_CHANGES),
    add: z.array(entrySchema).max(MAX_DELTA_CHANGES),
  })
  .superRefine((delta, ctx) => {
    if (delta.to <= delta.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be greater than from' });
    if (delta.meta.id !== delta.id) ctx.addIssue({ code: 'custom', path: ['meta', 'id'], message: 'meta.id differs from id' });
    if (delta.meta.version !== delta.to) ctx.addIssue({ code: 'custom', path: ['meta', 'version'], message: 'meta.version differs from to' });
    // The rules a full list obeys (listSchema) hold for the list a delta makes, so a delta cannot
    // bring in what the same version, downloaded whole, would be refused for.
    if (Date.parse(delta.meta.expires) <= Date.parse(delta.meta.issued)) {
      ctx.addIssue({ code: 'custom', path: ['meta', 'expires'], message: 'expires must be after issued' });
    }
    const seenAdd = new Set<string>();
    delta.add.forEach((e, i) => {
      if (seenAdd.has(e.domain)) ctx.addIssue({ code: 'custom', path: ['add', i], message: `duplicate: ${e.domain}` });
      seenAdd.add(e.domain);
      if ((e.category === 'authorised-pharmacy') !== (delta.meta.kind === 'allow')) {
        ctx.addIssue({ code: 'custom', path: ['add', i, 'category'], message: `${e.category} does not belong on a ${delta.meta.kind} list` });
      }
    });
    if (new Set(delta.remove).size !== delta.remove.length) ctx.addIssue({ code: 'custom', path: ['remove'], message: 'duplicate domains' });
  });
export type Delta = z.infer<typeof deltaSchema>;

/** The same value, field by field (entries hold strings and one nested object; key order does not matter). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** Whether the entries are in strictly increasing domain order, as the toolkit writes them. */
function inDomainOrder(entries: readonly Entry[]): boolean {
  for (let i = 1; i < entries.length; i++) if (!(entries[i - 1]!.domain < entries[i]!.domain)) return false;
  return true;
}

/**
 * The delta that turns `from` into `to` (same list id, higher version): removed in `from`'s order,
 * added in `to`'s, a changed entry both removed and added. Lists in domain order (as the toolkit
 * writes them) are walked side by side, with no index at all; others through one Map of `to`.
 * Either way each pair of entries is compared once (a million-entry list, and a publisher's ten
 * earlier versions).
 */
export function diffLists(from: List, to: List): Delta {
  if (from.id !== to.id) throw new Error(`different lists: ${from.id} and ${to.id}`);
  if (to.version <= from.version) throw new Error(`version ${to.version} does not follow ${from.version}`);
  const remove: string[] = [];
  const add: Entry[] = [];
  const before = from.entries;
  const after = to.entries;
  if (inDomainOrder(before) && inDomainOrder(after)) {
    let i = 0;
    let j = 0;
    while (i < before.length || j < after.length) {
      const old = before[i];
      const next = after[j];
      if (next === undefined || (old !== undefined && old.domain < next.domain)) {
        remove.push(old!.domain);
        i++;
      } else if (old === undefined || next.domain < old.domain) {
        add.push(next);
        j++;
      } else {
        if (!sameValue(old, next)) {
          remove.push(old.domain);
          add.push(next);
        }
        i++;
        j++;
      }
    }
  } else {
    const byDomain = new Map(after.map((e) => [e.domain, e]));
    const kept = new Set<Entry>();
    for (const entry of before) {
      const next = byDomain.get(entry.domain);
      if (next && sameValue(entry, next)) kept.add(next);
      else remove.push(entry.domain);
    }
    for (const entry of after) if (!kept.has(entry)) add.push(entry);
  }
  const { entries: _entries, ...meta } = to;
  return { format: 1, type: 'delta', id: to.id, from: from.version, to: to.version, meta, remove, add };
}

export class DeltaMismatch extends Error {}

/** Entries of version `to`, from the entries of version `from`. Throws DeltaMismatch. */
export function applyDelta(entries: readonly Entry[], delta: Pick<Delta, 'remove' | 'add'>): Entry[] {
  const byDomain = new Map(entries.map((e) => [e.domain, e]));
  for (const domain of delta.remove) {
    if (!byDomain.delete(domain)) throw new DeltaMismatch(`removes ${domain}, which the stored list does not hold`);
  }
  for (const entry of delta.add) {
    if (byDomain.has(entry.domain)) throw new DeltaMismatch(`adds ${entry.domain}, which the stored list already holds`);
    byDomain.set(entry.domain, entry);
  }
  return [...byDomain.values()];
}

export type { ListMeta };
