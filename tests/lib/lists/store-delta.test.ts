/** applyDeltaToStore and compaction (lib/lists/store.ts): a delta grows the overlay, compaction folds it in. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyDelta,
  applyDeltaToStore,
  CHUNK_SIZE,
  compactedBase,
  DeltaMismatch,
  diffLists,
  FingerprintSet,
  installList,
  loadLists,
  openDatabase,
  readBaseEntries,
  readOverlay,
  removeOrphanChunks,
  storeBase,
  type Delta,
  type Entry,
  type List,
  type PharmacheckDb,
  type StoredList,
} from '../../../lib/lists';
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

/** Every entry the stored list holds: its base less the overlay's removals, plus its additions. */
async function heldEntries(db: PharmacheckDb, row: StoredList): Promise<Entry[]> {
  const { overlay, entries: added } = await readOverlay(db, row);
  return [...(await readBaseEntries(db, row)).filter((e) => !overlay.removes.has(e.domain)), ...added.values()];
}

/** The database holds `expected` as the test list, read as domains (the index) and as entries (details). */
async function expectStored(db: PharmacheckDb, expected: List): Promise<StoredList> {
  const [loaded, ...others] = await loadLists(db);
  expect(others).toEqual([]);
  const row = loaded!.stored;
  const { entries: expectedEntries, ...meta } = expected;
  expect(row.meta).toEqual(meta);
  expect(row.entryCount).toBe(expectedEntries.length);
  expect([...loaded!.domains].sort()).toEqual(expectedEntries.map((e) => e.domain).sort());
  expect(byDomain(await heldEntries(db, row))).toEqual(byDomain(expectedEntries));
  return row;
}

/** The list after `delta`, as applyDelta computes it from the entries alone. */
const after = (list: List, delta: Delta): List => ({ ...delta.meta, entries: applyDelta(list.entries, delta) });

/** Everything stored, to compare before and after. */
async function everything(db: PharmacheckDb) {
  return {
    lists: await db.lists.toArray(),
    domains: await db.domainChunks.toArray(),
    entries: await db.entryChunks.toArray(),
    snapshots: await db.snapshots.toArray(),
    overlays: await db.overlays.toArray(),
    overlayEntries: await db.overlayEntries.toArray(),
  };
}

