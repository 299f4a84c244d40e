import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateKey } from '../../lib/signing';
import type { Database } from '../../server/src/db';
import { claimSigningKey, loadSigningKey, signingKeyPath } from '../../server/src/signing-key';
import { databaseKinds, type TestDatabase } from './support/databases';

const dir = () => mkdtempSync(join(tmpdir(), 'hub-key-'));
const writeKey = (path: string, text: string, mode = 0o600) => writeFileSync(path, text, { mode });

describe('the hub signing key', () => {
  it('is created on first start, readable by its owner only, and the same on the next start', async () => {
    const path = join(dir(), 'nested', 'signing-key.json');
    const first = await loadSigningKey(path);
    expect(first.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = await loadSigningKey(path);
    expect(again).toEqual({ key: first.key, created: false });
  });

  it('defaults to the data directory, and PHARMACHECK_HUB_SIGNING_KEY wins', () => {
    expect(signingKeyPath({ dataDir: '/data' })).toBe('/data/signing-key.json');
    expect(signingKeyPath({ dataDir: '/data', signingKeyPath: '/keys/authority.json' })).toBe('/keys/authority.json');
  });

  it('uses a key file written by the toolkit', async () => {
    const path = join(dir(), 'key.json');
    const key = await generateKey();
    writeKey(path, JSON.stringify(key));
    expect(await loadSigningKey(path)).toEqual({ key, created: false });
  });

  it('never creates a key at a path the operator named (a missing file there is a mistake)', async () => {
    const path = join(dir(), 'authority-key.json');
    await expect(loadSigningKey(path, { create: false })).rejects.toThrow(/authority-key\.json does not exist/);
    expect(() => statSync(path)).toThrow();
  });

  it.each([
    [0o644, /can be read by its group and others \(mode 0644\); make it its owner's only: chmod 600/],
    [0o640, /can be read by its group \(mode 0640\)/],
    [0o604, /can be read by others \(mode 0604\)/],
  ])('refuses a key file of mode %s, naming who can read it and the fix', async (mode, message) => {
    const path = join(dir(), 'key.json');
    writeKey(path, JSON.stringify(await generateKey()));
    chmodSync(path, mode);
    await expect(loadSigningKey(path)).rejects.toThrow(message);
    chmodSync(path, 0o400);
    expect((await loadSigningKey(path)).created).toBe(false);
  });

  it.each([
    ['not JSON', () => 'not json', /is not JSON/],
    ['a public key file only', async () => JSON.stringify({ ...(await generateKey()), secretKey: undefined }), /not a secret key file/],
    ['a key id that does not match the key', async () => JSON.stringify({ ...(await generateKey()), keyId: '0000000000000000' }), /signing key/],
    ['another key\'s secret half', async () => JSON.stringify({ ...(await generateKey()), secretKey: (await generateKey()).secretKey }), /signing key/],
  ])('refuses %s, and never overwrites it', async (_name, content, message) => {
    const path = join(dir(), 'key.json');
    const text = await content();
    writeKey(path, text);
    await expect(loadSigningKey(path)).rejects.toThrow(message);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe.each(databaseKinds)('one signing key per database on $name', (kind) => {
  let database: TestDatabase;
  let db: Database;
  beforeEach(async () => {
    database = await kind.create();
    db = await database.open();
  });
  afterEach(async () => {
    await db.close();
    await database.dispose();
  });

  it('records the first key, accepts it again, and refuses any other, naming both', async () => {
    const [first, second] = [await generateKey(), await generateKey()];
    await claimSigningKey(db, first.keyId);
    await claimSigningKey(db, first.keyId);
    await expect(claimSigningKey(db, second.keyId)).rejects.toThrow(`signed with key ${first.keyId}, but this hub's signing key is ${second.keyId}`);
  });
});
