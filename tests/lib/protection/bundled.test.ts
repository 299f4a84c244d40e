import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import bundledIndex from '../../../data/lists/bundled.json';
import { CHUNK_SIZE, installList, loadLists, openDatabase, type List, type PharmacheckDb } from '../../../lib/lists';
import { ensureBundledLists } from '../../../lib/protection';

const DATA = fileURLToPath(new URL('../../../data/', import.meta.url));
const [BUNDLED] = bundledIndex;
if (!BUNDLED) throw new Error('bundled.json names no list');

const readData = (path: string) => readFile(`${DATA}${path}`, 'utf8');
/** Reads the extension's files, as fetch(runtime.getURL(path)) does in the background. */
const fetchFromData = vi.fn(readData);
/** Serves the bundled list with a change, as a broken build would ship it. */
const fetchChanged = (change: (list: List) => unknown) => async (path: string) => JSON.stringify(change(JSON.parse(await readData(path)) as List));

const open: PharmacheckDb[] = [];
function freshDb(): PharmacheckDb {
  const db = openDatabase(`bundled-test-${crypto.randomUUID()}`);
  open.push(db);
  return db;
}

afterEach(async () => {
  fetchFromData.mockClear();
  vi.doUnmock('../../../data/lists/bundled.json');
  vi.resetModules();
  for (const db of open.splice(0)) await db.delete();
});

describe('ensureBundledLists', () => {
  it('installs the bundled lists on an empty database', async () => {
    const db = freshDb();
    expect(await ensureBundledLists(db, fetchFromData)).toEqual([BUNDLED.id]);
    expect(fetchFromData).toHaveBeenCalledWith(BUNDLED.file);

    const [loaded, ...others] = await loadLists(db);
    expect(others).toEqual([]);
    expect(loaded?.stored).toMatchObject({ id: BUNDLED.id, source: { type: 'bundled', file: BUNDLED.file } });
    expect(loaded?.stored.meta.version).toBe(BUNDLED.version);
    const file = JSON.parse(await readData(BUNDLED.file)) as List;
    expect(loaded?.domains).toEqual(file.entries.map((e) => e.domain));
    expect(loaded?.stored.chunks).toHaveLength(Math.ceil(file.entries.length / CHUNK_SIZE));
    expect(await db.domainChunks.count()).toBe(loaded?.stored.chunks.length);
  });

  it('does nothing, without reading the file, when the stored version is the same', async () => {
    const db = freshDb();
    await ensureBundledLists(db, fetchFromData);
    const row = await db.lists.get(BUNDLED.id);
    fetchFromData.mockClear();
    expect(await ensureBundledLists(db, fetchFromData)).toEqual([]);
    expect(fetchFromData).not.toHaveBeenCalled();
    // The same row: same chunks, same rule ids, same install time.
    expect(await db.lists.get(BUNDLED.id)).toEqual(row);
  });

  it('never rolls back a newer stored version', async () => {
    const db = freshDb();
    const newer = JSON.parse(await readData(BUNDLED.file)) as List;
    newer.version = BUNDLED.version + 1;
    newer.entries = newer.entries.slice(0, 3);
    await installList(db, newer, { type: 'bundled', file: BUNDLED.file });

    expect(await ensureBundledLists(db, fetchFromData)).toEqual([]);
    expect(fetchFromData).not.toHaveBeenCalled();
    const [loaded] = await loadLists(db);
    expect(loaded?.stored.meta.version).toBe(BUNDLED.version + 1);
    expect(loaded?.domains).toHaveLength(3);
  });

  it('replaces an older stored version when the extension ships a newer one', async () => {
    vi.doMock('../../../data/lists/bundled.json', () => ({ default: [{ ...BUNDLED, version: BUNDLED.version + 1 }] }));
    const { ensureBundledLists: ensureNewer } = await import('../../../lib/protection/bundled');
    const db = freshDb();
    await ensureBundledLists(db, fetchFromData);
    const old = (await db.lists.get(BUNDLED.id))!.chunks.map((c) => c.key);

    const shipped = fetchChanged((list) => ({ ...list, version: BUNDLED.version + 1 }));
    expect(await ensureNewer(db, shipped)).toEqual([BUNDLED.id]);
    const row = await db.lists.get(BUNDLED.id);
    expect(row).toMatchObject({ meta: { version: BUNDLED.version + 1 } });
    expect(row?.chunks.filter((c) => old.includes(c.key))).toEqual([]);
    expect(await db.domainChunks.where('key').anyOf(old).count()).toBe(0);
    expect(await db.entryChunks.where('key').anyOf(old).count()).toBe(0);
  });

  it.each<[string, (path: string) => Promise<string>, RegExp]>([
    ['a list with a public suffix entry', fetchChanged((l) => ({ ...l, entries: [...l.entries, { ...l.entries[0], domain: 'co.uk' }] })), /is invalid/],
    ['a list with a duplicate entry', fetchChanged((l) => ({ ...l, entries: [...l.entries, l.entries[0]] })), /is invalid/],
    ['a list with an unknown key', fetchChanged((l) => ({ ...l, trusted: true })), /is invalid/],
    ['a list of another format', fetchChanged((l) => ({ ...l, format: 2 })), /is invalid/],
    ['a list under another id', fetchChanged((l) => ({ ...l, id: 'someone-else' })), /is someone-else v1, expected/],
    ['a list of another version', fetchChanged((l) => ({ ...l, version: 9 })), /v9, expected .* v1/],
    ['a file that is not JSON', async () => '<html>404</html>', /JSON/],
    ['an empty file', async () => '', /JSON/],
    ['a JSON null', async () => 'null', /is invalid/],
  ])('refuses %s and stores nothing', async (_, fetchText, message) => {
    const db = freshDb();
    await expect(ensureBundledLists(db, fetchText)).rejects.toThrow(message);
    expect(await db.lists.count()).toBe(0);
    expect(await db.domainChunks.count()).toBe(0);
    expect(await db.entryChunks.count()).toBe(0);
  });

  it('keeps the stored list when a newer bundled file is refused', async () => {
    vi.doMock('../../../data/lists/bundled.json', () => ({ default: [{ ...BUNDLED, version: BUNDLED.version + 1 }] }));
    const { ensureBundledLists: ensureNewer } = await import('../../../lib/protection/bundled');
    const db = freshDb();
    await ensureBundledLists(db, fetchFromData);
    const row = await db.lists.get(BUNDLED.id);

    await expect(ensureNewer(db, fetchChanged((l) => ({ ...l, version: BUNDLED.version + 1, entries: [{ ...l.entries[0], domain: 'com' }] })))).rejects.toThrow(/is invalid/);
    expect(await db.lists.get(BUNDLED.id)).toEqual(row);
    expect(row?.meta.version).toBe(BUNDLED.version);
    expect((await loadLists(db))[0]?.domains).toHaveLength(row!.entryCount);
  });

  it('passes on a failure to read the file', async () => {
    const db = freshDb();
    await expect(ensureBundledLists(db, async () => Promise.reject(new Error('net::ERR_FILE_NOT_FOUND')))).rejects.toThrow('net::ERR_FILE_NOT_FOUND');
    expect(await db.lists.count()).toBe(0);
  });
});
