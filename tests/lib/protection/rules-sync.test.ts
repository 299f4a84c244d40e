/**
 * RulesSync over an in-memory declarativeNetRequest: the rules the browser holds always give the
 * verdict the index gives, through deltas (session overlay), folds, restarts, compaction, full lists
 * and expiry; and a delta touches session rules only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hostFromUrl } from '../../../lib/domain';
import {
  applyDeltaToStore,
  CHUNK_SIZE,
  checkDomains,
  compactedBase,
  installList,
  ListIndex,
  loadLists,
  removeList,
  restoreLists,
  storeBase,
  type Delta,
  type List,
  type PharmacheckDb,
  type Vouch,
} from '../../../lib/lists';
import { subresourceRuleId } from '../../../lib/blocking';
import { detailsSource } from '../../../lib/protection/entry-sources';
import { RulesSync } from '../../../lib/protection/rules-sync';
import { confirmedVerdictForUrl } from '../../../lib/verdict';
import { installFakeDnr, type FakeDnr } from '../blocking/fake-dnr';
import { entry, IN_FORCE_DAY, makeAllowList, makeBlockList, makeDelta, manyDomains } from '../lists/fixtures';
import { closeDatabases, freshDb } from '../updater/list-server';

const WARNING = 'chrome-extension://test/warning.html';
const SOURCE = { type: 'bundled', file: 'test.json' } as const;
const AFTER_EXPIRY = new Date('2027-02-01T00:00:00Z');
const BUNDLED: Vouch = { by: 'bundled' };

let db: PharmacheckDb;
let dnr: FakeDnr;
let clock: Date;

function newSync(): RulesSync {
  return new RulesSync({ db, now: () => clock, warningPageUrl: () => WARNING });
}

/** A worker waking on the first wake of a browser session. */
async function wake(first = true): Promise<RulesSync> {
  const sync = newSync();
  await sync.restore(await restoreLists(db), await db.ruleState.get('overlay'));
  if (first) await sync.checkSession();
  return sync;
}

const deltaOf = (list: List, from: number, change: { remove?: string[]; add?: ReturnType<typeof entry>[] }): Delta =>
  makeDelta(from, change, { id: list.id, publisher: list.publisher, kind: list.kind });

async function applyDelta(sync: RulesSync, delta: Delta): Promise<void> {
  const { stored, overlay } = await applyDeltaToStore(db, delta, sync.index.indexed().get(delta.id));
  await sync.applyOverlay(stored, overlay);
}

/**
 * For every host: the browser stops it exactly when the index's confirmed verdict is "listed": a
 * navigation in a tab or a frame goes to the warning page, a script or an XHR is blocked.
 */
async function expectRulesFollowVerdicts(sync: RulesSync, hosts: readonly string[]): Promise<void> {
  for (const host of hosts) {
    const url = `https://${host}/page`;
    const verdict = await confirmedVerdictForUrl(sync.index, url, detailsSource(db));
    const seen = { tab: dnr.outcome(url), frame: dnr.outcome(url, 'sub_frame'), script: dnr.outcome(url, 'script'), xhr: dnr.outcome(url, 'xmlhttprequest') };
    const listed = verdict?.kind === 'listed';
    expect({ host, tab: seen.tab === 'redirect', frame: seen.frame === 'redirect', script: seen.script === 'block', xhr: seen.xhr === 'block' }, `verdict ${verdict?.kind}`).toEqual({
      host,
      tab: listed,
      frame: listed,
      script: listed,
      xhr: listed,
    });
  }
}

const blocked = (host: string) => dnr.outcome(`https://${host}/`) === 'redirect';

beforeEach(() => {
  db = freshDb('rules-sync-test');
  dnr = installFakeDnr();
  clock = IN_FORCE_DAY;
});
afterEach(closeDatabases);

