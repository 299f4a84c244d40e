/**
 * The one IndexedDB database (Dexie). Only the background writes to it.
 *
 * A list's entries are stored in chunks of at most CHUNK_SIZE, never one row per domain (100,000
 * rows take ~20 s to write in Chromium; 10 rows of 10,000 take ~80 ms). Each chunk is stored twice:
 * its domains alone, newline-joined (what the service worker reads to rebuild its index when it
 * wakes: one string per chunk clones fast), and its full entries (read only to explain a verdict
 * or to apply a delta).
 *
 * Chunks are immutable and named by a unique key; a list row names its chunks in order. A new
 * version writes new chunks first, then one transaction points the row at them and deletes the
 * chunks no longer named: readers never see a half-written list, a failed write leaves the last
 * good list, and a delta rewrites only the chunks it touches. Each chunk also owns one blocking
 * rule id (lib/blocking), so the rules follow a delta chunk by chunk.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Report, ReportReceipt } from '../reports/schema';
import type { PublicKeyFile } from '../signing';
import type { Entry, ListMeta } from './schema';

export const CHUNK_SIZE = 10_000;

export type ListSource =
  | { readonly type: 'bundled'; readonly file: string }
  | { readonly type: 'url'; readonly url: string };

export interface ChunkRef {
  readonly key: string;
  readonly count: number;
  /** The declarativeNetRequest rule that holds this chunk's domains. */
  readonly ruleId: number;
}

export interface StoredList {
  readonly id: string;
  readonly meta: ListMeta;
  readonly source: ListSource;
  readonly chunks: readonly ChunkRef[];
  readonly entryCount: number;
  /** ISO time the current version was stored. */
  readonly installedAt: string;
}

export interface DomainChunk {
  readonly key: string;
  readonly listId: string;
  /** The chunk's domains joined by "\n", in entry order. */
  readonly domains: string;
}

export interface EntryChunk {
  readonly key: string;
  readonly listId: string;
  readonly entries: readonly Entry[];
}

/** Why the last update attempt failed, as the options page shows it. */
export interface UpdateError {
  readonly reason: string;
  readonly message: string;
  readonly at: string;
}

export interface Subscription {
  /** The list id; one subscription per list. */
  readonly id: string;
  /** The list's `latest.json`; null for a bundled list that has no update URL. */
  readonly url: string | null;
  /** The one key this subscription trusts; null for a bundled list (shipped with the code). */
  readonly key: PublicKeyFile | null;
  readonly addedBy: 'bundled' | 'person' | 'policy';
  readonly addedAt: string;
  readonly lastCheck: string | null;
  readonly lastSuccess: string | null;
  readonly lastError: UpdateError | null;
  readonly failures: number;
  readonly nextCheck: string | null;
  /** ETag of the last latest.json processed successfully (for If-None-Match). */
  readonly etag: string | null;
}

export interface Counter {
  readonly name: string;
  readonly value: number;
}

/**
 * A report in the outbox (lib/reports/outbox.ts): written before any attempt to send it, so
 * nothing is lost offline, on a browser restart or on a hub error.
 */
export interface OutboxItem {
  /** The report's idempotency key: the hub stores each key once, however often it is sent. */
  readonly key: string;
  readonly report: Report;
  /** The hub's base URL at the time the person sent it. */
  readonly hub: string;
  readonly status: 'queued' | 'sent' | 'refused';
  readonly attempts: number;
  readonly nextAttempt: string | null;
  readonly lastError: { readonly status: number | null; readonly code: string; readonly message: string; readonly at: string } | null;
  readonly receipt: ReportReceipt | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type PharmacheckDb = Dexie & {
  lists: EntityTable<StoredList, 'id'>;
  domainChunks: EntityTable<DomainChunk, 'key'>;
  entryChunks: EntityTable<EntryChunk, 'key'>;
  subscriptions: EntityTable<Subscription, 'id'>;
  counters: EntityTable<Counter, 'name'>;
  outbox: EntityTable<OutboxItem, 'key'>;
};

export function openDatabase(name = 'pharmacheck'): PharmacheckDb {
  const db = new Dexie(name) as PharmacheckDb;
  db.version(1).stores({
    lists: 'id',
    domainChunks: 'key, listId',
    entryChunks: 'key, listId',
    subscriptions: 'id',
    counters: 'name',
    outbox: 'key, status',
  });
  return db;
}
