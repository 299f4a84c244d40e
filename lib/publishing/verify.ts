/**
 * Every file of a publication is checked as a subscriber would check it (lib/lists/download.ts)
 * before anyone can read it: a publication subscribers would refuse is no publication. The same
 * checks hold a whole layout to account before it is exported for a static host.
 */
import { basename } from 'node:path';
import { checkDelta, checkLatest, checkList, publishIndexSchema, Refused, type List } from '../lists';
import { publicPart, verify, type PublicKeyFile, type SecretKeyFile } from '../signing';
import { PublishError } from './error';
import { layoutFile } from './layout';

const decoder = new TextDecoder();

/** The new files of one list's publication: its version, its deltas and its latest.json. */
export async function verifyPublication(files: ReadonlyMap<string, Uint8Array>, list: List, key: SecretKeyFile, now: Date): Promise<void> {
  const expect = { id: list.id, key: publicPart(key), now };
  for (const [path, bytes] of files) {
    if (path.endsWith('.sig')) continue;
    const signature = decoder.decode(files.get(`${path}.sig`));
    const name = basename(path);
    const from = /^delta-(\d+)-\d+\.json$/.exec(name)?.[1];
    try {
      if (name === 'latest.json') await checkLatest(bytes, signature, { ...expect, currentVersion: null });
      else if (from !== undefined) await checkDelta(bytes, signature, { ...expect, currentVersion: Number(from) });
      else await checkList(bytes, signature, { ...expect, currentVersion: null });
    } catch (error) {
      if (error instanceof Refused) throw new PublishError('refused', `nothing published: subscribers would refuse ${path}: ${error.message}`);
      throw error;
    }
  }
}

export interface LayoutCheck {
  /** Lists whose current version has expired: served as they are, but subscribers refuse them. */
  readonly expired: string[];
}

/**
 * A whole layout, as a static host would serve it: only the layout's names, a signature beside
 * every list file, each list's latest.json, the version it names and its deltas verifying as a
 * first download and an update would, every older file's signature, and index.json matching.
 */
export async function verifyLayout(files: ReadonlyMap<string, Uint8Array>, key: PublicKeyFile, now: Date): Promise<LayoutCheck> {
  const refuse = (message: string) => new PublishError('refused', `nothing exported: ${message}`);
  const ids = new Set<string>();
  for (const path of files.keys()) {
    const file = layoutFile(path);
    if (!file) throw refuse(`${path} is not a name of the publish layout`);
    if (file.kind === 'index') continue;
    ids.add(file.id);
    const partner = file.signature ? path.slice(0, -'.sig'.length) : `${path}.sig`;
    if (!files.has(partner)) throw refuse(`${path} has no ${file.signature ? 'file' : 'signature'} beside it`);
  }
  const expired: string[] = [];
  const checked = new Set<string>();
  const latestVersions = new Map<string, number>();
  for (const id of [...ids].sort()) {
    const read = (name: string) => {
      const bytes = files.get(`${id}/${name}`);
      const sig = files.get(`${id}/${name}.sig`);
      if (!bytes || !sig) throw refuse(`${id}/${name} is missing`);
      checked.add(`${id}/${name}`);
      return { bytes, signature: decoder.decode(sig) };
    };
    const expect = { id, key, now, currentVersion: null };
    const guard = async <T>(path: string, check: () => Promise<T>): Promise<T | null> => {
      try {
        return await check();
      } catch (error) {
        if (!(error instanceof Refused)) throw error;
        // Expiry is checked last: everything else about the file holds. Served as it is; say so.
        if (error.reason === 'expired') {
          if (!expired.includes(id)) expired.push(id);
          return null;
        }
        throw refuse(`subscribers would refuse ${path}: ${error.message}`);
      }
    };
    const latestFile = read('latest.json');
    const latest = await guard(`${id}/latest.json`, () => checkLatest(latestFile.bytes, latestFile.signature, expect));
    if (latest) {
      latestVersions.set(id, latest.version);
      const listFile = read(latest.list);
      const list = await guard(`${id}/${latest.list}`, () => checkList(listFile.bytes, listFile.signature, expect));
      if (list && list.version !== latest.version) throw refuse(`${id}/latest.json names version ${latest.version}, but ${latest.list} is version ${list.version}`);
      for (const delta of latest.deltas) {
        const deltaFile = read(delta.file);
        await guard(`${id}/${delta.file}`, () => checkDelta(deltaFile.bytes, deltaFile.signature, { ...expect, currentVersion: delta.from }));
      }
    }
  }
  // Older versions and deltas: subscribers no longer start from them, but they must be what we signed.
  for (const [path, bytes] of files) {
    if (path.endsWith('.sig') || path === 'index.json' || checked.has(path)) continue;
    const problem = await verify(bytes, decoder.decode(files.get(`${path}.sig`)), key);
    if (problem) throw refuse(`${path}: ${problem.replaceAll('-', ' ')}`);
  }
  const indexBytes = files.get('index.json');
  if (indexBytes) {
    let index;
    try {
      index = publishIndexSchema.parse(JSON.parse(decoder.decode(indexBytes)));
    } catch {
      throw refuse('index.json is not a valid index');
    }
    for (const entry of index.lists) {
      if (!ids.has(entry.id)) throw refuse(`index.json names ${entry.id}, which has no files`);
      const version = latestVersions.get(entry.id);
      if (version !== undefined && version !== entry.version) throw refuse(`index.json says ${entry.id} is version ${entry.version}, latest.json says ${version}`);
    }
  }
  return { expired };
}
