/** The index as a woken background restores it: every list from its snapshot and overlay. */
import { FingerprintSet, indexedList, ListIndex, restoreLists, type PharmacheckDb } from '../../../lib/lists';

export async function restoredIndex(db: PharmacheckDb, now: Date): Promise<ListIndex> {
  const rows = await restoreLists(db);
  return ListIndex.of(rows.map((r) => indexedList(r.stored, FingerprintSet.restore(r.snapshot!), null, r.overlay, now)));
}
