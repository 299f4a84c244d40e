import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CHUNK_SIZE,
  DETAIL_SIZE,
  FingerprintSet,
  installList,
  loadLists,
  openDatabase,
  readBaseEntries,
  readBaseEntry,
  removeList,
  removeOrphanChunks,
  restoreLists,
  type PharmacheckDb,
  type StoredList,
} from '../../../lib/lists';
import { chunkRows, rowsNamedBy } from './chunk-rows';
import { entry, makeBlockList, makeList, manyDomains, stored } from './fixtures';

const SOURCE = { type: 'bundled', file: 'lists/test.json' } as const;
const open: PharmacheckDb[] = [];

/** A database of its own for every test. */
function freshDb(): PharmacheckDb {
  const db = openDatabase(`store-test-${crypto.randomUUID()}`);
  open.push(db);
  return db;
}

afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of open.splice(0)) await db.delete();
});

const keys = (row: StoredList) => row.chunks.map((c) => c.key);

describe('installList', () => {
  it('stores rule chunks of CHUNK_SIZE and detail rows of DETAIL_SIZE, never one row per domain', async () => {
    const db = freshDb();
    const domains = manyDomains(2 * CHUNK_SIZE + 1);
    const row = await installList(db, makeList({ entries: domains.map((d) => entry(d)) }), SOURCE);

    expect(row.chunks.map((c) => c.count)).toEqual([CHUNK_SIZE, CHUNK_SIZE, 1]);
    expect(await db.domainChunks.count()).toBe(3);
    expect(await db.entryChunks.count()).toBe(Math.ceil(domains.length / DETAIL_SIZE));
    const rows = await db.domainChunks.bulkGet(keys(row));
    expect(rows.map((c) => c?.domains.split('\n').length)).toEqual([CHUNK_SIZE, CHUNK_SIZE, 1]);
    expect(rows.flatMap((c) => c?.domains.split('\n')).sort()).toEqual([...domains].sort());
    expect(rows.every((c) => c?.listId === 'test-list')).toBe(true);
  });

  it('stores the entries in fingerprint order, with a snapshot whose position i is entry i', async () => {
    const db = freshDb();
    const domains = manyDomains(3 * DETAIL_SIZE + 7);
    const row = await installList(db, makeList({ entries: domains.map((d) => entry(d)) }), SOURCE);
    const [restored] = await restoreLists(db);
    const set = FingerprintSet.restore(restored!.snapshot!);
    const entries = await readBaseEntries(db, row);
    expect(entries.map((e) => e.domain).sort()).toEqual([...domains].sort());
    entries.forEach((e, i) => expect(set.indexOf(e.domain)).toBe(i));
    expect(restored!.overlay.adds.size + restored!.overlay.removes.size).toBe(0);
  });

  it('returns and stores the list row without its entries', async () => {
    const db = freshDb();
    const list = makeList();
    const row = await installList(db, list, SOURCE);
    const { entries: _entries, ...meta } = list;
    expect(row).toMatchObject({ id: 'test-list', meta, source: SOURCE, entryCount: 2, baseCount: 2 });
    expect(row.chunks).toEqual([{ key: `${row.base}:r0`, count: 2, ruleId: expect.any(Number) }]);
    expect(Number.isNaN(Date.parse(row.installedAt))).toBe(false);
    expect(await db.lists.get('test-list')).toEqual(row);
    expect(row.meta).not.toHaveProperty('entries');
  });

  it('stores an empty list with no chunks', async () => {
    const db = freshDb();
    const row = await installList(db, makeList({ entries: [] }), SOURCE);
    expect(row.chunks).toEqual([]);
    expect(await db.domainChunks.count()).toBe(0);
    expect(await db.snapshots.count()).toBe(1);
    expect(await db.entryChunks.count()).toBe(0);
    expect(await loadLists(db)).toEqual([expect.objectContaining({ domains: [] })]);
  });

  it('gives every chunk a rule id of its own, across lists and installs', async () => {
    const db = freshDb();
    const rows = [
      await installList(db, makeList({ entries: manyDomains(2 * CHUNK_SIZE + 1).map((d) => entry(d)) }), SOURCE),
      await installList(db, makeBlockList('other', 'authority', ['a.example']), SOURCE),
      await installList(db, makeList({ version: 2 }), SOURCE),
    ];
    const ids = rows.flatMap((r) => r.chunks.map((c) => c.ruleId));
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(ids.every((id) => Number.isInteger(id) && id > 0)).toBe(true);
  });

  it('points the list at new chunks and deletes the old ones on a second install', async () => {
    const db = freshDb();
    const first = await installList(db, makeList({ entries: manyDomains(CHUNK_SIZE + 5).map((d) => entry(d)) }), SOURCE);
    const second = await installList(db, makeList({ version: 2, entries: [entry('new.example')] }), SOURCE);

    expect(keys(second)).toHaveLength(1);
    expect(keys(first)).not.toContain(keys(second)[0]);
    expect(second.chunks[0]!.ruleId).not.toBeOneOf(first.chunks.map((c) => c.ruleId));
    expect(await db.lists.get('test-list')).toEqual(second);
    expect(await chunkRows(db)).toEqual(rowsNamedBy(second));
    const [loaded] = await loadLists(db);
    expect(loaded?.domains).toEqual(['new.example']);
  });

  it('leaves the chunks of other lists alone', async () => {
    const db = freshDb();
    await installList(db, makeBlockList('one', 'community', ['one.example']), SOURCE);
    const two = await installList(db, makeBlockList('two', 'authority', ['two.example']), SOURCE);
    const one = await installList(db, makeBlockList('one', 'community', ['one-again.example'], { version: 2 }), SOURCE);
    expect(await chunkRows(db)).toEqual(rowsNamedBy(one, two));
  });

  it('deletes the leftovers of an interrupted install of the same list when the next one succeeds', async () => {
    const db = freshDb();
    await installList(db, makeList({ entries: [entry('old.example')] }), SOURCE);
    // An earlier attempt died after writing two chunks that no row names.
    await db.domainChunks.bulkPut([
      { key: 'stale:r0', listId: 'test-list', domains: 'stale.example' },
      { key: 'stale:r1', listId: 'test-list', domains: 'stale2.example' },
    ]);
    await db.entryChunks.put({ key: 'stale:0', listId: 'test-list', entries: [entry('stale.example')] });
    const row = await installList(db, makeList({ version: 2, entries: [entry('new.example')] }), SOURCE);
    expect(await chunkRows(db)).toEqual(rowsNamedBy(row));
    expect((await loadLists(db))[0]?.domains).toEqual(['new.example']);
  });

  it('leaves the previous version in force when writing the chunks fails', async () => {
    const db = freshDb();
    const first = await installList(db, makeList({ entries: [entry('old.example')] }), SOURCE);
    vi.spyOn(db.entryChunks, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));

    await expect(installList(db, makeList({ version: 2, entries: [entry('new.example')] }), SOURCE)).rejects.toThrow('disk full');

    expect(await db.lists.get('test-list')).toEqual(first);
    expect((await loadLists(db))[0]?.domains).toEqual(['old.example']);
    // The transaction rolled back the domain chunks it had already written.
    expect(await chunkRows(db)).toEqual(rowsNamedBy(first));
  });

  it('leaves the previous version in force when switching the list row fails', async () => {
    const db = freshDb();
    const first = await installList(db, makeList({ entries: [entry('old.example')] }), SOURCE);
    vi.spyOn(db.lists, 'put').mockRejectedValueOnce(new Error('quota'));

    await expect(installList(db, makeList({ version: 2, entries: [entry('new.example')] }), SOURCE)).rejects.toThrow('quota');

    expect(await db.lists.get('test-list')).toEqual(first);
    expect((await loadLists(db))[0]?.domains).toEqual(['old.example']);
    // One rule chunk and one detail row of the version that never switched.
    expect(await removeOrphanChunks(db)).toBe(2);
    expect(await chunkRows(db)).toEqual(rowsNamedBy(first));
  });

  it('switches the row and deletes the old chunks in one transaction: both or neither', async () => {
    const db = freshDb();
    const first = await installList(db, makeList({ entries: [entry('old.example')] }), SOURCE);
    vi.spyOn(db.entryChunks, 'bulkDelete').mockRejectedValueOnce(new Error('aborted'));

    await expect(installList(db, makeList({ version: 2, entries: [entry('new.example')] }), SOURCE)).rejects.toThrow('aborted');

    expect(await db.lists.get('test-list')).toEqual(first);
    expect((await loadLists(db))[0]?.domains).toEqual(['old.example']);
    expect(await readBaseEntries(db, first)).toEqual([entry('old.example')]);
  });

  it('installs again after a failed install', async () => {
    const db = freshDb();
    const first = await installList(db, makeList({ entries: [entry('old.example')] }), SOURCE);
    vi.spyOn(db.domainChunks, 'bulkPut').mockRejectedValueOnce(new Error('aborted'));
    await expect(installList(db, makeList({ version: 2 }), SOURCE)).rejects.toThrow('aborted');
    const row = await installList(db, makeList({ version: 2, entries: [entry('new.example')] }), SOURCE);
    expect(row.meta.version).toBe(2);
    expect(keys(row)).not.toEqual(keys(first));
    expect((await loadLists(db))[0]?.domains).toEqual(['new.example']);
    expect(await chunkRows(db)).toEqual(rowsNamedBy(row));
  });
});

