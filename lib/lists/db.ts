/**
 * The one IndexedDB database (Dexie). Only the background writes to it.
 *
 * A list is stored as a base and an overlay. The base is the list as last installed whole (or
 * compacted): its entries in fingerprint order (lib/lists/fingerprint-set.ts), never one row per
 * domain (100,000 rows take ~20 s to write in Chromium; 100 rows of 1,000 take tens of ms):
 * - `domainChunks`: the domains of each rule chunk (up to CHUNK_SIZE, newline-joined, in the list's
 *   order), each chunk owning one blocking rule (lib/blocking); read to rebuild rules or compact;
 * - `entryChunks`: the full entries in fingerprint order, DETAIL_SIZE to a row, read to confirm
 *   and explain a verdict (one small row per warning);
 * - `snapshots`: the base's FingerprintSet as one ArrayBuffer, what a waking worker reads.
 * The overlay holds what the deltas since changed (`overlays`: the domains, read on wake;
 * `overlayEntries`: the added entries). A delta writes only the overlay; a new base is written
 * beside the old, then one transaction points the list row at it and deletes what it no longer
 * names: readers never see half a list, and a failed write leaves the last good list.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Report, ReportReceipt } from '../reports/schema';
import type { PublicKeyFile } from '../signing';
import type { Entry, ListMeta } from './schema';
import type { Vouch } from './standing';

export const CHUNK_SIZE = 10_000;
export const DETAIL_SIZE = 1_000;

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
  /** Names the base: its snapshot, detail rows and overlay carry the same key. */
  readonly base: string;
  /** The base's rule chunks in order (positions 0..count-1, then the next, …). */
  readonly chunks: readonly ChunkRef[];
  /** Entries in the base. */
  readonly baseCount: number;
  /** Entries on the list: the base, less the overlay's removals, plus its additions. */
  readonly entryCount: number;
  /** ISO time the current version was stored. */
  readonly installedAt: string;
  /** Who vouches for the list (standing.ts): decides its rank, whatever the list declares. */
  readonly vouch: Vouch;
}

export interface DomainChunk {
  readonly key: string;
  readonly listId: string;
  /** The chunk's domains joined by "\n", in the list's order. */
  readonly domains: string;
}

export interface EntryChunk {
  /** `${base}:${n}`: entries n * DETAIL_SIZE … of the base. */
  readonly key: string;
  readonly listId: string;
  readonly entries: readonly Entry[];
}

export interface Snapshot {
  /** The list id. */
  readonly id: string;
  readonly base: string;
  /** FingerprintSet.snapshot() of the base. */
  readonly buffer: ArrayBuffer;
}

/** The domains of a list's overlay (see lib/lists/overlay.ts). */
export interface OverlayRow {
  readonly id: string;
  readonly base: string;
  readonly adds: readonly string[];
  readonly removes: readonly string[];
  /** How many overlayEntries rows the deltas wrote (one each). */
  readonly deltas: number;
}

/** The entries one delta added (a later row's entry for the same domain replaces an earlier one's). */
export interface OverlayEntries {
  /** `${base}:${n}`: the n-th delta since the base. */
  readonly key: string;
  readonly listId: string;
  readonly base: string;
  readonly entries: readonly Entry[];
}

/**
 * Where the overlays' blocking rules stand (lib/protection/rules-sync.ts): `folded` once they are
 * in the dynamic rules, which survive a restart; until then they are session rules only, which a
 * restart empties, and the first wake of the next session installs them again.
 */
export interface RuleState {
  readonly name: 'overlay';
  readonly folded: boolean;
  /** The overlay rules in the dynamic rules, and what they say. */
  readonly dynamicRuleIds: readonly number[];
  readonly dynamicActions: readonly (readonly [domain: string, action: 'block' | 'allow'])[];
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
  /**
   * The stored copy could not be read back and was set aside (lib/protection/broken.ts), until a
   * version is stored again. Absent on rows from before it existed.
   */
  readonly broken?: { readonly message: string; readonly at: string } | null;
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
  snapshots: EntityTable<Snapshot, 'id'>;
  overlays: EntityTable<OverlayRow, 'id'>;
  overlayEntries: EntityTable<OverlayEntries, 'key'>;
  ruleState: EntityTable<RuleState, 'name'>;
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
  // Version 3: bases in fingerprint order with snapshots, overlays. Lists stored before have no
  // snapshot and get a new base on the first start (lib/protection/service.ts, `unindexed`).
  db.version(3).stores({
    snapshots: 'id',
    overlays: 'id',
    overlayEntries: 'key, listId',
    ruleState: 'name',
  });
  return db;
}
