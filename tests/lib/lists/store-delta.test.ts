/** applyDeltaToStore (lib/lists/store.ts): a delta rewrites only the chunks it touches. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyDelta,
  applyDeltaToStore,
  CHUNK_SIZE,
  DeltaMismatch,
  diffLists,
  installList,
  loadLists,
  openDatabase,
  readEntries,
  readEntry,
  removeOrphanChunks,
  type Delta,
  type Entry,
  type List,
  type PharmacheckDb,
  type StoredList,
} from '../../../lib/lists';
import { DomainSet } from '../../../lib/lists';
import { chunkRows, rowsNamedBy } from './chunk-rows';
import { entry, makeDelta, makeList, manyDomains } from './fixtures';

const SOURCE = { type: 'url', url: 'https://lists.example/test/latest.json' } as const;
const open: PharmacheckDb[] = [];

function freshDb(): PharmacheckDb {
  const db = openDatabase(`store-delta-test-${crypto.randomUUID()}`);
  open.push(db);
  return db;
}

afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of open.splice(0)) await db.delete();
});

const entries = (n: number, suffix = 'example') => manyDomains(n, suffix).map((d, i) => entry(d, { note: `entry ${i}` }));
const byDomain = (list: readonly Entry[]) => [...list].sort((a, b) => a.domain.localeCompare(b.domain));

/** Installs a list and returns it with its row. */
async function installed(db: PharmacheckDb, list: List): Promise<{ list: List; row: StoredList }> {
  return { list, row: await installList(db, list, SOURCE) };
}

/**
 * The database holds `expected` as the test list, every way it is read: loadLists (the index),
 * readEntries (a delta's base) and readEntry (a verdict's explanation) agree index by index, each
 * chunk holds as many entries as its row says, and no chunk row is left that the row does not name.
 */
async function expectStored(db: PharmacheckDb, expected: List): Promise<StoredList> {
  const [loaded, ...others] = await loadLists(db);
  expect(others).toEqual([]);
  const row = loaded!.stored;
  const { entries: expectedEntries, ...meta } = expected;
  expect(row.meta).toEqual(meta);
  expect(row.entryCount).toBe(expectedEntries.length);
  const read = await readEntries(db, row);
  expect(byDomain(read)).toEqual(byDomain(expectedEntries));
  expect(loaded!.domains).toEqual(read.map((e) => e.domain));
  let start = 0;
  for (const chunk of row.chunks) {
    expect(chunk.count).toBeGreaterThan(0);
    const last = start + chunk.count - 1;
    const indexes = expectedEntries.length <= 200 ? [] : [start, start + 1, last - 1, last];
    for (const i of indexes) expect(await readEntry(db, row, i)).toEqual(read[i]);
    start += chunk.count;
  }
  if (expectedEntries.length <= 200) for (const [i, e] of read.entries()) expect(await readEntry(db, row, i)).toEqual(e);
  expect(await readEntry(db, row, read.length)).toBeUndefined();
  expect(await chunkRows(db)).toEqual(rowsNamedBy(row));
  return row;
}

/** The list after `delta`, as applyDelta computes it from the entries alone. */
const after = (list: List, delta: Delta): List => ({ ...delta.meta, entries: applyDelta(list.entries, delta) });

