/** Reading and writing lists in the database (see db.ts for the layout and why). */
import { CHUNK_SIZE, type DomainChunk, type EntryChunk, type ListSource, type PharmacheckDb, type StoredList } from './db';
import type { Entry, List } from './schema';

export interface LoadedList {
  readonly stored: StoredList;
  /** Domains in entry order: index i is entry i. */
  readonly domains: string[];
}

/**
 * Stores a (validated) list as the new version of its id, atomically. Returns the stored row.
 * Chunks of the new generation are written first; only then does the list row switch to them.
 */
export async function installList(db: PharmacheckDb, list: List, source: ListSource): Promise<StoredList> {
  const previous = await db.lists.get(list.id);
  const generation = (previous?.generation ?? 0) + 1;
  // Leftovers of an interrupted install of this generation would mix with the new chunks.
  await deleteGeneration(db, list.id, generation);
  const domainChunks: DomainChunk[] = [];
  const entryChunks: EntryChunk[] = [];
  for (let index = 0; index * CHUNK_SIZE < list.entries.length; index++) {
    const entries = list.entries.slice(index * CHUNK_SIZE, (index + 1) * CHUNK_SIZE);
    domainChunks.push({ listId: list.id, generation, index, domains: entries.map((e) => e.domain).join('\n') });
    entryChunks.push({ listId: list.id, generation, index, entries });
  }
  await db.transaction('rw', db.domainChunks, db.entryChunks, async () => {
    await db.domainChunks.bulkPut(domainChunks);
    await db.entryChunks.bulkPut(entryChunks);
  });
  const { entries: _entries, ...meta } = list;
  const stored: StoredList = {
    id: list.id,
    meta,
    source,
    generation,
    entryCount: list.entries.length,
    installedAt: new Date().toISOString(),
  };
  await db.transaction('rw', db.lists, db.domainChunks, db.entryChunks, async () => {
    await db.lists.put(stored);
    await removeOtherGenerations(db, list.id, generation);
  });
  return stored;
}

async function deleteGeneration(db: PharmacheckDb, listId: string, generation: number): Promise<void> {
  await db.domainChunks.where('[listId+generation]').equals([listId, generation]).delete();
  await db.entryChunks.where('[listId+generation]').equals([listId, generation]).delete();
}

async function removeOtherGenerations(db: PharmacheckDb, listId: string, keep: number): Promise<void> {
  const other = (chunk: { listId: string; generation: number }) => chunk.listId === listId && chunk.generation !== keep;
  await db.domainChunks.filter(other).delete();
  await db.entryChunks.filter(other).delete();
}

/** Deletes chunks that no list row points at (left by an install that was interrupted). */
export async function removeOrphanChunks(db: PharmacheckDb): Promise<number> {
  return db.transaction('rw', db.lists, db.domainChunks, db.entryChunks, async () => {
    const current = new Map((await db.lists.toArray()).map((l) => [l.id, l.generation]));
    const orphan = (chunk: { listId: string; generation: number }) => current.get(chunk.listId) !== chunk.generation;
    return (await db.domainChunks.filter(orphan).delete()) + (await db.entryChunks.filter(orphan).delete());
  });
}

/** Every stored list with its domains, each read in one transaction (a consistent snapshot). */
export async function loadLists(db: PharmacheckDb): Promise<LoadedList[]> {
  return db.transaction('r', db.lists, db.domainChunks, async () => {
    const lists = await db.lists.toArray();
    const loaded: LoadedList[] = [];
    for (const stored of lists) {
      const chunks = await db.domainChunks.where('[listId+generation]').equals([stored.id, stored.generation]).sortBy('index');
      const domains: string[] = [];
      for (const chunk of chunks) if (chunk.domains.length > 0) domains.push(...chunk.domains.split('\n'));
      if (domains.length !== stored.entryCount) {
        throw new Error(`list ${stored.id} generation ${stored.generation}: ${domains.length} of ${stored.entryCount} entries stored`);
      }
      loaded.push({ stored, domains });
    }
    return loaded;
  });
}

/** The full entry at an index of a stored generation (to explain a verdict), or undefined. */
export async function readEntry(db: PharmacheckDb, listId: string, generation: number, index: number): Promise<Entry | undefined> {
  const chunk = await db.entryChunks.get([listId, generation, Math.floor(index / CHUNK_SIZE)]);
  return chunk?.entries[index % CHUNK_SIZE];
}