describe('loadLists', () => {
  it('returns every list with its domains in the list’s order, across chunks', async () => {
    const db = freshDb();
    const domains = manyDomains(CHUNK_SIZE + 3).reverse();
    await installList(db, makeList({ entries: domains.map((d) => entry(d)) }), SOURCE);
    await installList(db, makeBlockList('other', 'authority', ['z.example', 'a.example']), SOURCE);

    const loaded = await loadLists(db);
    const byId = new Map(loaded.map((l) => [l.stored.id, l]));
    expect(byId.get('test-list')!.domains).toEqual(domains);
    expect(byId.get('other')!.domains).toEqual(['z.example', 'a.example']);
    expect(byId.get('other')?.stored.meta.publisher.type).toBe('authority');
  });

  it('returns nothing from an empty database', async () => {
    expect(await loadLists(freshDb())).toEqual([]);
  });

  it('throws when a chunk is missing, naming the list and the chunk', async () => {
    const db = freshDb();
    const row = await installList(db, makeList({ entries: manyDomains(CHUNK_SIZE + 1).map((d) => entry(d)) }), SOURCE);
    await db.domainChunks.delete(row.chunks[1]!.key);
    await expect(loadLists(db)).rejects.toThrow(`list test-list: chunk ${row.chunks[1]!.key} is missing`);
  });

  it('throws when the row names chunks that do not exist', async () => {
    const db = freshDb();
    const row = await installList(db, makeList(), SOURCE);
    await db.lists.put({ ...row, chunks: [{ key: 'gone:r0', count: 2, ruleId: 99 }] });
    await expect(loadLists(db)).rejects.toThrow(/test-list: chunk gone:r0 is missing/);
  });

  it('throws when the chunks hold fewer entries than the row counts', async () => {
    const db = freshDb();
    const row = await installList(db, makeList(), SOURCE);
    await db.lists.put({ ...row, entryCount: 3 });
    await expect(loadLists(db)).rejects.toThrow('list test-list: 2 of 3 entries stored');
  });
});

