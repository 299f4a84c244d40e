/** Writing lists to the database (see db.ts for the layout and why). */
import {
  CHUNK_SIZE,
  DETAIL_SIZE,
  type ChunkRef,
  type ListSource,
  type PharmacheckDb,
  type StoredList,
} from './db';
import { DeltaMismatch, type Delta } from './delta';
import { FingerprintSet } from './fingerprint-set';
import { overlayAfter, type ListOverlay } from './overlay';
import { readBaseEntries, readOverlay, StoredListUnreadable } from './store-read';
import type { Entry, List, ListMeta } from './schema';
import { defaultVouch, type Vouch } from './standing';

/** A stored list with its base's domains in stored order (what tests and the toolkit index). */
export interface LoadedList {
  readonly stored: StoredList;
  readonly domains: readonly string[];
}

/**
 * A new base's rule chunks: its domains in the order given, cut at CHUNK_SIZE, each chunk with its
 * rule id. They are all a blocking rule needs, so rules can go in before the base is indexed.
 */
export interface BaseChunks {
  readonly base: string;
  readonly chunks: readonly ChunkRef[];
  /** The domains as given (chunk i holds domains i * CHUNK_SIZE …). */
  readonly domains: readonly string[];
}

/** A base ready to be written: its chunks, and its fingerprint set (the order its details are stored in). */
export interface NewBase extends BaseChunks {
  readonly set: FingerprintSet;
  /** Sorted position → index in `domains` (null when they were given in fingerprint order). */
  readonly order: Uint32Array | null;
}

/** Rule ids are never reused while a chunk might still hold one; a counter hands them out. */
async function allocateRuleIds(db: PharmacheckDb, count: number): Promise<number> {
  return db.transaction('rw', db.counters, async () => {
    const first = (await db.counters.get('ruleId'))?.value ?? 1;
    await db.counters.put({ name: 'ruleId', value: first + count });
    return first;
  });
}

/** Cuts a list's domains (in the order given) into rule chunks, each with a new rule id. */
export async function allocateChunks(db: PharmacheckDb, domains: readonly string[]): Promise<BaseChunks> {
  const count = Math.ceil(domains.length / CHUNK_SIZE);
  const firstRuleId = count > 0 ? await allocateRuleIds(db, count) : 0;
  const base = crypto.randomUUID();
  const chunks = Array.from({ length: count }, (_, i) => ({
    key: `${base}:r${i}`,
    count: Math.min(CHUNK_SIZE, domains.length - i * CHUNK_SIZE),
    ruleId: firstRuleId + i,
  }));
  return { base, chunks, domains };
}

/** Indexes the chunks' domains. Throws RangeError on a repeated domain (the extension finds them here). */
export function indexBase(chunks: BaseChunks): NewBase {
  const { set, order } = FingerprintSet.build(chunks.domains);
  return { ...chunks, set, order };
}

export async function prepareBase(db: PharmacheckDb, domains: readonly string[]): Promise<NewBase> {
  return indexBase(await allocateChunks(db, domains));
}

/** The domains of each rule chunk (for its blocking rule). */
export function chunkDomains(chunks: BaseChunks): { ruleId: number; domains: readonly string[] }[] {
  return chunks.chunks.map((chunk, i) => ({ ruleId: chunk.ruleId, domains: chunks.domains.slice(i * CHUNK_SIZE, i * CHUNK_SIZE + chunk.count) }));
}

/** The domain at a sorted position (as its details are stored) of a new base. */
export function domainAt(newBase: NewBase, position: number): string | undefined {
  return newBase.domains[newBase.order ? newBase.order[position]! : position];
}

/** Entries given in input order, put in the new base's (fingerprint) order, as details are stored. */
export function inBaseOrder<T>(newBase: Pick<NewBase, 'order'>, items: readonly T[]): T[] {
  return newBase.order ? Array.from(newBase.order, (i) => items[i]!) : [...items];
}

/** Writes a new base's rows beside the list's current ones (nothing reads them until the switch). */
export async function writeBaseRows(db: PharmacheckDb, listId: string, newBase: NewBase, entries: readonly Entry[]): Promise<void> {
  const domainRows = chunkDomains(newBase).map(({ domains }, i) => ({ key: newBase.chunks[i]!.key, listId, domains: domains.join('\n') }));
  const detailRows: { key: string; listId: string; entries: Entry[] }[] = [];
  for (let at = 0; at < entries.length; at += DETAIL_SIZE) detailRows.push({ key: `${newBase.base}:${at / DETAIL_SIZE}`, listId, entries: entries.slice(at, at + DETAIL_SIZE) });
  await db.transaction('rw', db.domainChunks, db.entryChunks, async () => {
    await db.domainChunks.bulkPut(domainRows);
    await db.entryChunks.bulkPut(detailRows);
  });
}

