/**
 * After the directory of publishers changed (an update, a release), or on start-up: every stored
 * list gets the vouch its subscription and the directory give it now (keys.ts), so a revocation
 * or a new directory entry takes effect at once. Returns the ids of the lists that changed.
 */
import type { PharmacheckDb, Vouch } from '../lists';
import { vouchFor } from './keys';
import type { Directory } from './schema';

const same = (a: Vouch | undefined, b: Vouch) => JSON.stringify(a) === JSON.stringify(b);

export async function syncVouches(db: PharmacheckDb, directory: Directory | null): Promise<string[]> {
  return db.transaction('rw', db.lists, db.subscriptions, async () => {
    const subs = new Map((await db.subscriptions.toArray()).map((s) => [s.id, s]));
    const changed: string[] = [];
    for (const list of await db.lists.toArray()) {
      const sub = subs.get(list.id);
      if (!sub) continue;
      const vouch = vouchFor(sub, directory);
      if (same(list.vouch, vouch)) continue;
      await db.lists.update(list.id, { vouch });
      changed.push(list.id);
    }
    return changed;
  });
}
