/**
 * The lists shipped inside the extension. `data/lists/bundled.json` names them; the build
 * (wxt.config.ts) ships each with its validity renewed from the day of the build
 * (`stampBundledLists`), and an index, `lists/bundled.json`, that gives each one's version and
 * dates. Each is a subscription like any other (without an update URL): its list is installed on
 * first run, and again only when the extension ships a newer version; a newer build of the same
 * version renews the stored copy's dates without rewriting it. Protection works offline from the
 * first second, an update of the extension never rolls a list back, and a bundled list goes out of
 * date only when the extension itself has not been updated for its whole validity.
 */
import { z } from 'zod';
import { installList, listSchema, serializeList, type PharmacheckDb } from '../lists';
import { newSubscription } from '../updater/subscriptions';

/** How long a build keeps its bundled lists valid: a year without an extension update. */
export const BUNDLED_VALID_DAYS = 365;
/** Where the build writes the index of the bundled lists, in the package. */
export const BUNDLED_INDEX_FILE = 'lists/bundled.json';

const DAY_MS = 86_400_000;
const isoSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** `data/lists/bundled.json`: which lists to ship. */
export const bundledSourceSchema = z.array(z.strictObject({ id: z.string(), version: z.number().int().positive(), file: z.string() }));
/** `lists/bundled.json` in the package: the same, with the dates the build gave each list. */
export const bundledIndexSchema = z.array(
  z.strictObject({ id: z.string(), version: z.number().int().positive(), file: z.string(), issued: z.iso.datetime({ offset: true }), expires: z.iso.datetime({ offset: true }) }),
);
export type BundledIndex = z.infer<typeof bundledIndexSchema>;

export type FetchText = (path: string) => Promise<string>;

/**
 * What the build ships: each list file issued at `now` and valid for BUNDLED_VALID_DAYS, and the
 * index naming them. Throws when a file is not the list its source entry names.
 */
export function stampBundledLists(source: unknown, readFile: (path: string) => string, now: Date): { files: { path: string; contents: string }[]; index: BundledIndex } {
  const issued = isoSeconds(now.getTime());
  const expires = isoSeconds(now.getTime() + BUNDLED_VALID_DAYS * DAY_MS);
  const files: { path: string; contents: string }[] = [];
  const index: BundledIndex = [];
  for (const item of bundledSourceSchema.parse(source)) {
    const list = listSchema.parse(JSON.parse(readFile(item.file)));
    if (list.id !== item.id || list.version !== item.version) throw new Error(`${item.file} is ${list.id} v${list.version}, bundled.json says ${item.id} v${item.version}`);
    files.push({ path: item.file, contents: serializeList({ ...list, issued, expires }) });
    index.push({ ...item, issued, expires });
  }
  files.push({ path: BUNDLED_INDEX_FILE, contents: `${JSON.stringify(index)}\n` });
  return { files, index };
}

/** Returns the ids of the lists it installed or renewed (empty when all were current). */
export async function ensureBundledLists(db: PharmacheckDb, fetchText: FetchText, now: Date): Promise<string[]> {
  const changed: string[] = [];
  const indexed = bundledIndexSchema.safeParse(JSON.parse(await fetchText(BUNDLED_INDEX_FILE)));
  if (!indexed.success) throw new Error(`${BUNDLED_INDEX_FILE} is invalid: ${indexed.error.message}`);
  for (const item of indexed.data) {
    if (!(await db.subscriptions.get(item.id))) {
      await db.subscriptions.put(newSubscription(item.id, null, null, 'bundled', now));
    }
    const stored = await db.lists.get(item.id);
    if (stored && stored.meta.version > item.version) continue;
    if (stored && stored.meta.version === item.version) {
      // The same entries from a newer build: only the dates move on (never back).
      if (Date.parse(item.expires) > Date.parse(stored.meta.expires)) {
        await db.lists.update(item.id, { meta: { ...stored.meta, issued: item.issued, expires: item.expires } });
        changed.push(item.id);
      }
      continue;
    }
    const parsed = listSchema.safeParse(JSON.parse(await fetchText(item.file)));
    if (!parsed.success) throw new Error(`bundled list ${item.file} is invalid: ${parsed.error.message}`);
    if (parsed.data.id !== item.id || parsed.data.version !== item.version) {
      throw new Error(`bundled list ${item.file} is ${parsed.data.id} v${parsed.data.version}, expected ${item.id} v${item.version}`);
    }
    await installList(db, parsed.data, { type: 'bundled', file: item.file });
    // Installed again after its stored copy broke: no longer broken.
    await db.subscriptions.update(item.id, { broken: null });
    changed.push(item.id);
  }
  return changed;
}
