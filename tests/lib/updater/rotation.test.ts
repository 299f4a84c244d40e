/**
 * Updates across a key rotation and a compromise (docs/list-format.md §16-§17), against a list
 * server in memory: a subscriber follows a rolled key without reinstalling, refuses the old key
 * after the rollover, and neither a replayed statement, a loop, a thief's statement nor a revoked
 * key moves it; for a list the directory names, the directory's keys decide.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { List, PharmacheckDb, Subscription } from '../../../lib/lists';
import { generateKey, publicPart, type SecretKeyFile } from '../../../lib/signing';
import { rotationFileName, trustFileText, type Directory } from '../../../lib/trust';
import { newSubscription, updateSubscription, type UpdateDeps } from '../../../lib/updater';
import { entry, makeList } from '../lists/fixtures';
import { directory, publisher, putDirectory, rotation } from '../trust/fixtures';
import { closeDatabases, freshDb, inForce, ListServer, NOW } from './list-server';

const ID = 'test-list';
const LATEST = `${ID}/latest.json`;
const version = (n: number, domains = ['rogue.example']): List =>
  makeList({ version: n, issued: `2026-0${Math.min(n, 5)}-01T00:00:00Z`, entries: domains.map((d) => entry(d)) });

let k1: SecretKeyFile;
let k2: SecretKeyFile;
let k3: SecretKeyFile;
let thief: SecretKeyFile;
let server: ListServer;
let db: PharmacheckDb;
let now: Date;

beforeAll(async () => {
  [k1, k2, k3, thief] = await Promise.all([generateKey(), generateKey(), generateKey(), generateKey()]);
});
beforeEach(() => {
  server = new ListServer();
  db = freshDb('rotation-test');
  now = NOW;
});
afterEach(closeDatabases);

const deps: UpdateDeps = { fetcher: (url, options) => server.fetcher(url, options), now: () => now, random: () => 0.5 };
const named = (k: SecretKeyFile) => ({ keyId: k.keyId, publicKey: k.publicKey });
const row = async () => (await db.subscriptions.get(ID))!;
const update = async () => updateSubscription(db, await row(), deps);
const versionInForce = async () => (await inForce(db))[0]?.version ?? null;

async function subscribed(key: SecretKeyFile, overrides: Partial<Subscription> = {}): Promise<void> {
  await db.subscriptions.put({ ...newSubscription(ID, server.url(LATEST), publicPart(key), 'person', NOW), ...overrides });
}

/** The statement `from` signs, handing the list over to `to`, served where subscribers look for it. */
async function statement(from: SecretKeyFile, to: SecretKeyFile, times: { issued?: string; rollover?: string } = {}, signer = from): Promise<void> {
  const r = rotation({ id: ID, from: from.keyId, to: named(to), issued: times.issued ?? '2026-05-20T00:00:00Z', rollover: times.rollover ?? '2026-06-01T00:00:00Z' });
  await server.putSigned(`${ID}/${rotationFileName(from.keyId)}`, trustFileText(r), signer);
}

/** Version 1 with k1, then the publisher rolls to k2 and publishes version 2 with it. */
async function rolledOnce(times: { rollover?: string } = {}): Promise<void> {
  await subscribed(k1);
  await server.publish({ list: version(1), key: k1 });
  expect(await update()).toMatchObject({ status: 'updated', version: 1 });
  await statement(k1, k2, times);
  await server.publish({ list: version(2, ['rogue.example', 'new.example']), history: [version(1)], key: k2 });
}

