/** refreshLists: after a list change, the index and only the rules of what changed follow. */
import { afterEach, describe, expect, it } from 'vitest';
import { hostFromUrl } from '../../../lib/domain';
import { buildRules } from '../../../lib/blocking/rules';
import { subresourceRuleId } from '../../../lib/blocking/resource-types';
import { applyDeltaToStore, CHUNK_SIZE, installList, ListIndex, loadLists, removeList, type IndexedList, type PharmacheckDb } from '../../../lib/lists';
import { refreshLists } from '../../../lib/protection/refresh';
import { entry, IN_FORCE_DAY, makeAllowList, makeBlockList, makeDelta, manyDomains } from '../lists/fixtures';
import { closeDatabases, freshDb } from '../updater/list-server';

const WARNING = 'chrome-extension://test/warning.html';
const SOURCE = { type: 'bundled', file: 'test.json' } as const;
const EXPIRES = '2027-01-15T00:00:00Z'; // the fixtures' expiry
const AFTER_EXPIRY = new Date('2027-02-01T00:00:00Z');

afterEach(closeDatabases);

/** The index as the service keeps it after a refresh, with the rules it would hold. */
async function refreshed(db: PharmacheckDb, current: ReadonlyMap<string, IndexedList>, now: Date) {
  const result = await refreshLists(db, current, WARNING, now);
  return { ...result, index: ListIndex.of(result.lists) };
}

describe('refreshLists', () => {
  it('adds a redirect and a block rule per chunk of a new blocklist, and nothing when nothing changed', async () => {
    const db = freshDb('refresh-test');
    await installList(db, makeBlockList('authority', 'authority', manyDomains(CHUNK_SIZE + 5)), SOURCE);
    const first = await refreshed(db, new Map(), IN_FORCE_DAY);
    expect(first.removeRuleIds).toEqual([]);
    expect(first.addRules.map((r) => [r.action.type, r.condition.requestDomains.length])).toEqual([
      ['redirect', CHUNK_SIZE],
      ['block', CHUNK_SIZE],
      ['redirect', 5],
      ['block', 5],
    ]);
    const again = await refreshed(db, first.index.indexed(), IN_FORCE_DAY);
    expect(again).toMatchObject({ removeRuleIds: [], addRules: [] });
  });

  it('changes only the rules of the chunks a delta touched, and drops a removed list’s rules', async () => {
    const db = freshDb('refresh-test');
    await installList(db, makeBlockList('authority', 'authority', manyDomains(CHUNK_SIZE + 5)), SOURCE);
    const first = await refreshed(db, new Map(), IN_FORCE_DAY);
    const lastRule = first.addRules.filter((r) => r.action.type === 'redirect')[1];
    await applyDeltaToStore(db, makeDelta(1, { add: [entry('zz-new.example')] }, { id: 'authority', publisher: { name: 'authority publisher', type: 'authority' } }));
    const delta = await refreshed(db, first.index.indexed(), IN_FORCE_DAY);
    expect(delta.removeRuleIds).toEqual([lastRule!.id, subresourceRuleId(lastRule!.id)]);
    expect(delta.addRules.map((r) => r.action.type)).toEqual(['redirect', 'block']);
    expect(delta.addRules[0]!.condition.requestDomains).toContain('zz-new.example');
    await removeList(db, 'authority');
    const removed = await refreshed(db, delta.index.indexed(), IN_FORCE_DAY);
    expect(removed.addRules).toEqual([]);
    expect(removed.removeRuleIds.sort()).toEqual(delta.index.indexed().get('authority')!.list.chunks.flatMap((c) => [c.ruleId, subresourceRuleId(c.ruleId)]).sort());
  });

  it('takes an allowlist’s rules away when it expires, keeps it in the index, and gives them back when renewed', async () => {
    const db = freshDb('refresh-test');
    await installList(db, makeBlockList('community', 'community', ['pharmacy.example']), SOURCE);
    await installList(db, makeAllowList('register', ['pharmacy.example']), SOURCE);
    const before = await refreshed(db, new Map(), IN_FORCE_DAY);
    const allowRule = before.addRules.find((r) => r.action.type === 'allow')!;
    expect(allowRule).toBeDefined();
    expect(before.index.standingChanged(AFTER_EXPIRY)).toBe(true);

    const expired = await refreshed(db, before.index.indexed(), AFTER_EXPIRY);
    expect(expired.removeRuleIds).toEqual([allowRule.id]);
    expect(expired.addRules).toEqual([]);
    expect(expired.index.indexed().get('register')?.inForce).toBe(false);
    expect(expired.index.hits(hostFromUrl('https://pharmacy.example/')!).map((h) => h.list.id)).toEqual(['community']);
    // Nothing more to do at a later check, and the expired allowlist has no rule to remove again.
    expect(await refreshed(db, expired.index.indexed(), new Date('2027-03-01T00:00:00Z'))).toMatchObject({ removeRuleIds: [], addRules: [] });

    await installList(db, makeAllowList('register', ['pharmacy.example'], { version: 2, expires: '2028-01-15T00:00:00Z' }), SOURCE);
    const renewed = await refreshed(db, expired.index.indexed(), AFTER_EXPIRY);
    expect(renewed.addRules.map((r) => r.action.type)).toEqual(['allow']);
    expect(renewed.index.hits(hostFromUrl('https://pharmacy.example/')!).map((h) => h.list.id)).toEqual(['register', 'community']);
  });

  it('keeps an expired blocklist’s rules: it still blocks', async () => {
    const db = freshDb('refresh-test');
    await installList(db, makeBlockList('community', 'community', ['rogue.example']), SOURCE);
    const before = await refreshed(db, new Map(), IN_FORCE_DAY);
    expect(before.index.standingChanged(AFTER_EXPIRY)).toBe(false);
    expect(await refreshed(db, before.index.indexed(), AFTER_EXPIRY)).toMatchObject({ removeRuleIds: [], addRules: [] });
    expect(buildRules([{ meta: { kind: 'block', publisher: { name: 'c', type: 'community' } }, vouch: { by: 'bundled' }, chunks: [{ ruleId: 1, domains: ['rogue.example'] }] }], WARNING)).toHaveLength(2);
  });

  it('builds the same index as a full reload', async () => {
    const db = freshDb('refresh-test');
    await installList(db, makeBlockList('community', 'community', ['rogue.example', 'pills.example']), SOURCE);
    await installList(db, makeAllowList('register', ['pharmacy.example']), SOURCE);
    const viaRefresh = (await refreshed(db, new Map(), IN_FORCE_DAY)).index;
    const viaReload = ListIndex.build(await loadLists(db), IN_FORCE_DAY);
    for (const name of ['rogue.example', 'www.pills.example', 'pharmacy.example', 'other.example']) {
      const hits = (index: ListIndex) => index.hits(hostFromUrl(`https://${name}/`)!).map((h) => [h.list.id, h.domain]);
      expect(hits(viaRefresh)).toEqual(hits(viaReload));
    }
    expect(EXPIRES).toBe(viaReload.indexed().get('register')!.list.meta.expires);
  });
});