describe('applyDeltaToStore', () => {
  it('applies removals and additions: the stored entries become applyDelta of the old ones', async () => {
    const db = freshDb();
    const { list } = await installed(db, makeList({ entries: entries(50) }));
    const next = makeList({ version: 2, entries: [...list.entries.slice(5, 45), ...entries(7, 'test')] });
    const delta = diffLists(list, next);
    expect(delta.remove).toHaveLength(10);

    const row = await applyDeltaToStore(db, delta);

    expect(await db.lists.get('test-list')).toEqual(row);
    expect(await expectStored(db, after(list, delta))).toEqual(row);
    expect(byDomain(await readEntries(db, row))).toEqual(byDomain(next.entries));
  });

  it('rewrites only the chunks that lose an entry, under a new key and a new rule id', async () => {
    const db = freshDb();
    const { list, row: before } = await installed(db, makeList({ entries: entries(3 * CHUNK_SIZE + 7) }));
    const delta = makeDelta(1, { remove: [list.entries[CHUNK_SIZE + 5]!.domain] });

    const row = await applyDeltaToStore(db, delta);

    const [first, middle, third, last] = before.chunks;
    expect(row.chunks).toHaveLength(4);
    expect(row.chunks).toEqual(expect.arrayContaining([first, third, last]));
    const kept = [first, third, last].map((c) => c!.key);
    const rewritten = row.chunks.find((c) => !kept.includes(c.key))!;
    expect(rewritten.count).toBe(CHUNK_SIZE - 1);
    expect(rewritten.key).not.toBeOneOf(before.chunks.map((c) => c.key));
    expect(rewritten.ruleId).toBeGreaterThan(Math.max(...before.chunks.map((c) => c.ruleId)));
    expect(await db.domainChunks.get(middle!.key)).toBeUndefined();
    await expectStored(db, after(list, delta));
  });

  it('leaves an untouched chunk row exactly as it was', async () => {
    const db = freshDb();
    const { list, row: before } = await installed(db, makeList({ entries: entries(CHUNK_SIZE + 3) }));
    const untouched = await db.entryChunks.get(before.chunks[0]!.key);
    await applyDeltaToStore(db, makeDelta(1, { remove: [list.entries.at(-1)!.domain] }));
    expect(await db.entryChunks.get(before.chunks[0]!.key)).toEqual(untouched);
  });

  it('puts the additions into one new chunk when every chunk is at least half full', async () => {
    const db = freshDb();
    const { list, row: before } = await installed(db, makeList({ entries: entries(CHUNK_SIZE / 2) }));
    const delta = makeDelta(1, { add: entries(10, 'test') });

    const row = await applyDeltaToStore(db, delta);

    expect(row.chunks).toEqual([before.chunks[0], { key: expect.any(String), count: 10, ruleId: expect.any(Number) }]);
    expect(await readEntries(db, { ...row, chunks: row.chunks.slice(1) })).toEqual(delta.add);
    await expectStored(db, after(list, delta));
  });

  it('puts half a chunk of additions or more into a new chunk, even after a small last chunk', async () => {
    const db = freshDb();
    const { list, row: before } = await installed(db, makeList());
    const delta = makeDelta(1, { add: entries(CHUNK_SIZE / 2, 'test') });

    const row = await applyDeltaToStore(db, delta);

    expect(row.chunks.map((c) => c.count)).toEqual([2, CHUNK_SIZE / 2]);
    expect(row.chunks[0]).toEqual(before.chunks[0]);
    await expectStored(db, after(list, delta));
  });

  it('merges the additions with the last chunk when it is the smallest and less than half full', async () => {
    const db = freshDb();
    const { list, row: before } = await installed(db, makeList({ entries: entries(CHUNK_SIZE + CHUNK_SIZE / 2 - 1) }));
    const delta = makeDelta(1, { add: entries(10, 'test') });

    const row = await applyDeltaToStore(db, delta);

    expect(row.chunks.map((c) => c.count)).toEqual([CHUNK_SIZE, CHUNK_SIZE / 2 + 9]);
    expect(row.chunks[0]).toEqual(before.chunks[0]);
    expect(row.chunks[1]!.key).not.toBe(before.chunks[1]!.key);
    expect(row.chunks[1]!.ruleId).not.toBeOneOf(before.chunks.map((c) => c.ruleId));
    await expectStored(db, after(list, delta));
  });

  it('adds to a list without entries', async () => {
    const db = freshDb();
    const { list } = await installed(db, makeList({ entries: [] }));
    const delta = makeDelta(1, { add: entries(3) });
    expect((await applyDeltaToStore(db, delta)).chunks.map((c) => c.count)).toEqual([3]);
    await expectStored(db, after(list, delta));
  });

  it('drops a chunk that loses all its entries, and can empty the list', async () => {
    const db = freshDb();
    const { list } = await installed(db, makeList({ entries: entries(CHUNK_SIZE + 2) }));
    const tail = makeDelta(1, { remove: list.entries.slice(CHUNK_SIZE).map((e) => e.domain) });
    expect((await applyDeltaToStore(db, tail)).chunks.map((c) => c.count)).toEqual([CHUNK_SIZE]);
    const all = makeDelta(2, { remove: list.entries.slice(0, CHUNK_SIZE).map((e) => e.domain) });
    expect((await applyDeltaToStore(db, all)).chunks).toEqual([]);
    await expectStored(db, makeList({ version: 3, entries: [] }));
  });

  it('changes an entry that the delta removes and adds again', async () => {
    const db = freshDb();
    const { list } = await installed(db, makeList({ entries: entries(20) }));
    const changed = entry(list.entries[7]!.domain, { category: 'falsified-medicines', note: 'reclassified' });
    const delta = diffLists(list, makeList({ version: 2, entries: list.entries.map((e, i) => (i === 7 ? changed : e)) }));
    expect(delta).toMatchObject({ remove: [changed.domain], add: [changed] });

    const row = await applyDeltaToStore(db, delta);

    expect((await readEntries(db, row)).filter((e) => e.domain === changed.domain)).toEqual([changed]);
    await expectStored(db, after(list, delta));
  });

  it('does not pile up chunks over many small deltas', async () => {
    const db = freshDb();
    let { list } = await installed(db, makeList({ entries: entries(CHUNK_SIZE + 3) }));
    for (let n = 0; n < 20; n++) {
      const delta = makeDelta(list.version, { add: entries(10, `v${n}.test`) });
      const row = await applyDeltaToStore(db, delta);
      list = after(list, delta);
      expect(row.chunks.length).toBeLessThanOrEqual(2);
    }
    expect(list.entries).toHaveLength(CHUNK_SIZE + 203);
    await expectStored(db, list);
  });

  it('does not pile up chunks over many deltas that remove and add', async () => {
    const db = freshDb();
    let { list } = await installed(db, makeList({ entries: entries(CHUNK_SIZE + 3) }));
    for (let n = 0; n < 20; n++) {
      const delta = makeDelta(list.version, { remove: [list.entries[n]!.domain], add: entries(10, `v${n}.test`) });
      const row = await applyDeltaToStore(db, delta);
      list = after(list, delta);
      expect(row.chunks.length).toBeLessThanOrEqual(2);
    }
    await expectStored(db, list);
  });

  it('does not pile up chunks when deltas that only remove and deltas that only add alternate', async () => {
    const db = freshDb();
    let { list } = await installed(db, makeList({ entries: entries(3 * CHUNK_SIZE) }));
    for (let n = 0; n < 10; n++) {
      // A removal moves its rewritten chunk to the end, behind the small chunk the last additions made.
      for (const delta of [makeDelta(list.version, { remove: [list.entries[0]!.domain] }), makeDelta(list.version + 1, { add: entries(10, `v${n}.test`) })]) {
        await applyDeltaToStore(db, delta);
        list = after(list, delta);
      }
    }
    const row = await expectStored(db, list);
    expect(row.chunks.filter((c) => c.count < CHUNK_SIZE / 2)).toHaveLength(1);
    expect(row.chunks.length).toBeLessThanOrEqual(5);
  });

  it('never reuses a rule id across installs and deltas', async () => {
    const db = freshDb();
    const ruleOf = new Map<string, number>();
    const seen = (row: StoredList) => row.chunks.forEach((c) => ruleOf.set(c.key, c.ruleId));
    let { list, row } = await installed(db, makeList({ entries: entries(2 * CHUNK_SIZE + 1) }));
    seen(row);
    for (let n = 0; n < 3; n++) {
      const delta = makeDelta(list.version, { remove: [list.entries[n * CHUNK_SIZE]!.domain], add: entries(5, `v${n}.test`) });
      seen(await applyDeltaToStore(db, delta));
      list = after(list, delta);
      ({ list, row } = await installed(db, { ...list, version: list.version + 1 }));
      seen(row);
    }
    const ids = [...ruleOf.values()];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(3 * 3);
  });
});

