/** Reading and writing lists in the database (see db.ts for the layout and why). */
import { CHUNK_SIZE, type ChunkRef, type DomainChunk, type EntryChunk, type ListSource, type PharmacheckDb, type StoredList } from './db';
import { applyDelta, DeltaMismatch, type Delta } from './delta';
import type { DomainSet } from './domain-set';
import type { Entry, List } from './schema';
import { defaultVouch, type Vouch } from './standing';

export interface LoadedList {
  readonly stored: StoredList;
  /** Domains in entry order across the chunks: index i is entry i. */
  readonly domains: string[];
}

interface NewChunk {
  readonly ref: ChunkRef;
  readonly domains: DomainChunk;
  readonly entries: EntryChunk;
}

/** Rule ids are never reused while a chunk might still hold one; a counter hands them out. */
async function allocateRuleIds(db: PharmacheckDb, count: number): Promise<number> {
  return db.transaction('rw', db.counters, async () => {
    const first = (await db.counters.get('ruleId'))?.value ?? 1;
    await db.counters.put({ name: 'ruleId', value: first + count });
    return first;
  });
}

function chunkKey(listId: string): string {
  return `${listId}:${crypto.randomUUID()}`;
}

async function makeChunks(db: PharmacheckDb, listId: string, entries: readonly Entry[]): Promise<NewChunk[]> {
  const count = Math.ceil(entries.length / CHUNK_SIZE);
  const firstRuleId = count > 0 ? await allocateRuleIds(db, count) : 0;
  const chunks: NewChunk[] = [];
  for (let i = 0; i < count; i++) {
    const part = entries.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE);
    const key = chunkKey(listId);
    chunks.push({
      ref: { key, count: part.length, ruleId: firstRuleId + i },
      domains: { key, listId, domains: part.map((e) => e.domain).join('\n') },
      entries: { key, listId, entries: part },
    });
  }
  return chunks;
}

async function writeChunks(db: PharmacheckDb, chunks: readonly NewChunk[]): Promise<void> {
  await db.transaction('rw', db.domainChunks, db.entryChunks, async () => {
    await db.domainChunks.bulkPut(chunks.map((c) => c.domains));
    await db.entryChunks.bulkPut(chunks.map((c) => c.entries));
  });
}

/** Points the list row at its new chunks and deletes the chunks it no longer names, atomically. */
async function switchTo(db: PharmacheckDb, stored: StoredList): Promise<void> {
  await db.transaction('rw', db.lists, db.domainChunks, db.entryChunks, async () => {
    await db.lists.put(stored);
    const keep = new Set(stored.chunks.map((c) => c.key));
    const stale = (await db.domainChunks.where('listId').equals(stored.id).primaryKeys()).filter((k) => !keep.has(k));
    const staleEntries = (await db.entryChunks.where('listId').equals(stored.id).primaryKeys()).filter((k) => !keep.has(k));
    await db.domainChunks.bulkDelete(stale);
    await db.entryChunks.bulkDelete(staleEntries);
  });
}

/**
 * Stores a validated list as the new version of its id, replacing every chunk. `vouch` says who
 * vouches for it (standing.ts); by default what the extension ships vouches for itself and
 * anything downloaded is a person's.
 */
export async function installList(db: PharmacheckDb, list: List, source: ListSource, vouch: Vouch = defaultVouch(source)): Promise<StoredList> {
  const chunks = await makeChunks(db, list.id, list.entries);
  await writeChunks(db, chunks);
  const { entries: _entries, ...meta } = list;
  const stored: StoredList = {
    id: list.id,
    meta,
    source,
    chunks: chunks.map((c) => c.ref),
    entryCount: list.entries.length,
    installedAt: new Date().toISOString(),
    vouch,
  };
  await switchTo(db, stored);
  return stored;
}

/**
 * Applies a verified delta to the stored version it starts from. Only the chunks that lose an
 * entry are rewritten; the added entries go into one new chunk (merged with the smallest chunk when
 * that one is less than half full, so small deltas do not pile up small chunks).
 * Throws DeltaMismatch when the delta does not fit the stored list; nothing is changed then.
 * `vouch` replaces who vouches for the list (kept as it was by default).
 */
