import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyDeltaToStore, FingerprintSet, installList, readForWake, restoreLists } from '../../../lib/lists';
import { startWakeRead } from '../../../lib/lists/wake-read';
import { closeDatabases, freshDb as freshDatabase } from '../updater/list-server';
import { entry, makeDelta, makeList, manyDomains } from './fixtures';

const SOURCE = { type: 'bundled', file: 'lists/test.json' } as const;
const freshDb = () => freshDatabase('wake-read-test');

afterEach(async () => {
  vi.restoreAllMocks();
  await closeDatabases();
});

async function existing(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

describe('the wake read (IndexedDB itself, one transaction)', () => {
  it('reads what Dexie reads: each list with its snapshot, its overlay as sets, and the rule state', async () => {
    const db = freshDb();
    const domains = manyDomains(1_500);
    const stored = await installList(db, makeList({ entries: domains.map((d) => entry(d)) }), SOURCE);
    await applyDeltaToStore(db, makeDelta(1, { remove: [domains[3]!], add: [entry('added.example')] }));
    await db.ruleState.put({ name: 'overlay', folded: false, dynamicRuleIds: [7], dynamicActions: [['added.example', 'block']] });
    // Dexie's own connection stays open, as in the background, which opens it meanwhile.

    const read = await readForWake(db.name);
    expect(read).not.toBeNull();
    expect(read!.ruleState).toEqual({ name: 'overlay', folded: false, dynamicRuleIds: [7], dynamicActions: [['added.example', 'block']] });
    expect(read!.rows).toHaveLength(1);
    const [row] = read!.rows;
    expect(row!.stored.id).toBe(stored.id);
    expect([...row!.overlay.adds]).toEqual(['added.example']);
    expect([...row!.overlay.removes]).toEqual([domains[3]]);
    const set = FingerprintSet.restore(row!.snapshot!);
    expect(set.size).toBe(1_500);
    // The same as the Dexie path that a database without these tables goes through.
    const viaDexie = await restoreLists(db);
    expect(new Uint8Array(row!.snapshot!)).toEqual(new Uint8Array(viaDexie[0]!.snapshot!));
  });

  it('gives null for a database that does not exist yet, and leaves its creation to Dexie', async () => {
    const name = `wake-read-none-${crypto.randomUUID()}`;
    expect(await readForWake(name)).toBeNull();
    expect(await existing()).not.toContain(name);
  });
});

describe('a wake read begun at the script\'s first lines (startWakeRead)', () => {
  it('is what the next readForWake of that database takes, once; the one after is a new read, which sees later writes', async () => {
    const db = freshDb();
    await installList(db, makeList({ id: 'first', entries: [entry('one.example')] }), SOURCE);
    const opening = vi.spyOn(indexedDB, 'open');
    startWakeRead(db.name);
    expect((await readForWake(db.name))!.rows.map((r) => r.stored.id)).toEqual(['first']);
    expect(opening).toHaveBeenCalledTimes(1);
    await installList(db, makeList({ id: 'second', entries: [entry('two.example')] }), SOURCE);
    expect((await readForWake(db.name))!.rows.map((r) => r.stored.id).sort()).toEqual(['first', 'second']);
    expect(opening).toHaveBeenCalledTimes(2);
  });

  it('is begun once however often it is asked to begin, and belongs to its own database only', async () => {
    const db = freshDb();
    await installList(db, makeList({ entries: [entry('one.example')] }), SOURCE);
    db.close();
    const opening = vi.spyOn(indexedDB, 'open');
    startWakeRead(db.name);
    startWakeRead(db.name);
    expect(opening).toHaveBeenCalledTimes(1);
    const other = `wake-read-other-${crypto.randomUUID()}`;
    expect(await readForWake(other)).toBeNull();
    expect(opening).toHaveBeenCalledTimes(2);
    expect((await readForWake(db.name))!.rows).toHaveLength(1);
    expect(opening).toHaveBeenCalledTimes(2);
  });

  it('that fails hands its failure to whoever takes it, and raises nothing while nobody has', async () => {
    const name = `wake-read-broken-${crypto.randomUUID()}`;
    const failure = new DOMException('the disk is gone', 'UnknownError');
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw failure;
    });
    startWakeRead(name);
    // Unhandled rejections fail the run (vitest): a turn of the event loop passes untaken.
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(readForWake(name)).rejects.toBe(failure);
  });
});