describe('readBaseEntry', () => {
  it('reads the right entry on both sides of detail-row boundaries', async () => {
    const db = freshDb();
    const domains = manyDomains(2 * DETAIL_SIZE + 2);
    const row = await installList(db, makeList({ entries: domains.map((d) => entry(d, { note: `note for ${d}` })) }), SOURCE);
    const stored = (await readBaseEntries(db, row)).map((e) => e.domain);
    for (const index of [0, 1, DETAIL_SIZE - 1, DETAIL_SIZE, DETAIL_SIZE + 1, 2 * DETAIL_SIZE - 1, 2 * DETAIL_SIZE, 2 * DETAIL_SIZE + 1]) {
      expect(await readBaseEntry(db, row, index)).toEqual(entry(stored[index]!, { note: `note for ${stored[index]}` }));
    }
  });

  it('gives undefined past the end, before the start, for a replaced version or an unknown list', async () => {
    const db = freshDb();
    const first = await installList(db, makeList(), SOURCE);
    expect(await readBaseEntry(db, first, 2)).toBeUndefined();
    expect(await readBaseEntry(db, first, DETAIL_SIZE)).toBeUndefined();
    expect(await readBaseEntry(db, first, -1)).toBeUndefined();
    expect(await readBaseEntry(db, first, Number.NaN)).toBeUndefined();
    await installList(db, makeList({ version: 2 }), SOURCE);
    // The row a verdict was made with names rows that the new version deleted.
    expect(await readBaseEntry(db, first, 0)).toBeUndefined();
    expect(await readBaseEntry(db, stored(makeList({ id: 'nope' })), 0)).toBeUndefined();
  });
});