/**
 * Switches the list to a new base whose rows are written, in one transaction: the row, the
 * snapshot, the overlay gone, stale rows deleted. `vouch` says who vouches for the list
 * (standing.ts); without one, the stored row's stays (a compaction changes no standing), and a new
 * list gets its source's default. With `keepOld`, the old base's rows (its details, its overlay's)
 * stay for an index that still answers from the old base; `dropOldRows` deletes them once it has
 * moved on (and the first wake of a session deletes any an interrupted worker left).
 */
export async function switchBase(db: PharmacheckDb, meta: ListMeta, source: ListSource, newBase: NewBase, vouch?: Vouch, keepOld = false): Promise<StoredList> {
  const id = meta.id;
  const count = newBase.domains.length;
  return db.transaction('rw', [db.lists, db.snapshots, db.overlays, db.overlayEntries, db.domainChunks, db.entryChunks], async () => {
    const standing = vouch ?? (await db.lists.get(id))?.vouch ?? defaultVouch(source);
    const stored: StoredList = { id, meta, source, base: newBase.base, chunks: newBase.chunks, baseCount: count, entryCount: count, installedAt: new Date().toISOString(), vouch: standing };
    await db.lists.put(stored);
    await db.snapshots.put({ id, base: newBase.base, buffer: newBase.set.snapshot() });
    if (!keepOld) await deleteOldRows(db, stored);
    return stored;
  });
}

/** Deletes the rows of a list's earlier bases (see switchBase's `keepOld`). */
export async function dropOldRows(db: PharmacheckDb, listId: string): Promise<void> {
  await db.transaction('rw', [db.lists, db.overlays, db.overlayEntries, db.domainChunks, db.entryChunks], async () => {
    const stored = await db.lists.get(listId);
    if (stored) await deleteOldRows(db, stored);
  });
}

async function deleteOldRows(db: PharmacheckDb, stored: StoredList): Promise<void> {
  if ((await db.overlays.get(stored.id))?.base !== stored.base) await db.overlays.delete(stored.id);
  await db.overlayEntries.where('listId').equals(stored.id).filter((row) => row.base !== stored.base).delete();
  await deleteStaleRows(db, stored);
}

/** Both: a new base for the list, `entries` in the base's order (`vouch`, `keepOld` as for switchBase). */
export async function storeBase(db: PharmacheckDb, meta: ListMeta, source: ListSource, newBase: NewBase, entries: readonly Entry[], vouch?: Vouch, keepOld = false): Promise<StoredList> {
  await writeBaseRows(db, meta.id, newBase, entries);
  return switchBase(db, meta, source, newBase, vouch, keepOld);
}

/** Keys of the detail rows a stored list's base names. */
export function detailKeys(stored: Pick<StoredList, 'base' | 'baseCount'>): string[] {
  return Array.from({ length: Math.ceil(stored.baseCount / DETAIL_SIZE) }, (_, n) => `${stored.base}:${n}`);
}

async function deleteStaleRows(db: PharmacheckDb, stored: StoredList): Promise<void> {
  const chunks = new Set(stored.chunks.map((c) => c.key));
  const details = new Set(detailKeys(stored));
  await db.domainChunks.bulkDelete((await db.domainChunks.where('listId').equals(stored.id).primaryKeys()).filter((k) => !chunks.has(k)));
  await db.entryChunks.bulkDelete((await db.entryChunks.where('listId').equals(stored.id).primaryKeys()).filter((k) => !details.has(k)));
}

/**
 * Stores a validated list as the new base of its id (bundled lists, tests: no rules involved).
 * `vouch` says who vouches for it (standing.ts); by default what the extension ships vouches for
 * itself and anything downloaded is a person's.
 */
export async function installList(db: PharmacheckDb, list: List, source: ListSource, vouch: Vouch = defaultVouch(source)): Promise<StoredList> {
  const { entries, ...meta } = list;
  const newBase = await prepareBase(db, entries.map((e) => e.domain));
  return storeBase(db, meta, source, newBase, inBaseOrder(newBase, entries), vouch);
}

/**
 * Applies a verified delta to the stored version it starts from by growing the list's overlay, in
 * one transaction that writes the list row, the overlay's domains and the delta's additions,
 * whatever the list's size. `known` is the list as the index holds it, which spares reading its
 * base's snapshot. `vouch` replaces who vouches for the list (kept as it was by default).
 * Throws DeltaMismatch when the delta does not fit the stored list; nothing is changed then.
 */
