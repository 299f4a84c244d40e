/** Where confirmations and the overlay read stored entries and domains (lib/lists/list-index.ts). */
import type { OverlaySource } from '../blocking';
import { DETAIL_SIZE, domainAt, readBaseDomains, readBaseEntry, readOverlayEntry, type EntrySource, type IndexedList, type NewBase, type PharmacheckDb } from '../lists';
import type { EntryChunk } from '../lists/db';

/** Entries with their details, for the warning page and the popup (one small row a hit). */
export function detailsSource(db: PharmacheckDb): EntrySource {
  return {
    baseEntry: (indexed, index) => readBaseEntry(db, indexed.list, index),
    overlayEntry: (indexed, domain) => readOverlayEntry(db, indexed.list, domain),
  };
}

/**
 * Domains only, each row read once per use, for the overlay's verdicts. `inMemory` holds bases not
 * stored yet (a full list being installed), by list id.
 */
export function domainsSource(db: PharmacheckDb, inMemory: ReadonlyMap<string, NewBase> = new Map()): OverlaySource {
  const rows = new Map<string, Promise<EntryChunk | undefined>>();
  const wholes = new Map<string, Promise<readonly string[]>>();
  return {
    async baseDomain(indexed: IndexedList, index: number): Promise<string | undefined> {
      const held = inMemory.get(indexed.list.id);
      if (held) return domainAt(held, index);
      const key = `${indexed.list.base}:${Math.floor(index / DETAIL_SIZE)}`;
      let read = rows.get(key);
      if (!read) rows.set(key, (read = db.entryChunks.get(key)));
      return (await read)?.entries[index % DETAIL_SIZE]?.domain;
    },
    async baseDomains(indexed: IndexedList): Promise<readonly string[]> {
      const held = inMemory.get(indexed.list.id);
      if (held) return held.domains;
      let read = wholes.get(indexed.list.base);
      if (!read) wholes.set(indexed.list.base, (read = readBaseDomains(db, indexed.list)));
      return read;
    },
  };
}