describe('RulesSync', () => {
  it('installs a redirect and a block rule per chunk of a blocklist, and changes nothing when nothing changed', async () => {
    await installList(db, makeBlockList('authority', 'authority', manyDomains(CHUNK_SIZE + 5)), SOURCE);
    const sync = await wake();
    expect([...dnr.dynamic.values()].map((r) => [r.condition.requestDomains!.length, r.action.type]).sort((a, b) => Number(a[0]) - Number(b[0]) || String(a[1]).localeCompare(String(b[1])))).toEqual([
      [5, 'block'],
      [5, 'redirect'],
      [CHUNK_SIZE, 'block'],
      [CHUNK_SIZE, 'redirect'],
    ]);
    const calls = { ...dnr.calls };
    await sync.reconcile();
    await wake(false);
    expect(dnr.calls).toEqual(calls);
    expect(blocked('www.d17.example')).toBe(true);
  });

  it('puts a delta in force with session rules only, no dynamic rule changed', async () => {
    const list = makeBlockList('authority', 'authority', manyDomains(3 * CHUNK_SIZE));
    await installList(db, list, SOURCE);
    const sync = await wake();
    const dynamicBefore = structuredClone([...dnr.dynamic.values()]);
    const calls = dnr.calls.dynamic;
    // Removals scattered over every chunk, and additions.
    await applyDelta(sync, deltaOf(list, 1, { remove: ['d3.example', `d${CHUNK_SIZE + 3}.example`, `d${2 * CHUNK_SIZE + 3}.example`], add: [entry('fresh.example')] }));
    expect(dnr.calls.dynamic).toBe(calls);
    expect([...dnr.dynamic.values()]).toEqual(dynamicBefore);
    expect(sync.needsFold).toBe(true);
    expect(blocked('fresh.example')).toBe(true);
    expect(blocked('www.d3.example')).toBe(false);
    expect(blocked(`d${2 * CHUNK_SIZE + 3}.example`)).toBe(false);
    expect(blocked('d4.example')).toBe(true);
    expect((await db.ruleState.get('overlay'))?.folded).toBe(false);
  });

  it('lets a removal un-block only what no other list blocks, subdomains included', async () => {
    const authority = makeBlockList('authority', 'authority', ['both.example', 'only-authority.example', 'rogue.example', 'pills.example', 'a.pills.example', 'overruled.example']);
    await installList(db, authority, SOURCE);
    await installList(db, makeBlockList('community', 'community', ['both.example', 'shop.rogue.example', 'overruled.example']), SOURCE);
    await installList(db, makeAllowList('register', ['overruled.example']), SOURCE);
    const sync = await wake();
    const hosts = ['both.example', 'only-authority.example', 'rogue.example', 'www.rogue.example', 'shop.rogue.example', 'x.shop.rogue.example', 'pills.example', 'a.pills.example', 'b.a.pills.example', 'overruled.example', 'unlisted.example'];
    await expectRulesFollowVerdicts(sync, hosts);
    expect(blocked('overruled.example')).toBe(true);

    await applyDelta(sync, deltaOf(authority, 1, { remove: ['both.example', 'only-authority.example', 'rogue.example', 'pills.example', 'overruled.example'] }));

    expect(blocked('both.example')).toBe(true); // the community list still blocks it
    expect(blocked('only-authority.example')).toBe(false);
    expect(blocked('rogue.example')).toBe(false);
    expect(blocked('shop.rogue.example')).toBe(true); // a subdomain another list blocks
    expect(blocked('pills.example')).toBe(false);
    expect(blocked('b.a.pills.example')).toBe(true); // a subdomain the same list still lists
    expect(blocked('overruled.example')).toBe(false); // the register beats the community list
    await expectRulesFollowVerdicts(sync, hosts);
  });

  it('handles an allowlist’s deltas: an addition un-blocks a community-listed site, a removal blocks it again', async () => {
    const register = makeAllowList('register', ['good.example']);
    await installList(db, register, SOURCE);
    await installList(db, makeBlockList('community', 'community', ['pharmacy.example', 'good.example']), SOURCE);
    const sync = await wake();
    expect(blocked('good.example')).toBe(false);
    await applyDelta(sync, deltaOf(register, 1, { add: [entry('pharmacy.example', { category: 'authorised-pharmacy' })] }));
    expect(blocked('pharmacy.example')).toBe(false);
    await applyDelta(sync, deltaOf(register, 2, { remove: ['good.example', 'pharmacy.example'] }));
    expect(blocked('good.example')).toBe(true);
    expect(blocked('pharmacy.example')).toBe(true);
    await expectRulesFollowVerdicts(sync, ['good.example', 'pharmacy.example', 'www.good.example']);
  });

  it('folds the overlay into the dynamic rules, empties the session overlay, and keeps every verdict', async () => {
    const list = makeBlockList('authority', 'authority', manyDomains(50));
    await installList(db, list, SOURCE);
    const sync = await wake();
    await applyDelta(sync, deltaOf(list, 1, { remove: ['d1.example'], add: [entry('new.example')] }));
    const hosts = ['d1.example', 'd2.example', 'new.example', 'www.new.example'];
    await expectRulesFollowVerdicts(sync, hosts);
    await sync.fold();
    expect(sync.needsFold).toBe(false);
    expect([...dnr.session.values()]).toEqual([]);
    expect((await db.ruleState.get('overlay'))?.folded).toBe(true);
    await expectRulesFollowVerdicts(sync, hosts);
    dnr.restart();
    await expectRulesFollowVerdicts(sync, hosts);
  });

  it('after a browser restart before the fold, puts the overlay back in force on the first wake', async () => {
    const list = makeBlockList('authority', 'authority', manyDomains(50));
    await installList(db, list, SOURCE);
    const sync = await wake();
    await applyDelta(sync, deltaOf(list, 1, { remove: ['d1.example'], add: [entry('new.example')] }));
    dnr.restart();
    expect(blocked('new.example')).toBe(false);
    expect(blocked('d1.example')).toBe(true);
    const after = await wake();
    expect(blocked('new.example')).toBe(true);
    expect(blocked('d1.example')).toBe(false);
    expect(after.needsFold).toBe(false);
    await expectRulesFollowVerdicts(after, ['d1.example', 'd2.example', 'new.example']);
  });

  it('on a later wake (no restart) trusts the installed rules and goes on from them', async () => {
    const list = makeBlockList('authority', 'authority', manyDomains(20));
    await installList(db, list, SOURCE);
    await applyDelta(await wake(), deltaOf(list, 1, { add: [entry('one.example')] }));
    const later = await wake(false);
    await applyDelta(later, deltaOf(list, 2, { remove: ['one.example', 'd0.example'] }));
    expect([...dnr.session.values()].flatMap((r) => r.condition.requestDomains).sort()).toEqual(['d0.example', 'one.example']);
    await expectRulesFollowVerdicts(later, ['one.example', 'd0.example', 'd1.example']);
  });

  it('compacts without losing anything: the same verdicts, from new base rules, with no overlay left', async () => {
    const list = makeBlockList('authority', 'authority', manyDomains(CHUNK_SIZE + 10));
    await installList(db, list, SOURCE);
    await installList(db, makeBlockList('community', 'community', ['d5.example', 'sub.d6.example']), SOURCE);
    const sync = await wake();
    await applyDelta(sync, deltaOf(list, 1, { remove: ['d5.example', 'd6.example', 'd7.example'], add: [entry('new.example'), entry('sub.d7.example')] }));
    const hosts = ['d5.example', 'd6.example', 'sub.d6.example', 'd7.example', 'sub.d7.example', 'new.example', 'd8.example'];
    const before = hosts.map((h) => blocked(h));
    const stored = (await db.lists.get('authority'))!;
    const { newBase, entries } = await compactedBase(db, stored);
    await storeBase(db, stored.meta, stored.source, newBase, entries);
    await sync.fold();
    expect(hosts.map((h) => blocked(h))).toEqual(before);
    await expectRulesFollowVerdicts(sync, hosts);
    expect([...dnr.session.values()]).toEqual([]);
    expect([...dnr.dynamic.keys()].filter((id) => id >= 900_000_000)).toEqual([]);
    expect([...dnr.dynamic.keys()]).not.toContain(stored.chunks[0]!.ruleId);
    expect([...dnr.dynamic.keys()]).not.toContain(subresourceRuleId(stored.chunks[0]!.ruleId));
  });

  it('answers "listed" for a domain both versions name at every step of a full list’s install, a delta’s addition included', async () => {
    const list = makeBlockList('authority', 'authority', ['kept.example', 'gone.example', ...manyDomains(30)]);
    await installList(db, list, SOURCE);
    const sync = await wake();
    await applyDelta(sync, deltaOf(list, 1, { add: [entry('added.example')] }));
    // Before every rule change the browser is asked for (the last ones after the list switched in
    // the database), a verdict is asked as a person's navigation would ask it.
    const seen: string[] = [];
    const api = fakeBrowser.declarativeNetRequest as unknown as Record<string, (change: unknown) => Promise<void>>;
    for (const name of ['updateDynamicRules', 'updateSessionRules']) {
      const real = api[name]!;
      api[name] = async (change) => {
        for (const host of ['kept.example', 'added.example']) seen.push(`${host} ${(await confirmedVerdictForUrl(sync.index, `https://${host}/`, detailsSource(db)))?.kind}`);
        return real(change);
      };
    }
    const v3 = makeBlockList('authority', 'authority', ['kept.example', 'added.example', 'new.example'], { version: 3 });
    await sync.installFull(checkDomains(JSON.parse(JSON.stringify(v3))), SOURCE, BUNDLED);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.filter((s) => !s.endsWith(' listed'))).toEqual([]);
    // Once the index has switched, the old version's rows are gone.
    const stored = (await db.lists.get('authority'))!;
    expect((await db.entryChunks.where('listId').equals('authority').primaryKeys()).every((k) => String(k).startsWith(`${stored.base}:`))).toBe(true);
    expect(await db.overlayEntries.where('listId').equals('authority').count()).toBe(0);
    expect(await db.overlays.get('authority')).toBeUndefined();
  });

  it('installs a full list over one with an overlay: the overlay goes, the verdicts follow the new version', async () => {
    const list = makeBlockList('authority', 'authority', ['a.example', 'b.example']);
    await installList(db, list, SOURCE);
    const sync = await wake();
    await applyDelta(sync, deltaOf(list, 1, { remove: ['a.example'] }));
    await sync.fold();
    expect(blocked('a.example')).toBe(false);
    const v3 = makeBlockList('authority', 'authority', ['a.example', 'c.example'], { version: 3 });
    await sync.installFull(checkDomains(JSON.parse(JSON.stringify(v3))), SOURCE, BUNDLED);
    expect(blocked('a.example')).toBe(true);
    expect(blocked('b.example')).toBe(false);
    expect(blocked('c.example')).toBe(true);
    await expectRulesFollowVerdicts(sync, ['a.example', 'b.example', 'c.example']);
    // The old overlay's rules are overridden at once, and gone with the next fold.
    await sync.fold();
    expect([...dnr.dynamic.keys()].filter((id) => id >= 900_000_000)).toEqual([]);
    expect([...dnr.session.values()]).toEqual([]);
    await expectRulesFollowVerdicts(sync, ['a.example', 'b.example', 'c.example']);
  });

  it('gives a delta’s addition the block of frames and subresources too, and a removal’s allow all of them back', async () => {
    const list = makeBlockList('authority', 'authority', ['kept.example', 'gone.example']);
    await installList(db, list, SOURCE);
    const sync = await wake();
    await applyDelta(sync, deltaOf(list, 1, { remove: ['gone.example'], add: [entry('fresh.example')] }));
    const types = ['main_frame', 'sub_frame', 'script', 'image', 'xmlhttprequest', 'websocket', 'ping'];
    const seen = (host: string) => types.map((t) => dnr.outcome(`https://${host}/x`, t));
    const stopped = ['redirect', 'redirect', 'block', 'block', 'block', 'block', 'block'];
    expect(seen('fresh.example')).toEqual(stopped);
    expect(seen('www.fresh.example')).toEqual(stopped);
    expect(seen('gone.example')).toEqual(types.map(() => 'allow'));
    expect(seen('kept.example')).toEqual(stopped);
    // The same once folded into the dynamic rules.
    await sync.fold();
    expect(seen('fresh.example')).toEqual(stopped);
    expect(seen('gone.example')).toEqual(types.map(() => 'allow'));
  });

  it('replaces, on the first wake, base and overlay rules an older build left for top-level navigations only', async () => {
    const list = makeBlockList('authority', 'authority', ['old.example', 'gone.example']);
    await installList(db, list, SOURCE);
    const sync = await wake();
    await applyDelta(sync, deltaOf(list, 1, { remove: ['gone.example'], add: [entry('fresh.example')] }));
    await sync.fold();
    // What an older build installed: a redirect of main_frame alone per chunk and per overlay group, no block rules.
    for (const [id, rule] of [...dnr.dynamic]) {
      if (rule.action.type === 'block') dnr.dynamic.delete(id);
      else dnr.dynamic.set(id, { ...rule, condition: { ...rule.condition, resourceTypes: ['main_frame'] } });
    }
    dnr.restart();
    expect(dnr.outcome('https://fresh.example/', 'script')).toBe('none');
    const after = await wake();
    await expectRulesFollowVerdicts(after, ['old.example', 'gone.example', 'fresh.example', 'www.fresh.example', 'other.example']);
    expect([...dnr.dynamic.values()].filter((r) => r.condition.resourceTypes?.length === 1)).toEqual([]);
  });

  it('puts the previous rules back when a full list’s entries turn out invalid after its rules went in', async () => {
    const list = makeBlockList('authority', 'authority', ['a.example']);
    await installList(db, list, SOURCE);
    const sync = await wake();
    const rulesBefore = structuredClone([...dnr.dynamic.values()]);
    const bad = JSON.parse(JSON.stringify(makeBlockList('authority', 'authority', ['a.example', 'new.example'], { version: 2 })));
    bad.entries[1].added = 'yesterday';
    await expect(sync.installFull(checkDomains(bad), SOURCE, BUNDLED)).rejects.toThrow(/added/);
    expect([...dnr.dynamic.values()]).toEqual(rulesBefore);
    expect(blocked('new.example')).toBe(false);
    expect((await db.lists.get('authority'))!.meta.version).toBe(1);
    expect(sync.index.hits(hostFromUrl('https://a.example/')!)).toHaveLength(1);
  });

  it('refuses a list that would need more rules with a regular expression than the browser allows, and changes nothing', async () => {
    await installList(db, makeBlockList('community', 'community', ['a.example']), SOURCE);
    const sync = new RulesSync({ db, now: () => clock, warningPageUrl: () => WARNING, regexRuleLimit: 3 });
    await sync.restore(await restoreLists(db), await db.ruleState.get('overlay'));
    await sync.checkSession();
    const rulesBefore = structuredClone([...dnr.dynamic.values()]);
    const big = makeBlockList('authority', 'authority', manyDomains(2 * CHUNK_SIZE + 1, 'big'));
    await expect(sync.installFull(checkDomains(big), SOURCE, BUNDLED)).rejects.toThrow(/would need 4 blocking rules with a regular expression; browsers allow 3/);
    expect([...dnr.dynamic.values()]).toEqual(rulesBefore);
    expect((await db.lists.get('authority'))).toBeUndefined();
  });
});