describe('applyDeltaToStore refuses a delta that does not fit', () => {
  /** Everything stored, to compare before and after a refusal. */
  async function snapshot(db: PharmacheckDb) {
    return { lists: await db.lists.toArray(), domains: await db.domainChunks.toArray(), entries: await db.entryChunks.toArray() };
  }

  const base = makeList({ version: 2, entries: entries(CHUNK_SIZE + 5) });
  const domain = (i: number) => base.entries[i]!.domain;

  it.each<[string, Delta, RegExp]>([
    ['from an older version', makeDelta(1, { remove: [domain(0)] }, { version: 3 }), /stored version is 2, the delta starts at 1/],
    ['from a newer version', makeDelta(3, { remove: [domain(0)] }), /stored version is 2, the delta starts at 3/],
    ['that removes an absent domain', makeDelta(2, { remove: [domain(0), 'absent.example'] }), /removes absent\.example/],
    ['that adds a present domain of a chunk it does not touch', makeDelta(2, { add: [entry('new.example'), entry(domain(1))] }), /adds d1\.example/],
    ['that adds a present domain of the chunk it merges with', makeDelta(2, { add: [entry(domain(CHUNK_SIZE + 1))] }), /adds d10001\.example/],
    [
      'that adds a present domain of a chunk it rewrites',
      makeDelta(2, { remove: [domain(3)], add: [entry(domain(4), { note: 'again' })] }),
      /adds d4\.example/,
    ],
    ['that adds the same domain twice', makeDelta(2, { add: [entry('new.example'), entry('new.example')] }), /adds new\.example/],
    ['for a list that is not stored', { ...makeDelta(2, { add: [entry('new.example')] }), id: 'other' }, /no stored list other/],
  ])('%s, and changes nothing', async (_, delta, message) => {
    const db = freshDb();
    await installList(db, base, SOURCE);
    const before = await snapshot(db);

    const refused = applyDeltaToStore(db, delta);
    await expect(refused).rejects.toThrow(DeltaMismatch);
    await expect(refused).rejects.toThrow(message);

    await removeOrphanChunks(db);
    expect(await snapshot(db)).toEqual(before);
    await expectStored(db, base);
  });

  it.each([
    ['domains', (db: PharmacheckDb, key: string) => db.domainChunks.delete(key), /chunk test-list:.* is missing/],
    ['entries', (db: PharmacheckDb, key: string) => db.entryChunks.delete(key), /entries of chunk test-list:.* are missing/],
  ])('when the %s of a chunk it touches are missing, and changes nothing', async (_, lose, message) => {
    const db = freshDb();
    const row = await installList(db, base, SOURCE);
    await lose(db, row.chunks[0]!.key);
    const before = await snapshot(db);

    const refused = applyDeltaToStore(db, makeDelta(2, { remove: [domain(0)] }));
    await expect(refused).rejects.toThrow(DeltaMismatch);
    await expect(refused).rejects.toThrow(message);

    await removeOrphanChunks(db);
    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps the stored version when writing the new chunks fails', async () => {
    const db = freshDb();
    const row = await installList(db, base, SOURCE);
    vi.spyOn(db.entryChunks, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));

    await expect(applyDeltaToStore(db, makeDelta(2, { remove: [domain(0)], add: [entry('new.example')] }))).rejects.toThrow('disk full');

    expect(await db.lists.get('test-list')).toEqual(row);
    await expectStored(db, base);
  });
});