describe('following a key rotation', () => {
  it('follows a rolled key: version 2 signed by the next key is taken, and the subscription trusts that key from then on', async () => {
    await rolledOnce();
    expect(await update()).toMatchObject({ status: 'updated', version: 2, via: 'delta' });
    const sub = await row();
    expect(sub.key?.keyId).toBe(k2.keyId);
    expect(sub.keyHistory).toEqual([{ key: publicPart(k1), until: '2026-06-01T00:00:00Z', issued: '2026-05-20T00:00:00Z', followedAt: NOW.toISOString() }]);
    expect(server.requested()).toContain(`${ID}/${rotationFileName(k1.keyId)}`);
    expect((await db.lists.get(ID))?.vouch).toEqual({ by: 'person' });
  });

  it('refuses the old key’s later files once the rollover passed, keeping the version in force', async () => {
    await rolledOnce({ rollover: '2026-06-01T00:00:00Z' });
    await update();
    now = new Date('2026-06-02T00:00:00Z');
    await server.publish({ list: version(3, ['stale.example']), key: k1 });
    expect(await update()).toMatchObject({ status: 'failed', error: { reason: 'retired-key' } });
    expect(await versionInForce()).toBe(2);
  });

  it('still accepts the old key’s files before the rollover (stale caches, mirrors)', async () => {
    await rolledOnce({ rollover: '2026-07-01T00:00:00Z' });
    await update();
    await server.publish({ list: version(3), history: [version(2, ['rogue.example', 'new.example'])], key: k1 });
    expect(await update()).toMatchObject({ status: 'updated', version: 3 });
    expect((await row()).key?.keyId).toBe(k2.keyId);
  });

  it('follows several rotations made while the subscriber was away, in one update', async () => {
    await rolledOnce();
    await statement(k2, k3, { issued: '2026-05-25T00:00:00Z' });
    await server.publish({ list: version(3), key: k3 });
    expect(await update()).toMatchObject({ status: 'updated', version: 3 });
    expect((await row()).keyHistory.map((h) => h.key.keyId)).toEqual([k1.keyId, k2.keyId]);
  });

  it('refuses a loop back to a key already left, and stays on the key in force', async () => {
    await rolledOnce();
    await update();
    await statement(k2, k1, { issued: '2026-05-25T00:00:00Z' });
    await server.publish({ list: version(3), key: k1 });
    now = new Date('2026-06-02T00:00:00Z');
    expect(await update()).toMatchObject({ status: 'failed', error: { reason: 'rotation-loop' } });
    expect((await row()).key?.keyId).toBe(k2.keyId);
    expect(await versionInForce()).toBe(2);
  });

  it('refuses a statement not signed by the key in force: a stranger cannot roll a list to their key', async () => {
    await subscribed(k1);
    await server.publish({ list: version(1), key: k1 });
    await update();
    await statement(k1, thief, {}, thief);
    await server.publish({ list: version(2, ['innocent.example']), key: thief });
    expect(await update()).toMatchObject({ status: 'failed', error: { reason: 'wrong-key' } });
    expect((await row()).key?.keyId).toBe(k1.keyId);
    expect(await versionInForce()).toBe(1);
  });

  it('says wrong-key, changing nothing, when latest.json is signed by another key and no statement is published', async () => {
    await subscribed(k1);
    await server.publish({ list: version(1), key: k2 });
    expect(await update()).toMatchObject({ status: 'failed', error: { reason: 'wrong-key' } });
    expect(await row()).toMatchObject({ key: publicPart(k1), keyHistory: [] });
  });
});

describe('a compromised key', () => {
  const revoked = (key: SecretKeyFile, since = '2026-05-01T00:00:00Z'): Directory =>
    directory({ revoked: [{ keyId: key.keyId, since, reason: 'compromised' }] });

  it('refuses a rotation statement signed by a revoked key', async () => {
    await subscribed(k1);
    await server.publish({ list: version(1), key: k1 });
    await update();
    await putDirectory(db, revoked(k1));
    await statement(k1, thief);
    await server.publish({ list: version(2), key: thief });
    expect(await update()).toMatchObject({ status: 'failed', error: { reason: 'revoked-key' } });
    expect(server.requested()).not.toContain(`${ID}/${rotationFileName(k1.keyId)}`);
    expect((await row()).key?.keyId).toBe(k1.keyId);
  });

  it('refuses any file signed by a revoked key, even for a subscription still on it', async () => {
    await subscribed(k1);
    await putDirectory(db, revoked(k1));
    await server.publish({ list: version(1), key: k1 });
    expect(await update()).toMatchObject({ status: 'failed', error: { reason: 'revoked-key' } });
    expect(await inForce(db)).toEqual([]);
  });

  it('undoes trust reached through a thief’s rotation once the directory revokes the stolen key', async () => {
    // The thief rolled k1 to their key, the subscriber followed, then the directory revoked k1 as
    // compromised since before the rotation.
    await subscribed(k1);
    await server.publish({ list: version(1), key: k1 });
    await update();
    await statement(k1, thief);
    await server.publish({ list: version(2, ['innocent.example']), key: thief });
    expect(await update()).toMatchObject({ status: 'updated', version: 2 });
    await putDirectory(db, revoked(k1, '2026-05-01T00:00:00Z'));
    await server.publish({ list: version(3, ['innocent.example', 'another.example']), key: thief });
    expect(await update()).toMatchObject({ status: 'updated', version: 3 });
    expect((await db.lists.get(ID))?.vouch).toMatchObject({ by: 'revoked', keyId: k1.keyId });
  });
});

describe('a list the directory names', () => {
  const agency = (...keys: SecretKeyFile[]) => directory({ publishers: [publisher({ lists: [{ id: ID }], keys: keys.map(named) })] });

  it('accepts any of the directory’s keys for it, records which signed, and ranks it by the directory', async () => {
    await putDirectory(db, agency(k1, k2));
    await subscribed(k1);
    await server.publish({ list: version(1), key: k2 });
    expect(await update()).toMatchObject({ status: 'updated', version: 1 });
    expect((await row()).key?.keyId).toBe(k2.keyId);
    expect((await db.lists.get(ID))?.vouch).toMatchObject({ by: 'directory', publisher: { type: 'authority' } });
  });

  it('follows no rotation statement: a key the directory does not list is refused', async () => {
    await putDirectory(db, agency(k1));
    await subscribed(k1);
    await server.publish({ list: version(1), key: k1 });
    await update();
    await statement(k1, k2);
    await server.publish({ list: version(2), key: k2 });
    expect(await update()).toMatchObject({ status: 'failed', error: { reason: 'wrong-key' } });
    expect(server.requested()).not.toContain(`${ID}/${rotationFileName(k1.keyId)}`);
    expect((await row()).key?.keyId).toBe(k1.keyId);
  });
});
