/**
 * What a waking worker reads before it can answer, with IndexedDB itself rather than Dexie: one
 * connection, one read-only transaction over the list rows, their snapshots and overlays and the
 * overlay rules' state, then the connection is closed (Dexie opens its own for everything else).
 * Dexie's open checks the whole schema first, which costs a waking worker tens of milliseconds
 * that a verdict would wait for.
 *
 * Returns null when there is nothing to read this way (no database yet, or one from before these
 * tables): the caller then goes through Dexie, which creates or upgrades it.
 */
import type { OverlayRow, RuleState, Snapshot, StoredList } from './db';
import { EMPTY_OVERLAY } from './overlay-shape';
import type { RestoredList } from './store-read';
import { begunEarly } from '../platform/begun-early';

const STORES = ['lists', 'snapshots', 'overlays', 'ruleState'] as const;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function open(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(name);
    // No database yet: leave its creation to Dexie, which knows the schema.
    opening.onupgradeneeded = () => opening.transaction?.abort();
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => (opening.error?.name === 'AbortError' ? resolve(null) : reject(opening.error));
    opening.onblocked = () => resolve(null);
  });
}

export interface WakeRead {
  readonly rows: RestoredList[];
  readonly ruleState: RuleState | undefined;
}

const early = begunEarly(readNow);

/**
 * Begins the wake read now, for the next readForWake of the same database to take. The background
 * calls it from its script's first lines (lib/protection/wake-start.ts), so that the browser opens
 * the database while the rest of the script is evaluated; the reads themselves follow the open.
 */
export function startWakeRead(name = 'pharmacheck'): void {
  early.begin(name);
}

/** The read startWakeRead began for this database (once), or a new one. */
export function readForWake(name = 'pharmacheck'): Promise<WakeRead | null> {
  return early.take(name);
}

async function readNow(name: string): Promise<WakeRead | null> {
  const db = await open(name);
  if (!db) return null;
  try {
    if (!STORES.every((s) => db.objectStoreNames.contains(s))) return null;
    const tx = db.transaction([...STORES], 'readonly');
    const [lists, snapshots, overlays, state] = await Promise.all([
      request(tx.objectStore('lists').getAll() as IDBRequest<StoredList[]>),
      request(tx.objectStore('snapshots').getAll() as IDBRequest<Snapshot[]>),
      request(tx.objectStore('overlays').getAll() as IDBRequest<OverlayRow[]>),
      request(tx.objectStore('ruleState').get('overlay') as IDBRequest<RuleState | undefined>),
    ]);
    const snapshotOf = new Map(snapshots.map((s) => [s.id, s]));
    const overlayOf = new Map(overlays.map((o) => [o.id, o]));
    const rows = lists.map((stored): RestoredList => {
      const snapshot = snapshotOf.get(stored.id);
      const overlay = overlayOf.get(stored.id);
      return {
        stored,
        snapshot: snapshot && stored.base && snapshot.base === stored.base ? snapshot.buffer : null,
        overlay: overlay && overlay.base === stored.base ? { adds: new Set(overlay.adds), removes: new Set(overlay.removes) } : EMPTY_OVERLAY,
      };
    });
    return { rows, ruleState: state };
  } finally {
    db.close();
  }
}