describe('applyDeltaToStore with the list held in memory', () => {
  async function withKnown(db: PharmacheckDb, list: List) {
    const { row } = await installed(db, list);
    const [loaded] = await loadLists(db);
    return { row, known: { list: loaded!.stored, set: new DomainSet(loaded!.domains) } };
  }

  it('gives the same stored list as when it reads the chunks, without reading them', async () => {
    const list = makeList({ entries: entries(2 * CHUNK_SIZE + 30) });
    const delta = makeDelta(1, {
      remove: [list.entries[5]!.domain, list.entries[CHUNK_SIZE + 7]!.domain],
      add: [entry('fresh-one.example'), entry('fresh-two.example')],
    });
    const withIndex = freshDb();
    const { known } = await withKnown(withIndex, list);
    const reads = vi.spyOn(withIndex.domainChunks, 'bulkGet');
    await applyDeltaToStore(withIndex, delta, known);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    await expectStored(withIndex, after(list, delta));

    const withoutIndex = freshDb();
    await installed(withoutIndex, list);
    await applyDeltaToStore(withoutIndex, delta);
    const [a] = await loadLists(withIndex);
    const [b] = await loadLists(withoutIndex);
    expect(a!.domains).toEqual(b!.domains);
    expect(a!.stored.chunks.map((c) => c.count)).toEqual(b!.stored.chunks.map((c) => c.count));
  });

  it.each([
    ['removes an absent domain', (list: List) => makeDelta(1, { remove: ['absent.example'] })],
    ['adds a present domain', (list: List) => makeDelta(1, { add: [entry(list.entries[3]!.domain)] })],
  ])('refuses a delta that %s, as without the index', async (_name, make) => {
    const db = freshDb();
    const list = makeList({ entries: entries(50) });
    const { row, known } = await withKnown(db, list);
    await expect(applyDeltaToStore(db, make(list), known)).rejects.toThrow(DeltaMismatch);
    await removeOrphanChunks(db);
    expect(await chunkRows(db)).toEqual(rowsNamedBy(row));
  });

  it('ignores an index that does not match the stored chunks, and reads them instead', async () => {
    const db = freshDb();
    const list = makeList({ entries: entries(40) });
    const { known } = await withKnown(db, list);
    // The stored list moves on (version 2) while the index in memory still holds version 1.
    const v2 = makeList({ version: 2, entries: [...list.entries.slice(1), entry('moved-on.example')] });
    await installList(db, v2, SOURCE);
    const delta = makeDelta(2, { remove: ['moved-on.example'] });
    const reads = vi.spyOn(db.domainChunks, 'bulkGet');
    await applyDeltaToStore(db, delta, known);
    expect(reads).toHaveBeenCalled();
    reads.mockRestore();
    await expectStored(db, after(v2, delta));
  });
});

describe('applyDeltaToStore and the list kind', () => {
  it('refuses a delta that turns a blocklist into an allowlist, and changes nothing', async () => {
    const db = freshDb();
    const list = makeList({ entries: entries(30) });
    const { row } = await installed(db, list);
    const delta = makeDelta(1, { remove: [list.entries[0]!.domain] }, { kind: 'allow', publisher: { name: 'Register', type: 'register' } });
    await expect(applyDeltaToStore(db, delta)).rejects.toThrow("the delta changes the list's kind from block to allow");
    await removeOrphanChunks(db);
    expect(await chunkRows(db)).toEqual(rowsNamedBy(row));
    expect((await db.lists.get(row.id))!.meta.kind).toBe('block');
  });
});
