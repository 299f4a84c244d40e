/**
 * A list whose stored copy cannot be read back (rows missing, or not what its list row says) is set
 * aside: its rows go, so that nothing half-read gives a verdict or a rule, and its subscription
 * says it is broken and is due at once with no ETag, so the next update fetches the whole list
 * (a bundled list is installed again from the package). The other lists are not touched. The mark
 * stays until a version of the list is stored again, and the options page shows it.
 */
import { removeList, type PharmacheckDb } from '../lists';

export async function setAsideBroken(db: PharmacheckDb, listId: string, error: unknown, now: Date): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await removeList(db, listId);
  await db.subscriptions.update(listId, { broken: { message, at: now.toISOString() }, nextCheck: now.toISOString(), etag: null });
}
