/**
 * The one IndexedDB database (Dexie). Only the background writes to it.
 *
 * A list's entries are stored in chunks of CHUNK_SIZE, never one row per domain (100,000 rows take
 * ~20 s to write in Chromium; 10 rows of 10,000 take ~80 ms). Each chunk is stored twice: the
 * domains alone, joined by newlines (what the service worker reads to rebuild its index when it
 * wakes: one string per chunk clones fast), and the full entries (read only to explain a verdict).
 *
 * Every list row names its current `generation`. A new version is written as chunks of a new
 * generation beside the old ones, then one transaction points the row at it and deletes the old
 * chunks: readers never see a half-written list, and a failed write leaves the last good list.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Entry, ListMeta } from './schema';

export const CHUNK_SIZE = 10_000;

export type ListSource = { readonly type: 'bundled'; readonly file: string };

export interface StoredList {
  readonly id: string;
  readonly meta: ListMeta;
  readonly source: ListSource;
  readonly generation: number;
  readonly entryCount: number;
  /** ISO time the current version was stored. */
  readonly installedAt: string;
}

/** [listId, generation, chunk index] */
export type ChunkKey = [string, number, number];

export interface DomainChunk {
  readonly listId: string;
  readonly generation: number;
  readonly index: number;
  /** The chunk's domains joined by "\n", in entry order. */
  readonly domains: string;
}

export interface EntryChunk {
  readonly listId: string;
  readonly generation: number;
  readonly index: number;
  readonly entries: readonly Entry[];
}

export type PharmacheckDb = Dexie & {
  lists: EntityTable<StoredList, 'id'>;
  domainChunks: Table<DomainChunk, ChunkKey>;
  entryChunks: Table<EntryChunk, ChunkKey>;
};

export function openDatabase(name = 'pharmacheck'): PharmacheckDb {
  const db = new Dexie(name) as PharmacheckDb;
  db.version(1).stores({
    lists: 'id',
    domainChunks: '[listId+generation+index], [listId+generation]',
    entryChunks: '[listId+generation+index], [listId+generation]',
  });
  return db;
}