describe('RulesSync after lists changed in the database', () => {
  it('drops a removed list’s rules and keeps the others’', async () => {
    await installList(db, makeBlockList('authority', 'authority', manyDomains(CHUNK_SIZE + 5)), SOURCE);
    await installList(db, makeBlockList('community', 'community', ['rogue.example']), SOURCE);
    const sync = await wake();
    const authorityRules = (await db.lists.get('authority'))!.chunks.flatMap((c) => [c.ruleId, subresourceRuleId(c.ruleId)]);
    expect(authorityRules.every((id) => dnr.dynamic.has(id))).toBe(true);
    await removeList(db, 'authority');
    await sync.reconcile();
    expect(authorityRules.filter((id) => dnr.dynamic.has(id))).toEqual([]);
    expect(blocked('d3.example')).toBe(false);
    expect(blocked('rogue.example')).toBe(true);
    expect([...sync.index.indexed().keys()]).toEqual(['community']);
  });

  it('builds the same index as a full reload of the lists', async () => {
    const community = makeBlockList('community', 'community', ['rogue.example', 'pills.example']);
    await installList(db, community, SOURCE);
    await installList(db, makeAllowList('register', ['pharmacy.example']), SOURCE);
    const sync = await wake();
    await applyDelta(sync, deltaOf(community, 1, { remove: ['rogue.example'], add: [entry('fresh.example')] }));
    const viaReload = ListIndex.build(await loadLists(db), IN_FORCE_DAY);
    for (const name of ['rogue.example', 'www.pills.example', 'fresh.example', 'pharmacy.example', 'other.example']) {
      const hits = (index: ListIndex) => index.hits(hostFromUrl(`https://${name}/`)!).map((h) => [h.list.id, h.domain, h.rank]);
      expect(hits(sync.index), name).toEqual(hits(viaReload));
    }
  });
});

