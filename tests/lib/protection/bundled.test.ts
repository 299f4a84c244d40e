import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import bundledSource from '../../../data/lists/bundled.json';
import { CHUNK_SIZE, installList, ListIndex, loadLists, openDatabase, type List, type PharmacheckDb } from '../../../lib/lists';
import { BUNDLED_INDEX_FILE, BUNDLED_VALID_DAYS, ensureBundledLists, stampBundledLists } from '../../../lib/protection/bundled';
import { verdictForUrl } from '../../../lib/verdict';
import { LISTED } from '../../e2e/support/hosts';

const DATA = fileURLToPath(new URL('../../../data/', import.meta.url));
const [BUNDLED] = bundledSource;
if (!BUNDLED) throw new Error('bundled.json names no list');

const readData = (path: string) => readFileSync(`${DATA}${path}`, 'utf8');
const BUILT = new Date('2026-11-30T08:15:30.250Z');
const LATER_BUILD = new Date('2027-06-01T00:00:00Z');
const DAY_MS = 86_400_000;

/** The package a build made at `at`: what fetch(runtime.getURL(path)) reads in the background. */
function packageBuiltAt(at: Date, change?: { index?: (index: unknown[]) => unknown; list?: (list: List) => unknown }) {
  const files = new Map(stampBundledLists(bundledSource, readData, at).files.map((f) => [f.path, f.contents]));
  const read = (path: string) => {
    const text = files.get(path);
    if (text === undefined) throw new Error(`net::ERR_FILE_NOT_FOUND ${path}`);
    if (path === BUNDLED_INDEX_FILE && change?.index) return JSON.stringify(change.index(JSON.parse(text) as unknown[]));
    if (path !== BUNDLED_INDEX_FILE && change?.list) return JSON.stringify(change.list(JSON.parse(text) as List));
    return text;
  };
  return vi.fn(async (path: string) => read(path));
}
/** The package of a later release that ships a newer version of the bundled list. */
const newerVersion = (change?: (list: List) => unknown) =>
  packageBuiltAt(LATER_BUILD, {
    index: (index) => index.map((item) => ({ ...(item as object), version: BUNDLED.version + 1 })),
    list: (list) => (change ?? ((l: List) => l))({ ...list, version: BUNDLED.version + 1 }),
  });