export async function applyDeltaToStore(
  db: PharmacheckDb,
  delta: Delta,
  known?: { readonly list: StoredList; readonly set: FingerprintSet },
  vouch?: Vouch,
): Promise<{ stored: StoredList; overlay: ListOverlay }> {
  const before = await db.lists.get(delta.id);
  // The set comes from memory when it is the stored base's, else from the snapshot (read outside
  // the transaction below, which may only wait on IndexedDB).
  const set = before && known?.list.base === before.base ? known.set : before ? await restoreSet(db, before) : null;
  return db.transaction('rw', db.lists, db.overlays, db.overlayEntries, async () => {
    const stored = await db.lists.get(delta.id);
    if (!stored || !set) throw new DeltaMismatch(`no stored list ${delta.id}`);
    if (stored.base !== before?.base) throw new DeltaMismatch(`list ${delta.id} changed while the delta was applied`);
    if (stored.meta.version !== delta.from) throw new DeltaMismatch(`stored version is ${stored.meta.version}, the delta starts at ${delta.from}`);
    // Entries are checked against the list's kind when a whole list is parsed; a delta that changed
    // the kind would bring in entries never checked against it. The full list is checked whole.
    if (delta.meta.kind !== stored.meta.kind) throw new DeltaMismatch(`the delta changes the list's kind from ${stored.meta.kind} to ${delta.meta.kind}`);
    const row = await db.overlays.get(stored.id);
    const current = row?.base === stored.base ? { adds: new Set(row.adds), removes: new Set(row.removes) } : { adds: new Set<string>(), removes: new Set<string>() };
    const deltas = row?.base === stored.base ? row.deltas : 0;
    const { overlay } = overlayAfter(set, current, delta);
    const next: StoredList = {
      ...stored,
      meta: delta.meta,
      vouch: vouch ?? stored.vouch,
      entryCount: stored.entryCount - delta.remove.length + delta.add.length,
      installedAt: new Date().toISOString(),
    };
    await db.lists.put(next);
    await db.overlays.put({ id: stored.id, base: stored.base, adds: [...overlay.adds], removes: [...overlay.removes], deltas: deltas + 1 });
    await db.overlayEntries.put({ key: `${stored.base}:${deltas}`, listId: stored.id, base: stored.base, entries: delta.add });
    return { stored: next, overlay };
  });
}

async function restoreSet(db: PharmacheckDb, stored: StoredList): Promise<FingerprintSet> {
  const snapshot = await db.snapshots.get(stored.id);
  if (snapshot?.base === stored.base) return FingerprintSet.restore(snapshot.buffer);
  return FingerprintSet.build((await readBaseEntries(db, stored)).map((e) => e.domain)).set;
}

/**
 * A new base for a list from its base and overlay (compaction): the same entries, the overlay
 * empty. Returns the new base unwritten, and its entries in its order, for storeBase.
 */
export async function compactedBase(db: PharmacheckDb, stored: StoredList): Promise<{ newBase: NewBase; entries: Entry[] }> {
  const [base, current] = await Promise.all([readBaseEntries(db, stored), readOverlay(db, stored)]);
  const merged = base.filter((e) => !current.overlay.removes.has(e.domain));
  for (const entry of current.entries.values()) merged.push(entry);
  if (merged.length !== stored.entryCount) throw new StoredListUnreadable(stored.id, `${merged.length} of ${stored.entryCount} entries stored`);
  const newBase = await prepareBase(db, merged.map((e) => e.domain));
  return { newBase, entries: inBaseOrder(newBase, merged) };
}

/** Deletes a list and everything stored for it. */
export async function removeList(db: PharmacheckDb, listId: string): Promise<void> {
  await db.transaction('rw', [db.lists, db.snapshots, db.overlays, db.overlayEntries, db.domainChunks, db.entryChunks], async () => {
    await db.lists.delete(listId);
    await db.snapshots.delete(listId);
    await db.overlays.delete(listId);
    await db.overlayEntries.where('listId').equals(listId).delete();
    await db.domainChunks.where('listId').equals(listId).delete();
    await db.entryChunks.where('listId').equals(listId).delete();
  });
}

/** Deletes rows that no list row names (left by an install that was interrupted). */
export async function removeOrphanChunks(db: PharmacheckDb): Promise<number> {
  return db.transaction('rw', [db.lists, db.domainChunks, db.entryChunks, db.snapshots, db.overlays, db.overlayEntries], async () => {
    const lists = await db.lists.toArray();
    const named = new Set(lists.flatMap((l) => [...l.chunks.map((c) => c.key), ...(l.base ? detailKeys(l) : [])]));
    const bases = new Map(lists.map((l) => [l.id, l.base]));
    const orphanDomains = (await db.domainChunks.toCollection().primaryKeys()).filter((k) => !named.has(k));
    const orphanEntries = (await db.entryChunks.toCollection().primaryKeys()).filter((k) => !named.has(k));
    await db.domainChunks.bulkDelete(orphanDomains);
    await db.entryChunks.bulkDelete(orphanEntries);
    let others = 0;
    for (const table of [db.snapshots, db.overlays]) {
      const stale = (await table.toArray()).filter((row) => bases.get(row.id) !== row.base).map((row) => row.id);
      await table.bulkDelete(stale);
      others += stale.length;
    }
    const staleEntries = (await db.overlayEntries.toArray()).filter((row) => bases.get(row.listId) !== row.base).map((row) => row.key);
    await db.overlayEntries.bulkDelete(staleEntries);
    others += staleEntries.length;
    return orphanDomains.length + orphanEntries.length + others;
  });
}
