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
import type { Vouch } from './standing';

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
  /** Who vouches for the list (standing.ts): decides its rank, whatever the list declares. */
  readonly vouch: Vouch;
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

/** A key a subscription left by following a rotation statement (docs/list-format.md §16). */
export interface RetiredKey {
  readonly key: PublicKeyFile;
  /** The statement's rollover: files signed by this key are accepted until then, never after. */
  readonly until: string;
  /** The statement's `issued`: a later statement must be issued after it (no replay). */
  readonly issued: string;
  /** When this subscriber followed the statement (its own clock: a revocation since then undoes it). */
  readonly followedAt: string;
}

export interface Subscription {
  /** The list id; one subscription per list. */
  readonly id: string;
  /** The list's `latest.json`; null for a bundled list that has no update URL. */
  readonly url: string | null;
  /**
   * The key this subscription trusts now; null for a bundled list (shipped with the code). It moves
   * to the next key when the publisher rolls its key (lib/updater/rotation.ts); for a list the
   * directory of publishers names, it is the directory key that signed the version in force.
   */
  readonly key: PublicKeyFile | null;
  /** The keys it trusted before, oldest first (each left by a verified rotation statement). */
  readonly keyHistory: readonly RetiredKey[];
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

/**
 * The directory of publishers in force (lib/trust), as its signed bytes so that it is verified
 * again when the extension's pinned keys change, and its update status (like a subscription's).
 */
export interface StoredDirectory {
  readonly id: 'directory';
  /** The directory file's exact text and its signature file, as verified. */
  readonly text: string;
  readonly signature: string;
  readonly version: number;
  readonly source: 'bundled' | 'url';
  readonly installedAt: string;
  readonly lastCheck: string | null;
  readonly lastSuccess: string | null;
  readonly lastError: UpdateError | null;
  readonly failures: number;
  readonly nextCheck: string | null;
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
  directory: EntityTable<StoredDirectory, 'id'>;
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
  // Version 2: who vouches for each list, the keys a subscription left, the directory of
  // publishers. Existing rows keep everything and are judged by who added them; the directory,
  // read at start-up, then vouches for what it names (lib/trust/sync.ts).
  db.version(2)
    .stores({ directory: 'id' })
    .upgrade(async (tx) => {
      const addedBy = new Map<string, Subscription['addedBy']>();
      await tx.table('subscriptions').toCollection().modify((sub: { id: string; addedBy: Subscription['addedBy']; keyHistory?: unknown }) => {
        addedBy.set(sub.id, sub.addedBy);
        sub.keyHistory ??= [];
      });
      await tx.table('lists').toCollection().modify((list: { id: string; vouch?: Vouch }) => {
        const by = addedBy.get(list.id);
        list.vouch ??= by === 'bundled' ? { by: 'bundled' } : by === 'policy' ? { by: 'policy' } : { by: 'person' };
      });
    });
  return db;
}
