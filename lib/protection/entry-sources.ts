/** Where confirmations and the overlay read stored entries and domains (lib/lists/list-index.ts). */
import type { OverlaySource } from '../blocking';
import { CHUNK_SIZE, readBaseDomains, readBaseEntry, readChunkDomains, readOverlayEntry, type EntrySource, type IndexedList, type PharmacheckDb } from '../lists';

/** Entries with their details, for the warning page and the popup (one small row a hit). */
export function detailsSource(db: PharmacheckDb): EntrySource {
  return {
    baseEntry: (indexed, index) => readBaseEntry(db, indexed.list, index),
    overlayEntry: (indexed, domain) => readOverlayEntry(db, indexed.list, domain),
  };
}

/**
 * Domains only, each chunk read once per use, for the overlay's verdicts. `inMemory` holds lists
 * whose base is not stored yet (a full list being installed), by list id, in stored order.
 */
export function domainsSource(db: PharmacheckDb, inMemory: ReadonlyMap<string, readonly string[]> = new Map()): OverlaySource {
  const chunks = new Map<string, Promise<string[]>>();
  const wholes = new Map<string, Promise<readonly string[]>>();
  return {
    async baseDomain(indexed: IndexedList, index: number): Promise<string | undefined> {
      const held = inMemory.get(indexed.list.id);
      if (held) return held[index];
      const chunk = indexed.list.chunks[Math.floor(index / CHUNK_SIZE)];
      if (!chunk) return undefined;
      let read = chunks.get(chunk.key);
      if (!read) chunks.set(chunk.key, (read = readChunkDomains(db, indexed.list, chunk)));
      return (await read)[index % CHUNK_SIZE];
    },
    async baseDomains(indexed: IndexedList): Promise<readonly string[]> {
      const held = inMemory.get(indexed.list.id);
      if (held) return held;
      let read = wholes.get(indexed.list.base);
      if (!read) wholes.set(indexed.list.base, (read = readBaseDomains(db, indexed.list)));
      return read;
    },
  };
}