export async function applyDeltaToStore(db: PharmacheckDb, delta: Delta, known?: KnownList, vouch?: Vouch): Promise<StoredList> {
  const stored = await db.lists.get(delta.id);
  if (!stored) throw new DeltaMismatch(`no stored list ${delta.id}`);
  if (stored.meta.version !== delta.from) throw new DeltaMismatch(`stored version is ${stored.meta.version}, the delta starts at ${delta.from}`);
  // Entries are checked against the list's kind when a whole list is parsed; a delta that changed
  // the kind would bring in entries never checked against it. The full list is checked whole.
  if (delta.meta.kind !== stored.meta.kind) throw new DeltaMismatch(`the delta changes the list's kind from ${stored.meta.kind} to ${delta.meta.kind}`);
  const locate = known && sameChunkKeys(known.list, stored) ? locateInMemory(known, stored) : await locateByReading(db, stored);
  const removals = new Set(delta.remove);
  const touched = new Set<number>();
  for (const domain of delta.remove) {
    const position = locate(domain);
    if (position === -1) throw new DeltaMismatch(`removes ${domain}, which the stored list does not hold`);
    touched.add(position);
  }
  for (const entry of delta.add) {
    if (locate(entry.domain) !== -1 && !removals.has(entry.domain)) throw new DeltaMismatch(`adds ${entry.domain}, which the stored list already holds`);
  }
  // The smallest chunk, not the last: a delta that only removes moves its rewritten chunk to the
  // end, and a small chunk left before it would otherwise never be merged again.
  const smallest = stored.chunks.reduce((best, c, i) => (c.count < stored.chunks[best]!.count ? i : best), stored.chunks.length - 1);
  const merge = delta.add.length > 0 && smallest >= 0 && stored.chunks[smallest]!.count < CHUNK_SIZE / 2 && delta.add.length < CHUNK_SIZE / 2;
  if (merge) touched.add(smallest);

  const keptRefs: (ChunkRef | null)[] = [...stored.chunks];
  const rewritten: Entry[] = [];
  const touchedPositions = [...touched].sort((a, b) => a - b);
  const entryRows = await db.entryChunks.bulkGet(touchedPositions.map((p) => stored.chunks[p]!.key));
  entryRows.forEach((row, i) => {
    if (!row) throw new DeltaMismatch(`entries of chunk ${stored.chunks[touchedPositions[i]!]!.key} are missing`);
    rewritten.push(...row.entries.filter((e) => !removals.has(e.domain)));
    keptRefs[touchedPositions[i]!] = null;
  });
  const fresh = await makeChunks(db, delta.id, applyDelta(rewritten, { remove: [], add: delta.add }));
  await writeChunks(db, fresh);
  const chunks = [...keptRefs.filter((c): c is ChunkRef => c !== null), ...fresh.map((c) => c.ref)];
  const next: StoredList = {
    ...stored,
    meta: delta.meta,
    vouch: vouch ?? stored.vouch,
    chunks,
    entryCount: chunks.reduce((sum, c) => sum + c.count, 0),
    installedAt: new Date().toISOString(),
  };
  await switchTo(db, next);
  return next;
}

/** The same list held in memory (lib/lists/list-index.ts), to find entries without reading them. */
export interface KnownList {
  readonly list: StoredList;
  readonly set: Pick<DomainSet, 'indexOf'>;
}

function sameChunkKeys(a: StoredList, b: StoredList): boolean {
  return a.chunks.length === b.chunks.length && a.chunks.every((c, i) => c.key === b.chunks[i]!.key);
}

/** Domain → position of the chunk that holds it, or -1; from the index in memory. */
function locateInMemory(known: KnownList, stored: StoredList): (domain: string) => number {
  const starts: number[] = [];
  let start = 0;
  for (const chunk of stored.chunks) {
    starts.push(start);
    start += chunk.count;
  }
  return (domain) => {
    const index = known.set.indexOf(domain);
    if (index === -1) return -1;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    return low;
  };
}

