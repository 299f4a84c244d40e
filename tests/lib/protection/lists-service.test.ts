/** ListsService: updates one at a time, a rebuild per batch that changed something, the options view. */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installList, type List, type PharmacheckDb } from '../../../lib/lists';
import { ListsService } from '../../../lib/protection/lists-service';
import { generateKey, publicPart, type SecretKeyFile } from '../../../lib/signing';
import { newSubscription } from '../../../lib/updater';
import { entry, makeAllowList, makeList } from '../lists/fixtures';
import { closeDatabases, freshDb, ListServer, MINUTE, NOW } from '../updater/list-server';

const alpha = makeAllowList('alpha-list', ['pharmacy.example', 'chemist.example', 'apotheke.example'], { name: 'Alpha register' });
const beta = makeList({ id: 'beta-list', name: 'Beta list', entries: [entry('rogue.example')] });
const gamma = makeList({ id: 'gamma-list', name: 'Gamma list', entries: [entry('pills.example')] });
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

let key: SecretKeyFile;
let server: ListServer;
let db: PharmacheckDb;
let onListsChanged: ReturnType<typeof vi.fn<() => Promise<void>>>;
let service: ListsService;

beforeAll(async () => {
  key = await generateKey();
});

beforeEach(async () => {
  server = new ListServer();
  db = freshDb('lists-service-test');
  onListsChanged = vi.fn(async () => undefined);
  service = new ListsService(db, { fetcher: server.fetcher, now: () => NOW, onListsChanged });
  for (const list of [alpha, beta, gamma]) await server.publish({ list, key });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await closeDatabases();
});

/** A person's subscription to a published list (its list not downloaded yet). */
async function subscribed(list: List, nextCheck: string | null = null): Promise<void> {
  await db.subscriptions.put({ ...newSubscription(list.id, server.url(`${list.id}/latest.json`), publicPart(key), 'person', NOW), nextCheck });
}

describe('ListsService: one job at a time', () => {
  it('runs updates started together one after another, never two at once', async () => {
    await subscribed(alpha);
    await subscribed(beta);
    // Every answer waits a little, so jobs that ran side by side would overlap.
    server.beforeAnswer = () => new Promise((resolve) => setTimeout(resolve, 2));

    const [first, all, due] = await Promise.all([service.updateNow('alpha-list'), service.updateNow(), service.updateDue()]);

    expect(server.maxInFlight).toBe(1);
    // updateNow() reads the subscriptions before it queues its job, so updateDue's job is queued
    // (and runs) before it; each job sees what the one before it stored.
    expect(first).toEqual([{ id: 'alpha-list', status: 'updated', version: 1 }]);
    expect(due).toEqual([{ id: 'beta-list', status: 'updated', via: 'full', version: 1 }]);
    expect(all).toEqual([
      { id: 'alpha-list', status: 'unchanged', version: 1 },
      { id: 'beta-list', status: 'unchanged', version: 1 },
    ]);
    expect(server.requested()).toEqual([
      'alpha-list/latest.json',
      'alpha-list/latest.json.sig',
      'alpha-list/v1.json',
      'alpha-list/v1.json.sig',
      'beta-list/latest.json',
      'beta-list/latest.json.sig',
      'beta-list/v1.json',
      'beta-list/v1.json.sig',
      'alpha-list/latest.json',
      'beta-list/latest.json',
    ]);
    expect(onListsChanged).toHaveBeenCalledTimes(2);
  });

  it('runs a subscribe queued behind an update only after it', async () => {
    await subscribed(alpha);
    server.beforeAnswer = () => new Promise((resolve) => setTimeout(resolve, 2));

    const [updated, subscribedTo] = await Promise.all([service.updateNow(), service.subscribe(server.url('beta-list/latest.json'), key.publicKey)]);

    expect(server.maxInFlight).toBe(1);
    expect(updated).toEqual([{ id: 'alpha-list', status: 'updated', version: 1 }]);
    expect(subscribedTo).toEqual({ ok: true, id: 'beta-list' });
    // Each job's requests come together: one list's, then the other's.
    const lists = server.requested().map((path) => path.split('/')[0]);
    expect(lists.filter((id, i) => id !== lists[i - 1]).sort()).toEqual(['alpha-list', 'beta-list']);
  });

  it('applies a policy in the same queue: a list the policy drops mid-update is not left without its subscription', async () => {
    await db.subscriptions.put(newSubscription(alpha.id, server.url(`${alpha.id}/latest.json`), publicPart(key), 'policy', NOW));
    server.beforeAnswer = () => new Promise((resolve) => setTimeout(resolve, 2));

    // The update is in flight when the new policy (beta instead of alpha) arrives.
    const [updated, failed] = await Promise.all([service.updateNow('alpha-list'), service.applyPolicy([{ url: server.url('beta-list/latest.json'), publicKey: key.publicKey }])]);

    expect(updated).toEqual([{ id: 'alpha-list', status: 'updated', version: 1 }]);
    expect(failed).toEqual([]);
    expect(server.maxInFlight).toBe(1);
    expect((await db.subscriptions.toArray()).map((s) => [s.id, s.addedBy])).toEqual([['beta-list', 'policy']]);
    expect((await db.lists.toArray()).map((l) => l.id)).toEqual(['beta-list']);
  });

  it('keeps running jobs after one failed', async () => {
    await subscribed(alpha);
    onListsChanged.mockRejectedValueOnce(new Error('rebuild failed'));

    await expect(service.updateNow('alpha-list')).rejects.toThrow('rebuild failed');
    await server.publish({ list: { ...alpha, version: 2 }, history: [alpha], key });
    expect(await service.updateNow('alpha-list')).toEqual([{ id: 'alpha-list', status: 'updated', version: 2 }]);
  });
});