describe('RulesSync and a list whose stored copy cannot be read', () => {
  /** Two lists stored, the browser holding no rule (a new profile's rules, say), one list's rows damaged. */
  async function oneBroken(damage: (chunkKeys: readonly string[]) => Promise<unknown>): Promise<void> {
    const authority = await installList(db, makeBlockList('authority', 'authority', manyDomains(CHUNK_SIZE + 5)), SOURCE);
    await installList(db, makeBlockList('community', 'community', ['rogue.example', 'pills.example']), SOURCE);
    await damage(authority.chunks.map((c) => c.key));
  }
  const reported: { id: string; message: string }[] = [];
  const sparingSync = () =>
    new RulesSync({ db, now: () => clock, warningPageUrl: () => WARNING, onUnreadable: async (id, error) => void reported.push({ id, message: error.message }) });
  beforeEach(() => {
    reported.length = 0;
  });

  it.each([
    ['a rule chunk is missing', (keys: readonly string[]) => db.domainChunks.delete(keys[1]!)],
    ['a rule chunk holds fewer domains than its list row says', (keys: readonly string[]) => db.domainChunks.update(keys[0]!, { domains: 'd0.example\nd1.example' })],
  ])('leaves it out when %s, installs the other lists’ rules and verdicts, and says which list', async (_, damage) => {
    await oneBroken(damage);
    const sync = sparingSync();
    await sync.restore(await restoreLists(db), await db.ruleState.get('overlay'));
    await sync.checkSession();
    expect(reported.map((r) => r.id)).toEqual(['authority']);
    expect(reported[0]!.message).toMatch(/^list authority: chunk \S+:r[01] (is missing|holds 2 of 10000 domains)$/);
    expect(blocked('rogue.example')).toBe(true);
    expect(blocked('www.pills.example')).toBe(true);
    expect(blocked('d3.example')).toBe(false);
    expect([...sync.index.indexed().keys()]).toEqual(['community']);
    await expectRulesFollowVerdicts(sync, ['rogue.example', 'pills.example', 'd3.example', `d${CHUNK_SIZE + 2}.example`, 'unlisted.example']);
  });

  it('keeps the other lists’ rules when the broken list was in force before, and takes only its rules away', async () => {
    await oneBroken(async () => undefined);
    let sync = await wake();
    const authorityRules = (await db.lists.get('authority'))!.chunks.flatMap((c) => [c.ruleId, subresourceRuleId(c.ruleId)]);
    const communityRules = (await db.lists.get('community'))!.chunks.flatMap((c) => [c.ruleId, subresourceRuleId(c.ruleId)]);
    await db.domainChunks.delete((await db.lists.get('authority'))!.chunks[0]!.key);
    // A new build changes every rule's shape: the authority list's must be read again, and cannot.
    for (const id of authorityRules) dnr.dynamic.delete(id);
    sync = sparingSync();
    await sync.restore(await restoreLists(db), await db.ruleState.get('overlay'));
    await sync.checkSession();
    expect(reported.map((r) => r.id)).toEqual(['authority']);
    expect(communityRules.every((id) => dnr.dynamic.has(id))).toBe(true);
    expect(blocked('rogue.example')).toBe(true);
  });

  it('without anyone to tell, throws the error naming the list and changes no rule', async () => {
    await oneBroken((keys) => db.domainChunks.delete(keys[0]!));
    const sync = newSync();
    await sync.restore(await restoreLists(db), await db.ruleState.get('overlay'));
    const calls = { ...dnr.calls };
    await expect(sync.checkSession()).rejects.toThrow(/^list authority: chunk \S+:r0 is missing$/);
    expect(dnr.calls).toEqual(calls);
    expect(dnr.dynamic.size).toBe(0);
  });
});

