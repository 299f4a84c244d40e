/** The directory in force across start-ups and releases, and the vouches it gives the stored lists. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installList } from '../../../lib/lists';
import { generateKey, publicPart, type SecretKeyFile } from '../../../lib/signing';
import { ensureShippedDirectory, readDirectory, syncVouches, trustFileText, type Directory, type ShippedDirectory } from '../../../lib/trust';
import { newSubscription } from '../../../lib/updater';
import { makeBlockList } from '../lists/fixtures';
import { closeDatabases, freshDb } from '../updater/list-server';
import { directory, NOW, publisher, rootOf, signedBy, directoryBytes } from './fixtures';

let pin: SecretKeyFile;
let newPin: SecretKeyFile;
let agency: SecretKeyFile;
beforeAll(async () => {
  [pin, newPin, agency] = await Promise.all([generateKey(), generateKey(), generateKey()]);
});
afterEach(closeDatabases);

async function shipped(d: Directory, signer = pin, pinned = [pin]): Promise<ShippedDirectory> {
  const file = await signedBy(directoryBytes(d), [signer]);
  return { root: rootOf(pinned), text: new TextDecoder().decode(file.bytes), signature: file.signature };
}

/** A downloaded directory as the updater stores it. */
async function storeDownloaded(db: ReturnType<typeof freshDb>, d: Directory, signer = pin): Promise<void> {
  const file = await signedBy(directoryBytes(d), [signer]);
  await db.directory.put({ id: 'directory', text: trustFileText(d), signature: file.signature, version: d.version, source: 'url', installedAt: NOW.toISOString(), lastCheck: null, lastSuccess: null, lastError: null, failures: 0, nextCheck: null, etag: '"x"' });
}

describe('ensureShippedDirectory', () => {
  it('puts the shipped directory in force on a first start, whatever its dates', async () => {
    const db = freshDb('directory-store');
    const d = await ensureShippedDirectory(db, await shipped(directory({ version: 1 })), new Date('2030-01-01T00:00:00Z'));
    expect(d.version).toBe(1);
    expect(await db.directory.get('directory')).toMatchObject({ version: 1, source: 'bundled' });
    expect((await readDirectory(db))?.version).toBe(1);
  });

  it('keeps a newer downloaded directory that still verifies', async () => {
    const db = freshDb('directory-store');
    await storeDownloaded(db, directory({ version: 5 }));
    expect((await ensureShippedDirectory(db, await shipped(directory({ version: 2 })), NOW)).version).toBe(5);
    expect(await db.directory.get('directory')).toMatchObject({ version: 5, source: 'url', etag: '"x"' });
  });

  it('replaces an older one with a newer shipped directory', async () => {
    const db = freshDb('directory-store');
    await storeDownloaded(db, directory({ version: 2 }));
    expect((await ensureShippedDirectory(db, await shipped(directory({ version: 3 })), NOW)).version).toBe(3);
    expect(await db.directory.get('directory')).toMatchObject({ version: 3, source: 'bundled', etag: null });
  });

  it('drops a stored directory that the pinned keys of a new release no longer verify, however high its version', async () => {
    const db = freshDb('directory-store');
    // Signed with a directory key that a release then unpinned (it was stolen).
    await storeDownloaded(db, directory({ version: 9_000_000 }), pin);
    const release = await shipped(directory({ version: 4 }), newPin, [newPin]);
    expect((await ensureShippedDirectory(db, release, NOW)).version).toBe(4);
    expect(await db.directory.get('directory')).toMatchObject({ version: 4, source: 'bundled' });
  });

  it('throws, changing nothing, when the shipped directory does not verify', async () => {
    const db = freshDb('directory-store');
    await storeDownloaded(db, directory({ version: 2 }));
    const broken = { ...(await shipped(directory({ version: 3 }))), text: trustFileText(directory({ version: 30 })) };
    await expect(ensureShippedDirectory(db, broken, NOW)).rejects.toMatchObject({ reason: 'bad-signature' });
    expect((await db.directory.get('directory'))?.version).toBe(2);
  });
});

describe('syncVouches', () => {
  it('gives each stored list the vouch of the directory in force, and says which changed', async () => {
    const db = freshDb('directory-store');
    const agencyList = makeBlockList('agency-list', 'community', ['rogue.example']);
    const mine = makeBlockList('mine', 'authority', ['other.example']);
    await installList(db, agencyList, { type: 'url', url: 'https://lists.example/agency-list/latest.json' });
    await installList(db, mine, { type: 'url', url: 'https://lists.example/mine/latest.json' });
    await db.subscriptions.bulkPut([
      newSubscription('agency-list', 'https://lists.example/agency-list/latest.json', publicPart(agency), 'person', NOW),
      newSubscription('mine', 'https://lists.example/mine/latest.json', publicPart(pin), 'person', NOW),
    ]);
    const named = { keyId: agency.keyId, publicKey: agency.publicKey };
    const listed = directory({ publishers: [publisher({ keys: [named] })] });
    expect(await syncVouches(db, listed)).toEqual(['agency-list']);
    expect((await db.lists.get('agency-list'))?.vouch).toMatchObject({ by: 'directory', publisher: { id: 'test-agency', type: 'authority' } });
    expect(await syncVouches(db, listed)).toEqual([]);

    const revoked = directory({ version: 2, revoked: [{ keyId: agency.keyId, since: '2026-05-01T00:00:00Z', reason: 'compromised' }] });
    expect(await syncVouches(db, revoked)).toEqual(['agency-list']);
    expect((await db.lists.get('agency-list'))?.vouch).toEqual({ by: 'revoked', keyId: agency.keyId, reason: 'compromised', since: '2026-05-01T00:00:00Z' });
    expect((await db.lists.get('mine'))?.vouch).toEqual({ by: 'person' });
  });
});