describe('applyDeltaToStore', () => {
  it('applies removals and additions: the list held becomes applyDelta of the old one', async () => {
    const db = freshDb();
    const list = makeList({ entries: entries(50) });
    await installList(db, list, SOURCE);
    const next = makeList({ version: 2, entries: [...list.entries.slice(5, 45), ...entries(7, 'test')] });
    const delta = diffLists(list, next);
    expect(delta.remove).toHaveLength(10);

    const { stored: row, overlay } = await applyDeltaToStore(db, delta);

    expect(await db.lists.get('test-list')).toEqual(row);
    expect(await expectStored(db, after(list, delta))).toEqual(row);
    expect(overlay.adds.size).toBe(7);
    expect(overlay.removes.size).toBe(10);
  });

  it('never rewrites the base: its chunks, details and snapshot stay exactly as they were', async () => {
    const db = freshDb();
    const list = makeList({ entries: entries(3 * CHUNK_SIZE + 7) });
    const row = await installList(db, list, SOURCE);
    const before = await everything(db);
    // Removals scattered over every chunk, the case that used to rewrite them all.
    const remove = [0, CHUNK_SIZE + 5, 2 * CHUNK_SIZE + 9, 3 * CHUNK_SIZE].map((i) => list.entries[i]!.domain);
    await applyDeltaToStore(db, makeDelta(1, { remove, add: [entry('fresh.example')] }));
    const now = await everything(db);
    expect(now.domains).toEqual(before.domains);
    expect(now.entries).toEqual(before.entries);
    expect(now.snapshots).toEqual(before.snapshots);
    expect(now.overlays).toEqual([{ id: 'test-list', base: row.base, adds: ['fresh.example'], removes: remove, deltas: 1 }]);
    expect(now.overlayEntries).toEqual([{ key: `${row.base}:0`, listId: 'test-list', base: row.base, entries: [entry('fresh.example')] }]);
  });

  it('changes an entry that the delta removes and adds again: the new details win', async () => {
    const db = freshDb();
    const list = makeList({ entries: entries(20) });
    await installList(db, list, SOURCE);
    const changed = entry(list.entries[4]!.domain, { note: 'updated' });
    const delta = makeDelta(1, { remove: [changed.domain], add: [changed] });
    const { stored: row } = await applyDeltaToStore(db, delta);
    expect((await readOverlay(db, row)).entries.get(changed.domain)).toEqual(changed);
    await expectStored(db, after(list, delta));
  });

  it('follows a chain of deltas: an addition removed again is gone, a removal added back is back', async () => {
    const db = freshDb();
    let list = makeList({ entries: entries(30) });
    await installList(db, list, SOURCE);
    const steps: Delta[] = [
      makeDelta(1, { remove: [list.entries[0]!.domain], add: [entry('a-new.example')] }),
      makeDelta(2, { remove: ['a-new.example'], add: [entry(list.entries[0]!.domain, { note: 'back' })] }),
      makeDelta(3, { remove: [list.entries[1]!.domain, list.entries[0]!.domain] }),
      makeDelta(4, { add: [entry('a-new.example', { note: 'again' })] }),
    ];
    for (const delta of steps) {
      await applyDeltaToStore(db, delta);
      list = after(list, delta);
      await expectStored(db, list);
    }
  });

  it('keeps the stored version when writing the overlay fails', async () => {
    const db = freshDb();
    const list = makeList({ version: 2, entries: entries(40) });
    const row = await installList(db, list, SOURCE);
    vi.spyOn(db.overlayEntries, 'put').mockRejectedValueOnce(new Error('disk full'));
    await expect(applyDeltaToStore(db, makeDelta(2, { remove: [list.entries[0]!.domain], add: [entry('new.example')] }))).rejects.toThrow('disk full');
    expect(await db.lists.get('test-list')).toEqual(row);
    expect(await db.overlays.count()).toBe(0);
    await expectStored(db, list);
  });
});

describe('compaction', () => {
  it('loses nothing: the new base holds exactly the list in force, details included, and the overlay is gone', async () => {
    const db = freshDb();
    let list = makeList({ entries: entries(CHUNK_SIZE + 40) });
    await installList(db, list, SOURCE);
    for (let v = 1; v <= 3; v++) {
      const delta = makeDelta(v, { remove: list.entries.slice(v * 7, v * 7 + 5).map((e) => e.domain), add: entries(4, `v${v}.test`) });
      await applyDeltaToStore(db, delta);
      list = after(list, delta);
    }
    const stored = (await db.lists.get('test-list'))!;
    const { newBase, entries: compacted } = await compactedBase(db, stored);
    const row = await storeBase(db, stored.meta, stored.source, newBase, compacted);

    expect(row.baseCount).toBe(list.entries.length);
    expect(await db.overlays.count()).toBe(0);
    expect(await db.overlayEntries.count()).toBe(0);
    expect(byDomain(await readBaseEntries(db, row))).toEqual(byDomain(list.entries));
    await expectStored(db, list);
    // A new base in fingerprint order, with rows only for it.
    expect(FingerprintSet.build((await readBaseEntries(db, row)).map((e) => e.domain)).order).toBeNull();
    expect(await chunkRows(db)).toEqual(rowsNamedBy(row));
    expect(row.chunks.map((c) => c.ruleId)).not.toContain(stored.chunks[0]!.ruleId);
  });

  it('refuses to compact a list whose rows disagree with its count, and writes nothing', async () => {
    const db = freshDb();
    const row = await installList(db, makeList({ entries: entries(10) }), SOURCE);
    await db.lists.put({ ...row, entryCount: 11 });
    await expect(compactedBase(db, (await db.lists.get('test-list'))!)).rejects.toThrow('list test-list: 10 of 11 entries stored');
  });
});

