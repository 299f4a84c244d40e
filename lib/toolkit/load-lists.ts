/**
 * Lists for `check`, from list files or publish directories, loaded as the extension holds them
 * (LoadedList, then ListIndex). With public keys every file is verified as a download would be;
 * without, each is still held to the list schema.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkLatest, checkList, latestSchema, Refused, type List, type LoadedList } from '../lists';
import { signatureFileSchema, type PublicKeyFile } from '../signing';
import { ioError, refused } from './exit';
import { ioReason, parseJsonText, readBytes, readText } from './files';
import { peek, readList } from './signed-files';

export interface HeldList {
  readonly file: string;
  readonly list: List;
}

/** The trusted key a signature names, or the first one (which the check then refuses as wrong-key). */
function keyFor(signature: string, keys: readonly PublicKeyFile[]): PublicKeyFile {
  let keyId: string | undefined;
  try {
    keyId = signatureFileSchema.safeParse(JSON.parse(signature)).data?.keyId;
  } catch {
    keyId = undefined;
  }
  return keys.find((k) => k.keyId === keyId) ?? keys[0]!;
}

async function verified<T>(file: string, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof Refused) throw refused(`${file} is refused: ${error.message}`);
    throw error;
  }
}

export async function loadListFile(file: string, keys: readonly PublicKeyFile[], now: Date): Promise<HeldList> {
  if (keys.length === 0) return { file, list: await readList(file) };
  const bytes = await readBytes(file);
  const signature = await readText(`${file}.sig`);
  const list = await verified(file, () => checkList(bytes, signature, { id: peek(bytes).id ?? '', key: keyFor(signature, keys), currentVersion: null, now }));
  return { file, list };
}

/** Every list of a publish directory: each `<id>/latest.json` and the full list it names. */
export async function loadPublishDirectory(dir: string, keys: readonly PublicKeyFile[], now: Date): Promise<HeldList[]> {
  let ids: string[];
  try {
    ids = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch (error) {
    throw ioError(`cannot read ${dir}: ${ioReason(error)}`);
  }
  const held: HeldList[] = [];
  for (const id of ids) {
    const latestPath = join(dir, id, 'latest.json');
    let latestBytes: Uint8Array;
    try {
      latestBytes = await readBytes(latestPath);
    } catch {
      continue; // not a list's directory
    }
    let listName: string;
    if (keys.length === 0) listName = parseJsonText(new TextDecoder().decode(latestBytes), latestSchema, latestPath, 'latest.json').list;
    else {
      const signature = await readText(`${latestPath}.sig`);
      const latest = await verified(latestPath, () => checkLatest(latestBytes, signature, { id, key: keyFor(signature, keys), currentVersion: null, now }));
      listName = latest.list;
    }
    held.push(await loadListFile(join(dir, id, listName), keys, now));
  }
  if (held.length === 0) throw refused(`${dir} holds no published list (no <id>/latest.json)`);
  return held;
}

/**
 * As the extension holds a stored list: metadata and domains in entry order. Ranked as it
 * declares, as the extension ranks a list an organisation's policy sets (lib/lists/standing.ts);
 * a list a person adds ranks as community unless the directory of publishers names its key.
 */
export function loaded({ file, list }: HeldList): LoadedList {
  const { entries, ...meta } = list;
  return {
    stored: { id: list.id, meta, source: { type: 'url', url: pathToFileURL(file).href }, base: '', chunks: [], baseCount: entries.length, entryCount: entries.length, installedAt: new Date().toISOString(), vouch: { by: 'policy' } },
    domains: entries.map((e) => e.domain),
  };
}
