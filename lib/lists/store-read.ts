/** Reading lists back from the database (see db.ts for the layout). */
import { DETAIL_SIZE, type ChunkRef, type OverlayRow, type PharmacheckDb, type Snapshot, type StoredList } from './db';
import { EMPTY_OVERLAY, type ListOverlay } from './overlay';
import type { Entry } from './schema';
import type { LoadedList } from './store';

/** What a waking worker reads, in one transaction: every list row with its snapshot and overlay. */
export interface RestoredList {
  readonly stored: StoredList;
  /** Null when there is none for the list's base (a version-1 database, or an interrupted write). */
  readonly snapshot: ArrayBuffer | null;
  readonly overlay: ListOverlay;
}

/**
 * A list's stored copy cannot be read back: rows missing, or holding other than what the list row
 * says. Start-up and the rules reconciler leave that list out (shown broken, fetched again) and
 * go on with the others.
 */
export class StoredListUnreadable extends Error {
  constructor(
    readonly listId: string,
    message: string,
  ) {
    super(`list ${listId}: ${message}`);
    this.name = 'StoredListUnreadable';
  }
}

function overlayOf(row: OverlayRow | undefined, stored: StoredList): ListOverlay {
  return row && row.base === stored.base ? { adds: new Set(row.adds), removes: new Set(row.removes) } : EMPTY_OVERLAY;
}

export async function restoreLists(db: PharmacheckDb): Promise<RestoredList[]> {
  return db.transaction('r', db.lists, db.snapshots, db.overlays, async () => {
    const [lists, snapshots, overlays] = await Promise.all([db.lists.toArray(), db.snapshots.toArray(), db.overlays.toArray()]);
    const snapshotOf = new Map<string, Snapshot>(snapshots.map((s) => [s.id, s]));
    const overlayRow = new Map(overlays.map((o) => [o.id, o]));
    return lists.map((stored) => {
      const snapshot = snapshotOf.get(stored.id);
      return { stored, snapshot: snapshot && stored.base && snapshot.base === stored.base ? snapshot.buffer : null, overlay: overlayOf(overlayRow.get(stored.id), stored) };
    });
  });
}

/** The entries the deltas since the base added, the latest for each domain still among the adds. */
async function addedEntries(db: PharmacheckDb, stored: StoredList, overlay: ListOverlay, deltas: number): Promise<Map<string, Entry>> {
  const rows = await db.overlayEntries.bulkGet(Array.from({ length: deltas }, (_, n) => `${stored.base}:${n}`));
  const byDomain = new Map<string, Entry>();
  for (const row of rows) for (const e of row?.entries ?? []) if (overlay.adds.has(e.domain)) byDomain.set(e.domain, e);
  return byDomain;
}

/** A list's overlay with the entries of its additions. */
export async function readOverlay(db: PharmacheckDb, stored: StoredList): Promise<{ overlay: ListOverlay; entries: Map<string, Entry>; deltas: number }> {
  const row = await db.overlays.get(stored.id);
  const overlay = overlayOf(row, stored);
  const deltas = row && row.base === stored.base ? row.deltas : 0;
  const byDomain = await addedEntries(db, stored, overlay, deltas);
  if (byDomain.size !== overlay.adds.size) throw new StoredListUnreadable(stored.id, `the overlay names ${overlay.adds.size} additions, ${byDomain.size} are stored`);
  return { overlay, entries: byDomain, deltas };
}

/** Entry `index` of a list's base, or undefined. */
export async function readBaseEntry(db: PharmacheckDb, stored: StoredList, index: number): Promise<Entry | undefined> {
  if (index < 0 || index >= stored.baseCount) return undefined;
  const row = await db.entryChunks.get(`${stored.base}:${Math.floor(index / DETAIL_SIZE)}`);
  return row?.entries[index % DETAIL_SIZE];
}

/** The entry a delta added for a domain (the latest), or undefined. */
export async function readOverlayEntry(db: PharmacheckDb, stored: StoredList, domain: string): Promise<Entry | undefined> {
  const row = await db.overlays.get(stored.id);
  if (row?.base !== stored.base || !row.adds.includes(domain)) return undefined;
  return (await addedEntries(db, stored, { adds: new Set([domain]), removes: new Set() }, row.deltas)).get(domain);
}

/** Every entry of a list's base, in stored order (also reads a version-1 database's rows). */
export async function readBaseEntries(db: PharmacheckDb, stored: StoredList): Promise<Entry[]> {
  const keys = stored.base ? Array.from({ length: Math.ceil(stored.baseCount / DETAIL_SIZE) }, (_, n) => `${stored.base}:${n}`) : stored.chunks.map((c) => c.key);
  const rows = await db.entryChunks.bulkGet(keys);
  const entries = rows.flatMap((row, i) => {
    if (!row) throw new StoredListUnreadable(stored.id, `entries ${keys[i]} are missing`);
    return row.entries;
  });
  const expected = stored.base ? stored.baseCount : stored.chunks.reduce((n, c) => n + c.count, 0);
  if (entries.length !== expected) throw new StoredListUnreadable(stored.id, `${entries.length} of ${expected} entries stored`);
  return entries;
}

/** The domains of one rule chunk, in stored order. */
export async function readChunkDomains(db: PharmacheckDb, stored: StoredList, chunk: ChunkRef): Promise<string[]> {
  const row = await db.domainChunks.get(chunk.key);
  if (!row) throw new StoredListUnreadable(stored.id, `chunk ${chunk.key} is missing`);
  const domains = row.domains === '' ? [] : row.domains.split('\n');
  if (domains.length !== chunk.count) throw new StoredListUnreadable(stored.id, `chunk ${chunk.key} holds ${domains.length} of ${chunk.count} domains`);
  return domains;
}

/** Every domain of a list's base, in stored order. */
export async function readBaseDomains(db: PharmacheckDb, stored: StoredList): Promise<string[]> {
  const out: string[] = [];
  for (const chunk of stored.chunks) for (const d of await readChunkDomains(db, stored, chunk)) out.push(d);
  return out;
}

/**
 * Every stored list with every domain on it (the base less the overlay's removals, then its
 * additions): what a list holds, for tests and checks. Indices into these domains are not stored
 * positions; the background's index restores from snapshots instead (restoreLists).
 */
export async function loadLists(db: PharmacheckDb): Promise<LoadedList[]> {
  const out: LoadedList[] = [];
  for (const stored of await db.lists.toArray()) {
    const { overlay } = await readOverlay(db, stored);
    const domains = (await readBaseDomains(db, stored)).filter((d) => !overlay.removes.has(d));
    for (const d of overlay.adds) domains.push(d);
    if (domains.length !== stored.entryCount) throw new Error(`list ${stored.id}: ${domains.length} of ${stored.entryCount} entries stored`);
    out.push({ stored, domains });
  }
  return out;
}
