/**
 * Updating the directory of publishers from its latest.json, and what subscribing checks against
 * the directory in force: every good and bad answer, and what stays in force after.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PharmacheckDb } from '../../../lib/lists';
import { ListsService } from '../../../lib/protection/lists-service';
import { generateKey, publicPart, sign, signaturesText, type SecretKeyFile } from '../../../lib/signing';
import { ensureShippedDirectory, readDirectory, trustFileText, type Directory, type DirectoryRoot } from '../../../lib/trust';
import { newSubscription, subscribe, updateDirectory, type DirectoryDeps } from '../../../lib/updater';
import { makeBlockList, makeList } from '../lists/fixtures';
import { directory, encode, publisher, rootOf, DIRECTORY_ID } from '../trust/fixtures';
import { closeDatabases, freshDb, ListServer, MINUTE, NOW, ROOT } from './list-server';

const UPDATE_URL = `${ROOT}directory/latest.json`;

let pin: SecretKeyFile;
let stranger: SecretKeyFile;
let agency: SecretKeyFile;
let root: DirectoryRoot;
let server: ListServer;
let db: PharmacheckDb;

beforeAll(async () => {
  [pin, stranger, agency] = await Promise.all([generateKey(), generateKey(), generateKey()]);
  root = rootOf([pin]);
});
beforeEach(() => {
  server = new ListServer();
  db = freshDb('directory-update');
});
afterEach(closeDatabases);

const deps: DirectoryDeps = { fetcher: (url, options) => server.fetcher(url, options), now: () => NOW, random: () => 0.5 };
const named = (k: SecretKeyFile) => ({ keyId: k.keyId, publicKey: k.publicKey });
const dir = (version: number, overrides: Partial<Directory> = {}) => directory({ version, updateUrl: UPDATE_URL, ...overrides });

async function signedText(text: string, keys: SecretKeyFile[]): Promise<{ text: string; signature: string }> {
  return { text, signature: signaturesText(await Promise.all(keys.map((k) => sign(encode(text), k)))) };
}

/** The shipped directory, version 1, in force. */
async function shippedInForce(): Promise<void> {
  const { text, signature } = await signedText(trustFileText(dir(1)), [pin]);
  await ensureShippedDirectory(db, { root, text, signature }, NOW);
}

/** What the directory's publisher serves: v<N>.json and latest.json, signed by `keys`. */
async function serve(d: Directory, keys: SecretKeyFile[] = [pin], latestVersion = d.version): Promise<void> {
  const file = await signedText(trustFileText(d), keys);
  server.files.set(`directory/v${d.version}.json`, encode(file.text));
  server.files.set(`directory/v${d.version}.json.sig`, encode(file.signature));
  const latest = { format: 1, type: 'latest', id: DIRECTORY_ID, version: latestVersion, issued: d.issued, expires: d.expires, list: `v${d.version}.json`, deltas: [] };
  const l = await signedText(`${JSON.stringify(latest)}\n`, keys);
  server.files.set('directory/latest.json', encode(l.text));
  server.files.set('directory/latest.json.sig', encode(l.signature));
}

describe('updateDirectory', () => {
  it('takes a newer directory signed by the pinned keys, keeps its exact bytes, and records the success', async () => {
    await shippedInForce();
    await serve(dir(2, { publishers: [publisher({ keys: [named(agency)] })] }));
    expect(await updateDirectory(db, root, deps)).toMatchObject({ status: 'updated', version: 2 });
    expect((await readDirectory(db))?.publishers.map((p) => p.id)).toEqual(['test-agency']);
    expect(await db.directory.get('directory')).toMatchObject({ version: 2, source: 'url', lastSuccess: NOW.toISOString(), failures: 0, nextCheck: new Date(NOW.getTime() + 60 * MINUTE).toISOString() });
    expect(server.requested()).toEqual(['directory/latest.json', 'directory/latest.json.sig', 'directory/v2.json', 'directory/v2.json.sig']);
  });

  it('asks again with If-None-Match and stops at a 304, or at the version in force', async () => {
    await shippedInForce();
    await serve(dir(2));
    await updateDirectory(db, root, deps);
    expect(await updateDirectory(db, root, deps)).toEqual({ status: 'unchanged', version: 2 });
    expect(server.log.at(-1)).toMatchObject({ path: 'directory/latest.json', etag: server.etagOf('directory/latest.json') });
    server.etags = false;
    expect(await updateDirectory(db, root, deps)).toEqual({ status: 'unchanged', version: 2 });
  });

  it.each<[string, () => Promise<void>, string]>([
    ['a directory signed by a key the extension does not pin', () => serve(dir(2), [stranger]), 'wrong-key'],
    ['a tampered directory', async () => {
      await serve(dir(2));
      const bytes = server.file('directory/v2.json').slice();
      bytes[bytes.length - 5]! ^= 0x01;
      server.files.set('directory/v2.json', bytes);
    }, 'bad-signature'],
    ['a truncated directory', async () => {
      await serve(dir(2));
      server.files.set('directory/v2.json', server.file('directory/v2.json').slice(0, 50));
    }, 'bad-signature'],
    ['an older directory (a rollback)', async () => {
      await serve(dir(2));
      await db.directory.update('directory', { version: 3 });
    }, 'rollback'],
    ['an expired directory', () => serve(dir(2, { issued: '2025-01-01T00:00:00Z', expires: '2026-01-01T00:00:00Z' })), 'expired'],
    ['a latest.json naming another version than its file', () => serve(dir(2), [pin], 3), 'invalid'],
    ['a directory with an unknown field', async () => {
      const text = trustFileText(dir(2)).replace('"publishers"', '"trusted": true,\n "publishers"');
      const file = await signedText(text, [pin]);
      await serve(dir(2));
      server.files.set('directory/v2.json', encode(file.text));
      server.files.set('directory/v2.json.sig', encode(file.signature));
    }, 'invalid'],
  ])('refuses %s, keeps the one in force and backs off', async (_what, arrange, reason) => {
    await shippedInForce();
    await arrange();
    const before = await db.directory.get('directory');
    expect(await updateDirectory(db, root, deps)).toMatchObject({ status: 'failed', error: { reason } });
    const after = await db.directory.get('directory');
    expect(after).toMatchObject({ text: before!.text, version: before!.version, failures: 1, lastError: { reason } });
    expect(Date.parse(after!.nextCheck!)).toBeGreaterThan(NOW.getTime() + 15 * MINUTE);
  });

  it('does nothing for a directory without an update address', async () => {
    const { text, signature } = await signedText(trustFileText(directory({ version: 1 })), [pin]);
    await ensureShippedDirectory(db, { root, text, signature }, NOW);
    expect(await updateDirectory(db, root, deps)).toEqual({ status: 'skipped' });
    expect(server.requested()).toEqual([]);
  });
});

