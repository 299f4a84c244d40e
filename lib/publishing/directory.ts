/**
 * Publishing into a directory that a static web server or CDN serves (layout in
 * docs/list-format.md). Earlier versions found there are the history deltas are made from, and
 * nothing already published is deleted (a subscriber may hold a cached latest.json naming it).
 *
 * Atomic as a whole: the new tree is assembled in a temporary sibling directory (the old files
 * hard-linked, never written through), every new file is verified as a subscriber would, and only
 * then does the temporary directory take the old one's place. A publish that fails at any point
 * before that leaves the old directory exactly as it was. (Node cannot exchange two directories in
 * one step, so for the instant between two renames the directory is absent: a request then gets a
 * 404, which a subscriber retries; no request ever sees old and new files mixed.)
 */
import { randomBytes } from 'node:crypto';
import { chmod, copyFile, link, lstat, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  checkedList,
  describesLatest,
  ListInvalid,
  latestSchema,
  listFileName,
  publishedList,
  publishFiles,
  publishIndexBytes,
  publishIndexSchema,
  serializeList,
  type List,
  type PublishedList,
} from '../lists';
import { signatureFileSchema, type SecretKeyFile } from '../signing';
import { ioReason, PublishError } from './error';
import { layoutFile } from './layout';
import { verifyPublication } from './verify';

export interface PublishPlan {
  readonly list: List;
  readonly key: SecretKeyFile;
  /** Absolute path of the publish directory. */
  readonly root: string;
  readonly deltaCount: number;
  readonly now: Date;
  /** Told when each phase of long work starts (the toolkit draws a progress bar). */
  readonly onPhase?: (label: string) => void;
}

export interface PublishResult {
  /** Paths written, relative to the root. */
  readonly written: string[];
  /** Versions the published deltas start from. */
  readonly deltasFrom: number[];
  /** Earlier versions found in the directory. */
  readonly earlier: number[];
}

const ioError = (message: string) => new PublishError('io', message);

async function names(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return [];
    throw ioError(`cannot read ${dir}: ${ioReason(error)}`);
  }
}

async function readOptional(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}

async function readJsonOptional(path: string): Promise<unknown> {
  try {
    return JSON.parse((await readFile(path)).toString('utf8'));
  } catch {
    return null;
  }
}

/** An earlier version found in the directory: what deltas are made from. */
async function readEarlierList(path: string): Promise<List> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
  } catch (error) {
    throw ioError(`cannot read ${path}: ${ioReason(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new PublishError('refused', `${path} is not JSON`);
  }
  // listSchema's decisions, without a million calls to zod (lib/lists/list-check.ts).
  try {
    return checkedList(value);
  } catch (error) {
    if (error instanceof ListInvalid) throw new PublishError('refused', `${path} is not a valid list`);
    throw error;
  }
}

/** Published versions of the list, refusing a rollback or a changed version. */
async function earlierVersions(root: string, list: List): Promise<number[]> {
  const listDir = join(root, list.id);
  const versions = (await names(listDir)).flatMap((n) => /^v([1-9]\d*)\.json$/.exec(n)?.[1] ?? []).map(Number);
  const newest = Math.max(0, ...versions);
  if (newest > list.version) {
    throw new PublishError('rollback', `version ${newest} of "${list.id}" is already published; subscribers would refuse version ${list.version} as a rollback`);
  }
  if (versions.includes(list.version)) {
    const published = await readOptional(join(listDir, listFileName(list.version)));
    if (published?.toString('utf8') !== serializeList(list)) {
      throw new PublishError('version-taken', `version ${list.version} of "${list.id}" is already published with other content; give this list a new version`);
    }
  }
  return versions.filter((v) => v < list.version).sort((a, b) => b - a);
}

/** The lists in the (new) tree, for index.json: ours from its metadata, others from the old index or their files. */
async function indexEntries(tree: string, ours: PublishedList): Promise<PublishedList[]> {
  const oldIndex = publishIndexSchema.safeParse(await readJsonOptional(join(tree, 'index.json')));
  const known = new Map(oldIndex.success ? oldIndex.data.lists.map((l) => [l.id, l]) : []);
  const entries = [ours];
  for (const id of await names(tree)) {
    if (id === ours.id) continue;
    const latest = latestSchema.safeParse(await readJsonOptional(join(tree, id, 'latest.json')));
    const sig = signatureFileSchema.safeParse(await readJsonOptional(join(tree, id, 'latest.json.sig')));
    // Not a list directory (or a damaged one): the index lists what a subscriber could use.
    if (!latest.success || !sig.success || latest.data.id !== id) continue;
    const old = known.get(id);
    if (old && describesLatest(old, latest.data) && old.keyId === sig.data.keyId) {
      entries.push(old);
      continue;
    }
    const other = await readEarlierList(join(tree, id, latest.data.list)).catch(() => null);
    if (other) entries.push(publishedList(other, other.entries.length, sig.data.keyId));
  }
  return entries;
}

/** Copies a tree by hard links (the files are only ever replaced, never written through). */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  await chmod(to, (await stat(from)).mode & 0o7777);
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else await link(source, target).catch(() => copyFile(source, target));
  }
}

/** Replaces a file in the new tree without touching the inode it may share with the old tree. */
async function replaceFile(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${randomBytes(4).toString('hex')}`;
  await writeFile(temporary, bytes, { flag: 'wx' });
  await rename(temporary, path);
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    const stats = await lstat(path);
    if (!stats.isDirectory()) throw ioError(`${path} exists and is not a directory`);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return false;
    throw error;
  }
}