const open: PharmacheckDb[] = [];
function freshDb(): PharmacheckDb {
  const db = openDatabase(`bundled-test-${crypto.randomUUID()}`);
  open.push(db);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

describe('stampBundledLists (the build)', () => {
  it('ships each list issued at the build and valid for a year, with an index of their dates', () => {
    const { files, index } = stampBundledLists(bundledSource, readData, BUILT);
    expect(index).toEqual([{ ...BUNDLED, issued: '2026-11-30T08:15:30Z', expires: new Date(Date.parse('2026-11-30T08:15:30Z') + BUNDLED_VALID_DAYS * DAY_MS).toISOString().replace('.000Z', 'Z') }]);
    const list = JSON.parse(files.find((f) => f.path === BUNDLED.file)!.contents) as List;
    const source = JSON.parse(readData(BUNDLED.file)) as List;
    expect({ ...list, issued: source.issued, expires: source.expires }).toEqual(source);
    expect([list.issued, list.expires]).toEqual([index[0]!.issued, index[0]!.expires]);
    expect(JSON.parse(files.find((f) => f.path === BUNDLED_INDEX_FILE)!.contents)).toEqual(index);
  });

  it('refuses a source entry whose file is another list, or another version', () => {
    expect(() => stampBundledLists([{ ...BUNDLED, id: 'someone-else' }], readData, BUILT)).toThrow(/bundled.json says someone-else/);
    expect(() => stampBundledLists([{ ...BUNDLED, version: 9 }], readData, BUILT)).toThrow(/v9/);
    expect(() => stampBundledLists([{ ...BUNDLED, trusted: true }], readData, BUILT)).toThrow();
  });
});

describe('ensureBundledLists', () => {
  it('installs the bundled lists on an empty database, with the dates of the build', async () => {
    const db = freshDb();
    const fetchText = packageBuiltAt(BUILT);
    expect(await ensureBundledLists(db, fetchText, BUILT)).toEqual([BUNDLED.id]);
    expect(fetchText).toHaveBeenCalledWith(BUNDLED.file);

    const [loaded, ...others] = await loadLists(db);
    expect(others).toEqual([]);
    expect(loaded?.stored).toMatchObject({ id: BUNDLED.id, source: { type: 'bundled', file: BUNDLED.file } });
    expect(loaded?.stored.meta).toMatchObject({ version: BUNDLED.version, issued: '2026-11-30T08:15:30Z' });
    const file = JSON.parse(readData(BUNDLED.file)) as List;
    expect([...(loaded?.domains ?? [])].sort()).toEqual(file.entries.map((e) => e.domain).sort());
    expect(loaded?.stored.chunks).toHaveLength(Math.ceil(file.entries.length / CHUNK_SIZE));
    expect(await db.domainChunks.count()).toBe(loaded?.stored.chunks.length);
  });

  it('does nothing, without reading the list file, when the stored version and dates are current', async () => {
    const db = freshDb();
    await ensureBundledLists(db, packageBuiltAt(BUILT), BUILT);
    const row = await db.lists.get(BUNDLED.id);
    const fetchText = packageBuiltAt(BUILT);
    expect(await ensureBundledLists(db, fetchText, BUILT)).toEqual([]);
    expect(fetchText).toHaveBeenCalledTimes(1);
    expect(fetchText).toHaveBeenCalledWith(BUNDLED_INDEX_FILE);
    // The same row: same chunks, same rule ids, same install time.
    expect(await db.lists.get(BUNDLED.id)).toEqual(row);
  });

  it('renews the stored dates from a newer build of the same version, without rewriting the list', async () => {
    const db = freshDb();
    await ensureBundledLists(db, packageBuiltAt(BUILT), BUILT);
    const before = (await db.lists.get(BUNDLED.id))!;
    const fetchText = packageBuiltAt(LATER_BUILD);
    expect(await ensureBundledLists(db, fetchText, LATER_BUILD)).toEqual([BUNDLED.id]);
    expect(fetchText).not.toHaveBeenCalledWith(BUNDLED.file);
    const after = (await db.lists.get(BUNDLED.id))!;
    expect(after.chunks).toEqual(before.chunks);
    expect(after.meta).toEqual({ ...before.meta, issued: '2027-06-01T00:00:00Z', expires: expect.stringMatching(/^2028-05-31/) });
    // An older build never moves the dates back.
    expect(await ensureBundledLists(db, packageBuiltAt(BUILT), LATER_BUILD)).toEqual([]);
    expect((await db.lists.get(BUNDLED.id))!.meta.expires).toBe(after.meta.expires);
  });

  it('keeps blocking with a bundled list whose year has passed (out of date, not off)', async () => {
    const db = freshDb();
    await ensureBundledLists(db, packageBuiltAt(BUILT), BUILT);
    const twoYearsOn = new Date(BUILT.getTime() + 2 * BUNDLED_VALID_DAYS * DAY_MS);
    const index = ListIndex.build(await loadLists(db), twoYearsOn);
    expect(verdictForUrl(index, `https://${LISTED}/`)?.kind).toBe('listed');
    expect(index.indexed().get(BUNDLED.id)?.inForce).toBe(true);
  });

  it('never rolls back a newer stored version', async () => {
    const db = freshDb();
    const newer = JSON.parse(readData(BUNDLED.file)) as List;
    newer.version = BUNDLED.version + 1;
    newer.entries = newer.entries.slice(0, 3);
    await installList(db, newer, { type: 'bundled', file: BUNDLED.file });

    const fetchText = packageBuiltAt(BUILT);
    expect(await ensureBundledLists(db, fetchText, BUILT)).toEqual([]);
    expect(fetchText).not.toHaveBeenCalledWith(BUNDLED.file);
    const [loaded] = await loadLists(db);
    expect(loaded?.stored.meta.version).toBe(BUNDLED.version + 1);
    expect(loaded?.domains).toHaveLength(3);
  });

  it('replaces an older stored version when the extension ships a newer one', async () => {
    const db = freshDb();
    await ensureBundledLists(db, packageBuiltAt(BUILT), BUILT);
    const old = (await db.lists.get(BUNDLED.id))!.chunks.map((c) => c.key);

    expect(await ensureBundledLists(db, newerVersion(), LATER_BUILD)).toEqual([BUNDLED.id]);
    const row = await db.lists.get(BUNDLED.id);
    expect(row).toMatchObject({ meta: { version: BUNDLED.version + 1, issued: '2027-06-01T00:00:00Z' } });
    expect(row?.chunks.filter((c) => old.includes(c.key))).toEqual([]);
    expect(await db.domainChunks.where('key').anyOf(old).count()).toBe(0);
    expect(await db.entryChunks.where('key').anyOf(old).count()).toBe(0);
  });

  it.each<[string, { index?: (index: unknown[]) => unknown; list?: (list: List) => unknown }, RegExp]>([
    ['a list with a public suffix entry', { list: (l) => ({ ...l, entries: [...l.entries, { ...l.entries[0], domain: 'co.uk' }] }) }, /is invalid/],
    ['a list with a duplicate entry', { list: (l) => ({ ...l, entries: [...l.entries, l.entries[0]] }) }, /is invalid/],
    ['a list with an unknown key', { list: (l) => ({ ...l, trusted: true }) }, /is invalid/],
    ['a list of another format', { list: (l) => ({ ...l, format: 2 }) }, /is invalid/],
    ['a list under another id', { list: (l) => ({ ...l, id: 'someone-else' }) }, /is someone-else v1, expected/],
    ['a list of another version', { list: (l) => ({ ...l, version: 9 }) }, /v9, expected .* v1/],
    ['an index without dates', { index: (i) => i.map((item) => ({ ...(item as object), issued: undefined, expires: undefined })) }, /lists\/bundled.json is invalid/],
    ['an index that is not a list', { index: () => ({ id: BUNDLED.id }) }, /lists\/bundled.json is invalid/],
  ])('refuses %s and stores nothing', async (_, change, message) => {
    const db = freshDb();
    await expect(ensureBundledLists(db, packageBuiltAt(BUILT, change), BUILT)).rejects.toThrow(message);
    expect(await db.lists.count()).toBe(0);
    expect(await db.domainChunks.count()).toBe(0);
    expect(await db.entryChunks.count()).toBe(0);
  });

  it.each([
    ['a file that is not JSON', '<html>404</html>'],
    ['an empty file', ''],
  ])('refuses %s as the list and stores nothing', async (_, text) => {
    const db = freshDb();
    const index = packageBuiltAt(BUILT);
    const fetchText = async (path: string) => (path === BUNDLED_INDEX_FILE ? index(path) : text);
    await expect(ensureBundledLists(db, fetchText, BUILT)).rejects.toThrow(/JSON/);
    expect(await db.lists.count()).toBe(0);
  });

  it('keeps the stored list when a newer bundled file is refused', async () => {
    const db = freshDb();
    await ensureBundledLists(db, packageBuiltAt(BUILT), BUILT);
    const row = await db.lists.get(BUNDLED.id);

    await expect(ensureBundledLists(db, newerVersion((l) => ({ ...l, entries: [{ ...l.entries[0], domain: 'com' }] })), LATER_BUILD)).rejects.toThrow(/is invalid/);
    expect(await db.lists.get(BUNDLED.id)).toEqual(row);
    expect(row?.meta.version).toBe(BUNDLED.version);
    expect((await loadLists(db))[0]?.domains).toHaveLength(row!.entryCount);
  });

  it('passes on a failure to read the files', async () => {
    const db = freshDb();
    await expect(ensureBundledLists(db, async () => Promise.reject(new Error('net::ERR_FILE_NOT_FOUND')), BUILT)).rejects.toThrow('net::ERR_FILE_NOT_FOUND');
    expect(await db.lists.count()).toBe(0);
  });
});