/** The same, by reading every chunk's domains (when no index in memory matches the stored list). */
async function locateByReading(db: PharmacheckDb, stored: StoredList): Promise<(domain: string) => number> {
  const rows = await db.domainChunks.bulkGet(stored.chunks.map((c) => c.key));
  const positions = new Map<string, number>();
  rows.forEach((row, position) => {
    if (!row) throw new DeltaMismatch(`chunk ${stored.chunks[position]!.key} is missing`);
    if (row.domains !== '') for (const domain of row.domains.split('\n')) positions.set(domain, position);
  });
  return (domain) => positions.get(domain) ?? -1;
}

/** Deletes a list and its chunks. */
export async function removeList(db: PharmacheckDb, listId: string): Promise<void> {
  await db.transaction('rw', db.lists, db.domainChunks, db.entryChunks, async () => {
    await db.lists.delete(listId);
    await db.domainChunks.where('listId').equals(listId).delete();
    await db.entryChunks.where('listId').equals(listId).delete();
  });
}

/** Deletes chunks that no list row names (left by an install that was interrupted). */
export async function removeOrphanChunks(db: PharmacheckDb): Promise<number> {
  return db.transaction('rw', db.lists, db.domainChunks, db.entryChunks, async () => {
    const named = new Set((await db.lists.toArray()).flatMap((l) => l.chunks.map((c) => c.key)));
    const orphanDomains = (await db.domainChunks.toCollection().primaryKeys()).filter((k) => !named.has(k));
    const orphanEntries = (await db.entryChunks.toCollection().primaryKeys()).filter((k) => !named.has(k));
    await db.domainChunks.bulkDelete(orphanDomains);
    await db.entryChunks.bulkDelete(orphanEntries);
    return orphanDomains.length + orphanEntries.length;
  });
}

/** Every stored list with its domains, each read in one transaction (a consistent snapshot). */
export async function loadLists(db: PharmacheckDb): Promise<LoadedList[]> {
  return db.transaction('r', db.lists, db.domainChunks, async () => {
    const lists = await db.lists.toArray();
    const loaded: LoadedList[] = [];
    for (const stored of lists) {
      const rows = await db.domainChunks.bulkGet(stored.chunks.map((c) => c.key));
      const domains: string[] = [];
      rows.forEach((row, i) => {
        if (!row) throw new Error(`list ${stored.id}: chunk ${stored.chunks[i]!.key} is missing`);
        if (row.domains.length > 0) for (const d of row.domains.split('\n')) domains.push(d);
      });
      if (domains.length !== stored.entryCount) {
        throw new Error(`list ${stored.id}: ${domains.length} of ${stored.entryCount} entries stored`);
      }
      loaded.push({ stored, domains });
    }
    return loaded;
  });
}

/** Where entry `index` of a stored list lives: its chunk and its offset in it. */
export function locateEntry(stored: StoredList, index: number): { chunk: ChunkRef; offset: number } | null {
  let start = 0;
  for (const chunk of stored.chunks) {
    if (index < start + chunk.count) return index >= start ? { chunk, offset: index - start } : null;
    start += chunk.count;
  }
  return null;
}

/** The full entry at an index of a stored list (to explain a verdict), or undefined. */
export async function readEntry(db: PharmacheckDb, stored: StoredList, index: number): Promise<Entry | undefined> {
  const at = locateEntry(stored, index);
  if (!at) return undefined;
  return (await db.entryChunks.get(at.chunk.key))?.entries[at.offset];
}

/** All entries of a stored list, in order. */
export async function readEntries(db: PharmacheckDb, stored: StoredList): Promise<Entry[]> {
  const rows = await db.entryChunks.bulkGet(stored.chunks.map((c) => c.key));
  return rows.flatMap((row, i) => {
    if (!row) throw new Error(`list ${stored.id}: entries of chunk ${stored.chunks[i]!.key} are missing`);
    return row.entries;
  });
}
