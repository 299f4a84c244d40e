/** What the list tables hold, in a form tests compare: `domains <key>`, `entries <key>`, `snapshot <id>`…, sorted. */
import { detailKeys, type PharmacheckDb, type StoredList } from '../../../lib/lists';

export async function chunkRows(db: PharmacheckDb): Promise<string[]> {
  const domains = await db.domainChunks.toCollection().primaryKeys();
  const entries = await db.entryChunks.toCollection().primaryKeys();
  const snapshots = await db.snapshots.toArray();
  const overlays = await db.overlays.toArray();
  return [
    ...domains.map((k) => `domains ${k}`),
    ...entries.map((k) => `entries ${k}`),
    ...snapshots.map((s) => `snapshot ${s.id} ${s.base}`),
    ...overlays.map((o) => `overlay ${o.id} ${o.base}`),
  ].sort();
}

/** The rows the tables hold when exactly these list rows (with no overlay) are stored. */
export function rowsNamedBy(...lists: StoredList[]): string[] {
  return lists
    .flatMap((l) => [...l.chunks.map((c) => `domains ${c.key}`), ...detailKeys(l).map((k) => `entries ${k}`), `snapshot ${l.id} ${l.base}`])
    .sort();
}