describe('readBaseEntries', () => {
  it('reads all entries in stored order, across detail rows', async () => {
    const db = freshDb();
    const entries = manyDomains(DETAIL_SIZE + 2).map((d, i) => entry(d, { note: `entry ${i}` }));
    const row = await installList(db, makeList({ entries }), SOURCE);
    const read = await readBaseEntries(db, row);
    expect([...read].sort((a, b) => a.domain.localeCompare(b.domain))).toEqual([...entries].sort((a, b) => a.domain.localeCompare(b.domain)));
    const set = FingerprintSet.build(read.map((e) => e.domain));
    expect(set.order).toBeNull();
  });

  it('reads nothing for a list without entries', async () => {
    const db = freshDb();
    expect(await readBaseEntries(db, await installList(db, makeList({ entries: [] }), SOURCE))).toEqual([]);
  });

  it('throws when a detail row is missing, naming the list and the row', async () => {
    const db = freshDb();
    const row = await installList(db, makeList(), SOURCE);
    await db.entryChunks.delete(`${row.base}:0`);
    await expect(readBaseEntries(db, row)).rejects.toThrow(`list test-list: entries ${row.base}:0 are missing`);
  });
});

describe('removeList', () => {
  it('deletes the list row and all its chunks, and nothing of other lists', async () => {
    const db = freshDb();
    await installList(db, makeList({ entries: manyDomains(CHUNK_SIZE + 1).map((d) => entry(d)) }), SOURCE);
    const other = await installList(db, makeBlockList('other', 'authority', ['a.example']), SOURCE);
    // Leftovers of an interrupted install of the removed list go with it.
    await db.domainChunks.put({ key: 'half:r0', listId: 'test-list', domains: 'half.example' });

    await removeList(db, 'test-list');

    expect(await db.lists.toArray()).toEqual([other]);
    expect(await chunkRows(db)).toEqual(rowsNamedBy(other));
    expect((await loadLists(db)).map((l) => l.domains)).toEqual([['a.example']]);
  });

  it('does nothing for a list that is not stored', async () => {
    const db = freshDb();
    const row = await installList(db, makeList(), SOURCE);
    await removeList(db, 'nope');
    expect(await db.lists.toArray()).toEqual([row]);
    expect(await chunkRows(db)).toEqual(rowsNamedBy(row));
  });
});

describe('removeOrphanChunks', () => {
  it('deletes chunks that no list row names and keeps the current ones', async () => {
    const db = freshDb();
    const row = await installList(db, makeList(), SOURCE);
    const other = await installList(db, makeBlockList('other', 'authority', ['a.example']), SOURCE);
    // An install of a new version interrupted before the row switched, and a list never stored.
    await db.domainChunks.bulkPut([
      { key: 'half:r0', listId: 'test-list', domains: 'half.example' },
      { key: 'ghost:r0', listId: 'ghost', domains: 'ghost.example' },
    ]);
    await db.entryChunks.put({ key: 'half:0', listId: 'test-list', entries: [entry('half.example')] });
    await db.snapshots.put({ id: 'ghost', base: 'ghost', buffer: new ArrayBuffer(16) });

    expect(await removeOrphanChunks(db)).toBe(4);
    expect(await chunkRows(db)).toEqual(rowsNamedBy(row, other));
    expect((await loadLists(db)).map((l) => [...l.domains].sort())).toEqual([['a.example'], ['pills.example', 'rogue.example']]);
  });

  it('deletes nothing when there are no orphans', async () => {
    const db = freshDb();
    const row = await installList(db, makeList(), SOURCE);
    expect(await removeOrphanChunks(db)).toBe(0);
    expect(await chunkRows(db)).toEqual(rowsNamedBy(row));
  });

  it('deletes every chunk when no list is stored', async () => {
    const db = freshDb();
    await db.domainChunks.put({ key: 'ghost:r0', listId: 'ghost', domains: 'ghost.example' });
    await db.entryChunks.put({ key: 'ghost:0', listId: 'ghost', entries: [entry('ghost.example')] });
    expect(await removeOrphanChunks(db)).toBe(2);
    expect(await chunkRows(db)).toEqual([]);
  });
});