describe('RulesSync and who vouches for a list', () => {
  const PERSON = { type: 'url', url: 'https://lists.example/latest.json' } as const;
  const priorities = (action: 'redirect' | 'allow') => [...dnr.dynamic.values()].filter((r) => r.action.type === action).map((r) => r.priority);

  it('gives a list the priority of its vouched rank, not of what it declares, and follows a new vouch', async () => {
    await installList(db, makeBlockList('self-declared', 'authority', ['rogue.example']), PERSON, { by: 'person' });
    await installList(db, makeAllowList('register', ['rogue.example']), SOURCE);
    const sync = await wake();
    expect(priorities('redirect')).toEqual([1]);
    expect(priorities('allow')).toEqual([2]);
    // A person's "authority" ranks as community: the register's allowlist beats it.
    expect(blocked('rogue.example')).toBe(false);
    expect(sync.index.hits(hostFromUrl('https://rogue.example/')!).map((h) => [h.list.id, h.rank])).toEqual([['register', 2], ['self-declared', 1]]);

    await db.lists.update('self-declared', { vouch: { by: 'directory', publisher: { id: 'agency', name: 'Agency', type: 'authority' } } });
    await sync.reconcile();
    expect(blocked('rogue.example')).toBe(true);
    expect(priorities('redirect')).toEqual([3]);
    await expectRulesFollowVerdicts(sync, ['rogue.example', 'www.rogue.example']);
  });

  it('lets a self-declared register un-block nothing: no allow rule, no hit, and its deltas have no say', async () => {
    const fake = makeAllowList('fake-register', ['pharmacy.example']);
    await installList(db, makeBlockList('community', 'community', ['pharmacy.example', 'other.example']), SOURCE);
    await installList(db, fake, PERSON, { by: 'person' });
    const sync = await wake();
    expect([...dnr.dynamic.values()].some((r) => r.action.type === 'allow')).toBe(false);
    expect(blocked('pharmacy.example')).toBe(true);
    expect(sync.index.indexed().get('fake-register')).toMatchObject({ inForce: false, rank: 0 });
    await applyDelta(sync, deltaOf(fake, 1, { add: [entry('other.example', { category: 'authorised-pharmacy' })] }));
    expect(blocked('other.example')).toBe(true);
    await expectRulesFollowVerdicts(sync, ['pharmacy.example', 'other.example']);
  });

  it('installs a full allowlist a person added without rules, and one the directory vouches for with them', async () => {
    await installList(db, makeBlockList('community', 'community', ['pharmacy.example']), SOURCE);
    const sync = await wake();
    const register = makeAllowList('register', ['pharmacy.example']);
    await sync.installFull(checkDomains(JSON.parse(JSON.stringify(register))), PERSON, { by: 'person' });
    expect((await db.lists.get('register'))?.vouch).toEqual({ by: 'person' });
    expect(blocked('pharmacy.example')).toBe(true);
    expect([...dnr.dynamic.values()].some((r) => r.action.type === 'allow')).toBe(false);

    const v2 = makeAllowList('register', ['pharmacy.example'], { version: 2 });
    await sync.installFull(checkDomains(JSON.parse(JSON.stringify(v2))), PERSON, { by: 'directory', publisher: { id: 'reg', name: 'Register', type: 'register' } });
    expect(blocked('pharmacy.example')).toBe(false);
    await expectRulesFollowVerdicts(sync, ['pharmacy.example']);
  });

  it('takes a revoked list’s rules away, and keeps its vouch through a compaction', async () => {
    const list = makeBlockList('agency', 'authority', manyDomains(30));
    await installList(db, list, PERSON, { by: 'directory', publisher: { id: 'agency', name: 'Agency', type: 'authority' } });
    const sync = await wake();
    await applyDelta(sync, deltaOf(list, 1, { add: [entry('fresh.example')] }));
    expect(blocked('fresh.example')).toBe(true);
    const revoked: Vouch = { by: 'revoked', keyId: 'k1', reason: 'compromised', since: '2026-05-01T00:00:00Z' };
    await db.lists.update('agency', { vouch: revoked });
    const stored = (await db.lists.get('agency'))!;
    const { newBase, entries } = await compactedBase(db, stored);
    await storeBase(db, stored.meta, stored.source, newBase, entries);
    expect((await db.lists.get('agency'))?.vouch).toEqual(revoked);
    await sync.fold();
    expect(blocked('d1.example')).toBe(false);
    expect(blocked('fresh.example')).toBe(false);
    expect(sync.index.hits(hostFromUrl('https://d1.example/')!)).toEqual([]);
    expect(dnr.dynamic.size).toBe(0);
  });
});