describe('ListsService: rebuilding after changes', () => {
  it('calls onListsChanged once for a batch that updated several lists', async () => {
    await subscribed(alpha);
    await subscribed(beta);
    await service.updateNow();
    expect(onListsChanged).toHaveBeenCalledOnce();
  });

  it('does not call onListsChanged when nothing changed', async () => {
    await subscribed(alpha);
    await service.updateNow();
    onListsChanged.mockClear();

    expect(await service.updateNow()).toEqual([{ id: 'alpha-list', status: 'unchanged', version: 1 }]);
    expect(onListsChanged).not.toHaveBeenCalled();
  });

  it('does not call onListsChanged when every update failed or was skipped', async () => {
    await subscribed(alpha);
    await db.subscriptions.put(newSubscription('shipped-list', null, null, 'bundled', NOW));
    server.failing.set('alpha-list/latest.json', 'http-500');

    expect(await service.updateNow()).toEqual([
      { id: 'alpha-list', status: 'failed', reason: 'http-500' },
      { id: 'shipped-list', status: 'skipped' },
    ]);
    // The failed one waits for its back-off; the bundled one is always due, and always skipped.
    expect(await service.updateDue()).toEqual([{ id: 'shipped-list', status: 'skipped' }]);
    expect(onListsChanged).not.toHaveBeenCalled();
  });

  it('calls onListsChanged after a subscribe that downloaded the list, not after one that was refused', async () => {
    expect(await service.subscribe(server.url('beta-list/latest.json'), 'not a key')).toMatchObject({ ok: false, reason: 'bad-key' });
    expect(onListsChanged).not.toHaveBeenCalled();

    expect(await service.subscribe(server.url('beta-list/latest.json'), key.publicKey)).toEqual({ ok: true, id: 'beta-list' });
    expect((await db.lists.get('beta-list'))?.meta.version).toBe(1);
    expect(onListsChanged).toHaveBeenCalledOnce();
  });

  it('calls onListsChanged after an unsubscribe that removed a list, not after a refused one', async () => {
    await subscribed(alpha);
    await db.subscriptions.put(newSubscription('shipped-list', null, null, 'bundled', NOW));
    await service.updateNow('alpha-list');
    onListsChanged.mockClear();

    expect(await service.unsubscribe('shipped-list')).toBe(false);
    expect(onListsChanged).not.toHaveBeenCalled();
    expect(await service.unsubscribe('alpha-list')).toBe(true);
    expect(await db.lists.get('alpha-list')).toBeUndefined();
    expect(onListsChanged).toHaveBeenCalledOnce();
  });
});

