/**
 * The database's version 2 keeps every subscription and list of version 1, and says who vouches for
 * each; version 3's bases are built for those lists on the first start, keeping who vouches.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { compactedBase, loadLists, openDatabase, restoreLists, storeBase } from '../../../lib/lists';
import { makeBlockList, stored } from './fixtures';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** A database as version 1 of the extension wrote it. */
async function versionOne(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores({ lists: 'id', domainChunks: 'key, listId', entryChunks: 'key, listId', subscriptions: 'id', counters: 'name', outbox: 'key, status' });
  const sub = (id: string, addedBy: string) => ({ id, url: addedBy === 'bundled' ? null : `https://lists.example/${id}/latest.json`, key: null, addedBy, addedAt: '2026-01-01T00:00:00.000Z', lastCheck: null, lastSuccess: null, lastError: null, failures: 0, nextCheck: null, etag: null });
  await old.table('subscriptions').bulkPut([sub('shipped', 'bundled'), sub('managed', 'policy'), sub('mine', 'person')]);
  const row = (id: string) => {
    const { vouch: _vouch, ...v1Row } = stored(makeBlockList(id, 'authority', ['rogue.example']));
    return v1Row;
  };
  await old.table('lists').bulkPut([row('shipped'), row('managed'), row('mine'), row('orphan')]);
  old.close();
}

describe('the database upgrade to version 2', () => {
  it('keeps every row, gives subscriptions an empty key history and lists the vouch of who added them', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    await versionOne(name);
    const db = openDatabase(name);
    const subs = await db.subscriptions.toArray();
    expect(subs.map((s) => [s.id, s.addedBy, s.keyHistory])).toEqual([
      ['managed', 'policy', []],
      ['mine', 'person', []],
      ['shipped', 'bundled', []],
    ]);
    const lists = await db.lists.toArray();
    expect(lists.map((l) => [l.id, l.vouch, l.meta.publisher.type, l.entryCount])).toEqual([
      ['managed', { by: 'policy' }, 'authority', 1],
      // A list a person added ranks as community from now on, whatever it declares.
      ['mine', { by: 'person' }, 'authority', 1],
      ['orphan', { by: 'person' }, 'authority', 1],
      ['shipped', { by: 'bundled' }, 'authority', 1],
    ]);
    expect(await db.directory.count()).toBe(0);
    db.close();
  });

  it('rebuilds a version-1 list as a base with its snapshot, keeping the vouch the upgrade gave it', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const old = new Dexie(name);
    old.version(1).stores({ lists: 'id', domainChunks: 'key, listId', entryChunks: 'key, listId', subscriptions: 'id', counters: 'name', outbox: 'key, status' });
    const list = makeBlockList('mine', 'authority', ['rogue.example', 'pills.example']);
    const { vouch: _vouch, base: _base, baseCount: _count, ...v1Row } = { ...stored(list), chunks: [{ key: 'mine:0', count: 2, ruleId: 1 }] };
    await old.table('subscriptions').put({ id: 'mine', url: 'https://lists.example/mine/latest.json', key: null, addedBy: 'person', addedAt: '2026-01-01T00:00:00.000Z', lastCheck: null, lastSuccess: null, lastError: null, failures: 0, nextCheck: null, etag: null });
    await old.table('lists').put(v1Row);
    await old.table('domainChunks').put({ key: 'mine:0', listId: 'mine', domains: 'rogue.example\npills.example' });
    await old.table('entryChunks').put({ key: 'mine:0', listId: 'mine', entries: list.entries });
    old.close();

    const db = openDatabase(name);
    const [restored] = await restoreLists(db);
    expect(restored).toMatchObject({ snapshot: null, stored: { id: 'mine', vouch: { by: 'person' } } });
    const { newBase, entries } = await compactedBase(db, restored!.stored);
    await storeBase(db, restored!.stored.meta, restored!.stored.source, newBase, entries);
    const [again] = await restoreLists(db);
    expect(again!.snapshot).not.toBeNull();
    expect(again!.stored.vouch).toEqual({ by: 'person' });
    expect((await loadLists(db))[0]!.domains.slice().sort()).toEqual(['pills.example', 'rogue.example']);
    db.close();
  });
});