describe('RulesSync and expiry', () => {
  it('takes an allowlist’s rules away when it expires, keeps it in the index, and gives them back when renewed', async () => {
    await installList(db, makeBlockList('community', 'community', ['pharmacy.example']), SOURCE);
    await installList(db, makeAllowList('register', ['pharmacy.example']), SOURCE);
    const sync = await wake();
    expect(blocked('pharmacy.example')).toBe(false);
    expect(sync.index.standingChanged(AFTER_EXPIRY)).toBe(true);

    clock = AFTER_EXPIRY;
    await sync.reconcile();
    expect(blocked('pharmacy.example')).toBe(true);
    expect([...dnr.dynamic.values()].some((r) => r.action.type === 'allow')).toBe(false);
    expect(sync.index.indexed().get('register')?.inForce).toBe(false);
    expect(sync.index.hits(hostFromUrl('https://pharmacy.example/')!).map((h) => h.list.id)).toEqual(['community']);
    const calls = { ...dnr.calls };
    clock = new Date('2027-03-01T00:00:00Z');
    await sync.reconcile();
    expect(dnr.calls).toEqual(calls);

    await installList(db, makeAllowList('register', ['pharmacy.example'], { version: 2, expires: '2028-01-15T00:00:00Z' }), SOURCE);
    await sync.reconcile();
    expect(blocked('pharmacy.example')).toBe(false);
    expect(sync.index.hits(hostFromUrl('https://pharmacy.example/')!).map((h) => h.list.id)).toEqual(['register', 'community']);
  });

  it('keeps an expired blocklist’s rules: it still blocks', async () => {
    await installList(db, makeBlockList('community', 'community', ['rogue.example']), SOURCE);
    const sync = await wake();
    expect(sync.index.standingChanged(AFTER_EXPIRY)).toBe(false);
    const calls = { ...dnr.calls };
    clock = AFTER_EXPIRY;
    await sync.reconcile();
    expect(dnr.calls).toEqual(calls);
    expect(blocked('rogue.example')).toBe(true);
  });

  it('gives an expired allowlist’s overlay no say either', async () => {
    const register = makeAllowList('register', ['pharmacy.example']);
    await installList(db, makeBlockList('community', 'community', ['pharmacy.example', 'other.example']), SOURCE);
    await installList(db, register, SOURCE);
    const sync = await wake();
    await applyDelta(sync, deltaOf(register, 1, { add: [entry('other.example', { category: 'authorised-pharmacy' })] }));
    expect(blocked('other.example')).toBe(false);
    clock = AFTER_EXPIRY;
    await sync.reconcile();
    expect(blocked('other.example')).toBe(true);
    expect(blocked('pharmacy.example')).toBe(true);
  });
});