describe('ListsService.updateDue', () => {
  it('updates only the subscriptions whose next check has come', async () => {
    await subscribed(alpha, null);
    await subscribed(beta, at(1));
    await subscribed(gamma, at(-1));

    const outcomes = await service.updateDue();
    expect(outcomes.map((o) => [o.id, o.status])).toEqual([
      ['alpha-list', 'updated'],
      ['gamma-list', 'updated'],
    ]);
    expect(server.requested().filter((p) => p.startsWith('beta-list/'))).toEqual([]);
    expect(await db.lists.get('beta-list')).toBeUndefined();
    expect(onListsChanged).toHaveBeenCalledOnce();
  });
});

describe('ListsService.view', () => {
  it("shows a bundled, a person's, a policy's and a failed subscription as the options page needs them", async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const shipped = makeList({ id: 'shipped-list', name: 'Shipped list', version: 5, publisher: { name: 'Authority', type: 'authority', country: 'FR' } });
    const shippedRow = await installList(db, shipped, { type: 'bundled', file: 'lists/shipped-list.json' });
    // A bundled list is never checked, whatever time its row holds (a row from an older version).
    await db.subscriptions.put({ ...newSubscription('shipped-list', null, null, 'bundled', NOW), nextCheck: at(MINUTE) });
    await subscribed(alpha);
    await subscribed(beta);
    await db.subscriptions.put(newSubscription('gamma-list', server.url('gamma-list/latest.json'), publicPart(key), 'policy', NOW));
    server.failing.set('beta-list/latest.json', 'http-500');
    await service.updateNow();

    const view = await service.view();
    const byId = new Map(view.map((v) => [v.id, v]));
    expect(view).toHaveLength(4);
    expect(byId.get('shipped-list')).toEqual({
      id: 'shipped-list',
      vouch: { by: 'bundled' },
      rankedAs: 'authority',
      counts: true,
      name: 'Shipped list',
      publisher: { name: 'Authority', type: 'authority', country: 'FR' },
      kind: 'block',
      version: 5,
      entryCount: 2,
      url: null,
      addedBy: 'bundled',
      keyId: null,
      lastSuccess: shippedRow.installedAt,
      lastCheck: null,
      lastError: null,
      broken: null,
      nextCheck: null,
      expires: shipped.expires,
      removable: false,
    });
    expect(byId.get('alpha-list')).toEqual({
      id: 'alpha-list',
      // A "register" a person added: nobody vouches for it, so it does not count (lib/lists/standing.ts).
      vouch: { by: 'person' },
      rankedAs: null,
      counts: false,
      name: 'Alpha register',
      publisher: alpha.publisher,
      kind: 'allow',
      version: 1,
      entryCount: 3,
      url: server.url('alpha-list/latest.json'),
      addedBy: 'person',
      keyId: key.keyId,
      lastSuccess: NOW.toISOString(),
      lastCheck: NOW.toISOString(),
      lastError: null,
      broken: null,
      nextCheck: at(60 * MINUTE),
      expires: alpha.expires,
      removable: true,
    });
    expect(byId.get('beta-list')).toEqual({
      id: 'beta-list',
      vouch: null,
      rankedAs: null,
      counts: false,
      name: null,
      publisher: null,
      kind: null,
      version: null,
      entryCount: 0,
      url: server.url('beta-list/latest.json'),
      addedBy: 'person',
      keyId: key.keyId,
      lastSuccess: null,
      lastCheck: NOW.toISOString(),
      broken: null,
      lastError: { reason: 'http-500', message: expect.stringContaining('beta-list/latest.json'), at: NOW.toISOString() },
      nextCheck: at(22.5 * MINUTE),
      expires: null,
      removable: true,
    });
    expect(byId.get('gamma-list')).toMatchObject({ addedBy: 'policy', version: 1, removable: false, vouch: { by: 'policy' }, rankedAs: 'community', counts: true });
  });

  it('keeps showing the last good version of a list whose update then failed', async () => {
    await subscribed(beta);
    await service.updateNow();
    await server.publish({ list: { ...beta, version: 2 }, key });
    server.tamper('beta-list/v2.json');
    await service.updateNow();

    const [view] = await service.view();
    expect(view).toMatchObject({ id: 'beta-list', version: 1, entryCount: 1, lastSuccess: NOW.toISOString(), lastError: { reason: 'bad-signature' } });
  });

  it('shows nothing when there is no subscription', async () => {
    expect(await service.view()).toEqual([]);
  });
});
