/**
 * The lists shipped inside the extension (data/lists/bundled.json names them). Each is a
 * subscription like any other (without an update URL); its list is installed on first run, and
 * again only when the extension ships a newer version: protection works offline from the first
 * second, and an update of the extension never rolls a list back.
 */
import { z } from 'zod';
import bundledIndex from '../../data/lists/bundled.json';
import { installList, listSchema, type PharmacheckDb } from '../lists';
import { newSubscription } from '../updater/subscriptions';

const bundledIndexSchema = z.array(z.strictObject({ id: z.string(), version: z.number().int().positive(), file: z.string() }));

export type FetchText = (path: string) => Promise<string>;

/** Returns the ids of the lists it installed (empty when all were current). */
export async function ensureBundledLists(db: PharmacheckDb, fetchText: FetchText): Promise<string[]> {
  const installed: string[] = [];
  for (const item of bundledIndexSchema.parse(bundledIndex)) {
    if (!(await db.subscriptions.get(item.id))) {
      await db.subscriptions.put(newSubscription(item.id, null, null, 'bundled', new Date()));
    }
    const stored = await db.lists.get(item.id);
    if (stored && stored.meta.version >= item.version) continue;
    const parsed = listSchema.safeParse(JSON.parse(await fetchText(item.file)));
    if (!parsed.success) throw new Error(`bundled list ${item.file} is invalid: ${parsed.error.message}`);
    if (parsed.data.id !== item.id || parsed.data.version !== item.version) {
      throw new Error(`bundled list ${item.file} is ${parsed.data.id} v${parsed.data.version}, expected ${item.id} v${item.version}`);
    }
    await installList(db, parsed.data, { type: 'bundled', file: item.file });
    installed.push(item.id);
  }
  return installed;
}