describe('RulesSync on random lists and deltas', () => {
  /** A small deterministic generator, so a failure can be replayed. */
  function randomSource(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
      return ((state ^ (state >>> 12)) >>> 0) / 2 ** 32;
    };
  }

  it.each([1, 2, 3, 4])('keeps the rules and the verdicts in step, with nested names on three lists (seed %i)', async (seed) => {
    const random = randomSource(seed);
    const names: string[] = [];
    for (const root of ['a', 'b', 'c', 'd', 'e', 'f']) {
      names.push(`${root}.example`, `x.${root}.example`, `y.${root}.example`, `z.x.${root}.example`);
    }
    const pick = (p: number) => names.filter(() => random() < p);
    const lists: Record<'community' | 'register' | 'authority', List> = {
      community: makeBlockList('community', 'community', pick(0.3)),
      register: makeAllowList('register', pick(0.25)),
      authority: makeBlockList('authority', 'authority', pick(0.3)),
    };
    for (const list of Object.values(lists)) await installList(db, list, SOURCE);
    let sync = await wake();
    const hosts = [...names, ...names.map((n) => `www.${n}`)];
    await expectRulesFollowVerdicts(sync, hosts);
    const held = new Map(Object.entries(lists).map(([id, l]) => [id, new Set(l.entries.map((e) => e.domain))]));
    const versions = new Map(Object.keys(lists).map((id) => [id, 1]));
    for (let step = 0; step < 6; step++) {
      const id = (['community', 'register', 'authority'] as const)[Math.floor(random() * 3)]!;
      const mine = held.get(id)!;
      const remove = [...mine].filter(() => random() < 0.4);
      const add = names.filter((n) => !mine.has(n) && random() < 0.25);
      for (const d of remove) mine.delete(d);
      for (const d of add) mine.add(d);
      const from = versions.get(id)!;
      versions.set(id, from + 1);
      await applyDelta(sync, deltaOf(lists[id], from, { remove, add: add.map((d) => entry(d, id === 'register' ? { category: 'authorised-pharmacy' } : {})) }));
      await expectRulesFollowVerdicts(sync, hosts);
      if (step === 2) {
        await sync.fold();
        await expectRulesFollowVerdicts(sync, hosts);
      }
      if (step === 3) {
        // A full version of another list replaces its base and its overlay.
        const other = id === 'authority' ? 'community' : 'authority';
        const domains = names.filter(() => random() < 0.3);
        held.set(other, new Set(domains));
        const full = makeBlockList(other, other, domains, { version: versions.get(other)! + 1 });
        versions.set(other, full.version);
        lists[other] = full;
        await sync.installFull(checkDomains(JSON.parse(JSON.stringify(full))), SOURCE, BUNDLED);
        await expectRulesFollowVerdicts(sync, hosts);
      }
      if (step === 4) {
        dnr.restart();
        sync = await wake();
        await expectRulesFollowVerdicts(sync, hosts);
      }
    }
  });
});