describe('ListsService with the directory', () => {
  it('updates the directory first, so its revocation makes a stored list stop counting at once', async () => {
    await shippedInForce();
    const list = makeBlockList('agency-list', 'authority', ['rogue.example']);
    await server.publish({ list, key: agency });
    await db.subscriptions.put(newSubscription('agency-list', server.url('agency-list/latest.json'), publicPart(agency), 'person', NOW));
    const changed: string[] = [];
    const service = new ListsService(db, { fetcher: server.fetcher, now: () => NOW, onListsChanged: async () => void changed.push('changed'), root: () => root });
    await service.updateNow();
    expect((await db.lists.get('agency-list'))?.vouch).toEqual({ by: 'person' });

    await serve(dir(2, { revoked: [{ keyId: agency.keyId, since: '2026-01-01T00:00:00Z', reason: 'compromised' }] }));
    changed.length = 0;
    const results = await service.updateNow();
    expect((await db.lists.get('agency-list'))?.vouch).toMatchObject({ by: 'revoked', keyId: agency.keyId });
    expect(results).toEqual([{ id: 'agency-list', status: 'failed', reason: 'revoked-key' }]);
    expect(changed).toEqual(['changed']);
    expect(await service.directory()).toMatchObject({ version: 2, revoked: 1, publishers: 0, source: 'url', updates: true });
  });

  it('updates only a due directory from the alarm, and never for one list', async () => {
    await shippedInForce();
    await serve(dir(2));
    const service = new ListsService(db, { fetcher: server.fetcher, now: () => NOW, onListsChanged: async () => undefined, root: () => root });
    await db.directory.update('directory', { nextCheck: new Date(NOW.getTime() + MINUTE).toISOString() });
    await service.updateDue();
    await service.updateNow('some-list');
    expect(server.requested()).toEqual([]);
    await db.directory.update('directory', { nextCheck: NOW.toISOString() });
    await service.updateDue();
    expect((await db.directory.get('directory'))?.version).toBe(2);
  });
});

describe('subscribing against the directory', () => {
  const subscribeTo = (id: string, key: SecretKeyFile) =>
    subscribe(db, { url: server.url(`${id}/latest.json`), publicKey: key.publicKey, addedBy: 'person' }, { fetcher: server.fetcher, now: () => NOW });

  it('refuses a key that is not the directory’s for a list id the directory names', async () => {
    await shippedInForce();
    await db.directory.put({ ...(await db.directory.get('directory'))!, text: trustFileText(dir(2, { publishers: [publisher({ lists: [{ id: 'agency-list' }], keys: [named(agency)] })] })) });
    await server.publish({ list: makeList({ id: 'agency-list' }), key: stranger });
    expect(await subscribeTo('agency-list', stranger)).toMatchObject({ ok: false, reason: 'not-directory-key' });
    expect(await db.subscriptions.count()).toBe(0);
    await server.publish({ list: makeList({ id: 'agency-list' }), key: agency });
    expect(await subscribeTo('agency-list', agency)).toEqual({ ok: true, id: 'agency-list' });
  });

  it('refuses a revoked key before fetching anything', async () => {
    await shippedInForce();
    await db.directory.put({ ...(await db.directory.get('directory'))!, text: trustFileText(dir(2, { revoked: [{ keyId: stranger.keyId, since: '2026-01-01T00:00:00Z', reason: 'lost' }] })) });
    expect(await subscribeTo('any-list', stranger)).toMatchObject({ ok: false, reason: 'revoked-key' });
    expect(server.requested()).toEqual([]);
  });
});