async function swapIn(fresh: string, root: string, hadRoot: boolean): Promise<void> {
  if (!hadRoot) return rename(fresh, root);
  const old = join(dirname(root), `.${basename(root)}.old-${randomBytes(4).toString('hex')}`);
  await rename(root, old);
  try {
    await rename(fresh, root);
  } catch (error) {
    await rename(old, root);
    throw error;
  }
  // Published by now: a leftover copy of the old tree is untidy, not a failure.
  await rm(old, { recursive: true, force: true }).catch(() => undefined);
}

/** Builds a new tree beside `root` with `fill`, then swaps it in; on any failure `root` is unchanged. */
async function replaceTree(root: string, fill: (fresh: string, hadRoot: boolean) => Promise<void>): Promise<void> {
  const hadRoot = await isDirectory(root);
  await mkdir(dirname(root), { recursive: true }).catch((error) => {
    throw ioError(`cannot create ${dirname(root)}: ${ioReason(error)}`);
  });
  const fresh = join(dirname(root), `.${basename(root)}.publish-${randomBytes(4).toString('hex')}`);
  try {
    await fill(fresh, hadRoot);
    await swapIn(fresh, root, hadRoot);
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    if (error instanceof PublishError) throw error;
    throw ioError(`nothing published, ${root} is unchanged: ${ioReason(error)}`);
  }
}

export async function publishToDirectory(plan: PublishPlan): Promise<PublishResult> {
  const { list, key, root } = plan;
  const phase = plan.onPhase ?? (() => {});
  const hadRoot = await isDirectory(root);
  phase('reading earlier versions');
  const earlier = hadRoot ? await earlierVersions(root, list) : [];
  // Each earlier version is read when its delta is made, and let go after it (publishFiles).
  const history = earlier.slice(0, plan.deltaCount).map((version) => ({ id: list.id, version, read: () => readEarlierList(join(root, list.id, listFileName(version))) }));
  phase('making deltas and signatures');
  const files = await publishFiles({ list, history, key, deltaCount: plan.deltaCount });
  phase('checking every file as a subscriber would');
  await verifyPublication(files, list, key, plan.now);

  phase('writing');
  await replaceTree(root, async (fresh, exists) => {
    if (exists) await linkTree(root, fresh);
    else await mkdir(fresh);
    for (const [path, bytes] of files) await replaceFile(join(fresh, path), bytes);
    const ours = publishedList(list, list.entries.length, key.keyId);
    const index = publishIndexBytes(await indexEntries(fresh, ours), `${plan.now.toISOString().slice(0, 19)}Z`);
    await replaceFile(join(fresh, 'index.json'), index);
  });
  const deltasFrom = [...files.keys()].flatMap((p) => /\/delta-(\d+)-\d+\.json$/.exec(p)?.[1] ?? []).map(Number);
  return { written: [...files.keys(), 'index.json'], deltasFrom, earlier };
}

/**
 * Writes a whole layout (an export of everything a hub publishes) as the directory's entire
 * content, atomically. Only a directory that is absent, empty or holds the layout's names alone is
 * replaced: anything else in it is somebody's file, which an export must not delete.
 */
export async function writeLayout(root: string, files: ReadonlyMap<string, Uint8Array>): Promise<void> {
  if (await isDirectory(root)) {
    const found = await readdir(root, { recursive: true, withFileTypes: true }).catch((error) => {
      throw ioError(`cannot read ${root}: ${ioReason(error)}`);
    });
    const foreign = found.filter((e) => !e.isDirectory()).map((e) => join(e.parentPath, e.name).slice(root.length + 1)).find((p) => !layoutFile(p));
    if (foreign) throw new PublishError('unsafe-directory', `${root} holds ${foreign}, which is not part of the publish layout; export into an empty directory or an earlier export`);
  }
  for (const path of files.keys()) if (!layoutFile(path)) throw new PublishError('refused', `${path} is not a name of the publish layout`);
  await replaceTree(root, async (fresh) => {
    await mkdir(fresh);
    for (const [path, bytes] of files) await replaceFile(join(fresh, path), bytes);
  });
}
