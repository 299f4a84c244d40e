import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../lib/lists';
import { applyPolicy, readPolicy } from '../../../lib/protection/policy';
import { newSubscription } from '../../../lib/updater';

let dbCount = 0;
const freshDb = () => openDatabase(`policy-test-${++dbCount}`);
const KEY = 'A'.repeat(43) + '=';

describe('readPolicy', () => {
  it('reads the subscriptions an organisation set', () => {
    expect(readPolicy({ subscriptions: [{ url: 'https://lists.example/a/latest.json', publicKey: KEY }] })).toEqual([
      { url: 'https://lists.example/a/latest.json', publicKey: KEY },
    ]);
  });

  it.each([
    ['no policy at all', undefined],
    ['an empty policy', {}],
    ['subscriptions that are not an array', { subscriptions: 'https://x' }],
    ['an entry without a key', { subscriptions: [{ url: 'https://x' }] }],
    ['an over-long URL', { subscriptions: [{ url: `https://${'a'.repeat(3000)}`, publicKey: KEY }] }],
    ['a string', 'subscriptions'],
  ])('gives no subscriptions for %s', (_name, raw) => {
    expect(readPolicy(raw)).toEqual([]);
  });
});

describe('applyPolicy', () => {
  it('subscribes to every URL the policy names that is not subscribed yet', async () => {
    const db = freshDb();
    await db.subscriptions.put(newSubscription('a', 'https://lists.example/a/latest.json', null, 'policy', new Date()));
    const subscribe = vi.fn(async () => ({ ok: true }));
    const onListsChanged = vi.fn(async () => undefined);
    const failed = await applyPolicy(
      db,
      [
        { url: 'https://lists.example/a/latest.json', publicKey: KEY },
        { url: 'https://lists.example/b/latest.json', publicKey: KEY },
      ],
      { subscribe, onListsChanged },
    );
    expect(failed).toEqual([]);
    expect(subscribe).toHaveBeenCalledExactlyOnceWith('https://lists.example/b/latest.json', KEY);
    expect(onListsChanged).not.toHaveBeenCalled();
  });

  it('removes policy subscriptions the policy dropped, and keeps the person\'s own and bundled ones', async () => {
    const db = freshDb();
    await db.subscriptions.bulkPut([
      newSubscription('dropped', 'https://lists.example/dropped/latest.json', null, 'policy', new Date()),
      newSubscription('mine', 'https://lists.example/mine/latest.json', null, 'person', new Date()),
      newSubscription('bundled', null, null, 'bundled', new Date()),
    ]);
    const onListsChanged = vi.fn(async () => undefined);
    await applyPolicy(db, [], { subscribe: async () => ({ ok: true }), onListsChanged });
    expect((await db.subscriptions.toArray()).map((s) => s.id).sort()).toEqual(['bundled', 'mine']);
    expect(onListsChanged).toHaveBeenCalledOnce();
  });

  it('reports the URLs it could not subscribe to', async () => {
    const db = freshDb();
    const failed = await applyPolicy(db, [{ url: 'https://lists.example/bad/latest.json', publicKey: KEY }], {
      subscribe: async () => ({ ok: false }),
      onListsChanged: async () => undefined,
    });
    expect(failed).toEqual(['https://lists.example/bad/latest.json']);
  });
});
