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

function sameEntry(a: Entry, b: Entry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The delta that turns `from` into `to` (same list id, higher version). */
export function diffLists(from: List, to: List): Delta {
  if (from.id !== to.id) throw new Error(`different lists: ${from.id} and ${to.id}`);
  if (to.version <= from.version) throw new Error(`version ${to.version} does not follow ${from.version}`);
  const before = new Map(from.entries.map((e) => [e.domain, e]));
  const after = new Map(to.entries.map((e) => [e.domain, e]));
  const remove: string[] = [];
  const add: Entry[] = [];
  for (const [domain, entry] of before) {
    const next = after.get(domain);
    if (!next || !sameEntry(entry, next)) remove.push(domain);
  }
  for (const [domain, entry] of after) {
    const previous = before.get(domain);
    if (!previous || !sameEntry(previous, entry)) add.push(entry);
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
