/** What the chunk tables hold, in a form tests compare: `domains <key>` and `entries <key>`, sorted. */
import type { PharmacheckDb, StoredList } from '../../../lib/lists';

export async function chunkRows(db: PharmacheckDb): Promise<string[]> {
  const domains = await db.domainChunks.toCollection().primaryKeys();
  const entries = await db.entryChunks.toCollection().primaryKeys();
  return [...domains.map((k) => `domains ${k}`), ...entries.map((k) => `entries ${k}`)].sort();
}

/** The rows the chunk tables hold when exactly these list rows are stored. */
export function rowsNamedBy(...lists: StoredList[]): string[] {
  return lists.flatMap((l) => l.chunks.flatMap((c) => [`domains ${c.key}`, `entries ${c.key}`])).sort();
}