describe('applyDeltaToStore refuses a delta that does not fit', () => {
  const base = makeList({ version: 2, entries: entries(CHUNK_SIZE + 5) });
  const domain = (i: number) => base.entries[i]!.domain;

  it.each<[string, Delta, RegExp]>([
    ['from an older version', makeDelta(1, { remove: [domain(0)] }, { version: 3 }), /stored version is 2, the delta starts at 1/],
    ['from a newer version', makeDelta(3, { remove: [domain(0)] }), /stored version is 2, the delta starts at 3/],
    ['that removes an absent domain', makeDelta(2, { remove: [domain(0), 'absent.example'] }), /removes absent\.example/],
    ['that adds a present domain', makeDelta(2, { add: [entry('new.example'), entry(domain(1))] }), /adds d1\.example/],
    ['that adds a domain it does not remove', makeDelta(2, { remove: [domain(3)], add: [entry(domain(4), { note: 'again' })] }), /adds d4\.example/],
    ['that adds the same domain twice', makeDelta(2, { add: [entry('new.example'), entry('new.example')] }), /adds new\.example/],
    ['that removes the same domain twice', makeDelta(2, { remove: [domain(0), domain(0)] }), /removes d0\.example/],
    ['for a list that is not stored', { ...makeDelta(2, { add: [entry('new.example')] }), id: 'other' }, /no stored list other/],
  ])('%s, and changes nothing', async (_, delta, message) => {
    const db = freshDb();
    await installList(db, base, SOURCE);
    const before = await everything(db);

    const refused = applyDeltaToStore(db, delta);
    await expect(refused).rejects.toThrow(DeltaMismatch);
    await expect(refused).rejects.toThrow(message);

    await removeOrphanChunks(db);
    expect(await everything(db)).toEqual(before);
    await expectStored(db, base);
  });

  it('refuses a delta that removes what an earlier delta removed', async () => {
    const db = freshDb();
    await installList(db, base, SOURCE);
    await applyDeltaToStore(db, makeDelta(2, { remove: [domain(0)] }));
    await expect(applyDeltaToStore(db, makeDelta(3, { remove: [domain(0)] }))).rejects.toThrow(/removes d0\.example/);
  });

  it('refuses a delta that turns a blocklist into an allowlist, and changes nothing', async () => {
    const db = freshDb();
    const row = await installList(db, base, SOURCE);
    const delta = makeDelta(2, { remove: [domain(0)] }, { kind: 'allow', publisher: { name: 'Register', type: 'register' } });
    await expect(applyDeltaToStore(db, delta)).rejects.toThrow("the delta changes the list's kind from block to allow");
    expect(await chunkRows(db)).toEqual(rowsNamedBy(row));
    expect((await db.lists.get(row.id))!.meta.kind).toBe('block');
  });
});

describe('applyDeltaToStore with the list held in memory', () => {
  it('checks the delta against the set in memory, without reading the snapshot', async () => {
    const db = freshDb();
    const list = makeList({ entries: entries(2 * CHUNK_SIZE + 30) });
    const row = await installList(db, list, SOURCE);
    const set = FingerprintSet.restore((await db.snapshots.get('test-list'))!.buffer);
    const delta = makeDelta(1, { remove: [list.entries[5]!.domain, list.entries[CHUNK_SIZE + 7]!.domain], add: [entry('fresh-one.example')] });
    const reads = vi.spyOn(db.snapshots, 'get');
    await applyDeltaToStore(db, delta, { list: row, set });
    expect(reads).not.toHaveBeenCalled();
    await expectStored(db, after(list, delta));
  });

  it('ignores a set that is not of the stored base, and reads the snapshot instead', async () => {
    const db = freshDb();
    const list = makeList({ entries: entries(40) });
    const old = await installList(db, list, SOURCE);
    const oldSet = FingerprintSet.restore((await db.snapshots.get('test-list'))!.buffer);
    // The stored list moves on (version 2) while the index in memory still holds version 1.
    const v2 = makeList({ version: 2, entries: [...list.entries.slice(1), entry('moved-on.example')] });
    await installList(db, v2, SOURCE);
    const delta = makeDelta(2, { remove: ['moved-on.example'] });
    await applyDeltaToStore(db, delta, { list: old, set: oldSet });
    await expectStored(db, after(v2, delta));
  });
});
