import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installList, type PharmacheckDb } from '../../../lib/lists';
import { generateKey, keyIdOf, publicPart, toBase64, type SecretKeyFile } from '../../../lib/signing';
import { MAX_KEY_INPUT, newSubscription, parsePublicKey, subscribe, subscriptionUrlSchema, unsubscribe } from '../../../lib/updater';
import { makeList } from '../lists/fixtures';
import { closeDatabases, freshDb, inForce, ListServer, NOW } from './list-server';

let key: SecretKeyFile;
let otherKey: SecretKeyFile;

beforeAll(async () => {
  [key, otherKey] = await Promise.all([generateKey(), generateKey()]);
});

/** A public key file for raw key bytes of any length, with the key id that matches them. */
async function keyFileFor(raw: Uint8Array): Promise<string> {
  return JSON.stringify({ format: 1, algorithm: 'ed25519', keyId: await keyIdOf(raw), publicKey: toBase64(raw) });
}

describe('parsePublicKey', () => {
  it('accepts the bare base64 key and names it by its key id', async () => {
    expect(key.publicKey).toHaveLength(44);
    expect(await parsePublicKey(key.publicKey)).toEqual(publicPart(key));
  });

  it('accepts a bare key pasted with spaces and line breaks around it', async () => {
    expect(await parsePublicKey(`  ${key.publicKey}\n`)).toEqual(publicPart(key));
  });

  it('accepts a public key file', async () => {
    expect(await parsePublicKey(JSON.stringify(publicPart(key), null, 2))).toEqual(publicPart(key));
  });

  it('refuses a public key file whose key id is not its key', async () => {
    expect(await parsePublicKey(JSON.stringify({ ...publicPart(key), keyId: otherKey.keyId }))).toBeNull();
  });

  it('refuses a key file that mixes one key with another key id', async () => {
    expect(await parsePublicKey(JSON.stringify({ ...publicPart(otherKey), publicKey: key.publicKey }))).toBeNull();
  });

  it('refuses a secret key file: a person must never paste the secret, and the schema is strict', async () => {
    expect(await parsePublicKey(JSON.stringify(key))).toBeNull();
  });

  it.each([31, 33])('refuses a bare %i-byte key', async (length) => {
    const text = toBase64(new Uint8Array(length).fill(7));
    expect(text).toHaveLength(44);
    expect(await parsePublicKey(text)).toBeNull();
  });

  it.each([31, 33])('refuses a key file holding a %i-byte key, even with a matching key id', async (length) => {
    expect(await parsePublicKey(await keyFileFor(new Uint8Array(length).fill(7)))).toBeNull();
  });

  it.each<[string, () => string]>([
    ['nothing', () => ''],
    ['only spaces', () => '   \n\t'],
    ['a key with a character outside base64', () => `${key.publicKey.slice(0, 42)}!=`],
    ['a key in URL-safe base64', () => `${'-_'.repeat(21)}A=`],
    ['a key one character short', () => key.publicKey.slice(1)],
    ['a key one character long', () => `A${key.publicKey}`],
    ['a key with a space inside', () => `${key.publicKey.slice(0, 20)} ${key.publicKey.slice(20)}`],
    ['a 64-byte key', () => toBase64(new Uint8Array(64).fill(1))],
    ['a word', () => 'ed25519'],
    ['JSON that does not parse', () => '{"format": 1, "publicKey": '],
    ['a JSON object of another shape', () => '{"key": "value"}'],
    ['a key file of another format', () => JSON.stringify({ ...publicPart(key), format: 2 })],
    ['a key file of another algorithm', () => JSON.stringify({ ...publicPart(key), algorithm: 'rsa' })],
    ['a key file with an extra field', () => JSON.stringify({ ...publicPart(key), comment: 'mine' })],
    ['a key file whose key is not base64', () => JSON.stringify({ ...publicPart(key), publicKey: '!'.repeat(44) })],
    ['a JSON array', () => JSON.stringify([publicPart(key)])],
    ['JSON null', () => 'null'],
  ])('refuses %s', async (_name, input) => {
    expect(await parsePublicKey(input())).toBeNull();
  });

  it(`refuses more than ${MAX_KEY_INPUT} characters, even a valid key file padded inside`, async () => {
    const padded = JSON.stringify(publicPart(key)).replace('{', `{${' '.repeat(MAX_KEY_INPUT)}`);
    expect(JSON.parse(padded)).toEqual(publicPart(key));
    expect(await parsePublicKey(padded)).toBeNull();
  });
});

describe('subscriptionUrlSchema', () => {
  it.each(['https://lists.example/authority/latest.json', 'http://127.0.0.1:8080/latest.json', 'https://lists.example:8443/a/b/latest.json?v=1'])(
    'accepts %s',
    (url) => {
      expect(subscriptionUrlSchema.safeParse(url).success).toBe(true);
    },
  );

  it.each([
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a file: URL', 'file:///etc/passwd'],
    ['a data: URL', 'data:application/json,{"id":"x"}'],
    ['an ftp: URL', 'ftp://lists.example/latest.json'],
    ['a chrome-extension: URL', 'chrome-extension://abcdefghijklmnop/latest.json'],
    ['a URL without its slashes', 'https:lists.example/latest.json'],
    ['a relative path', '/latest.json'],
    ['text', 'my list'],
    ['nothing', ''],
    ['a user name and password', 'https://user:secret@lists.example/latest.json'],
    ['a user name', 'https://user@lists.example/latest.json'],
    ['a password alone', 'https://:secret@lists.example/latest.json'],
    ['more than 2048 characters', `https://lists.example/${'a'.repeat(2048)}/latest.json`],
  ])('refuses %s', (_name, url) => {
    expect(subscriptionUrlSchema.safeParse(url).success).toBe(false);
  });
});

describe('subscribe', () => {
  const URL_ = 'https://lists.example/feeds/authority/latest.json';
  const list = makeList({ id: 'authority-list', version: 3 });
  let server: ListServer;
  let db: PharmacheckDb;

  beforeEach(async () => {
    server = new ListServer();
    db = freshDb('subscriptions-test');
    await server.publish({ list, key });
    // Published under a folder that is not named after the list: the id comes from latest.json.
    server.copy('authority-list/latest.json', 'feeds/authority/latest.json');
  });

  afterEach(closeDatabases);

  const deps = () => ({ fetcher: server.fetcher, now: () => NOW });

  it("records the subscription under the id of the verified latest.json, with the publisher's key", async () => {
    expect(await subscribe(db, { url: URL_, publicKey: key.publicKey, addedBy: 'person' }, deps())).toEqual({ ok: true, id: 'authority-list' });
    expect(await db.subscriptions.toArray()).toEqual([newSubscription('authority-list', URL_, publicPart(key), 'person', NOW)]);
    expect(server.requested()).toEqual(['feeds/authority/latest.json', 'feeds/authority/latest.json.sig']);
    // The list itself comes with the first update.
    expect(await db.lists.count()).toBe(0);
  });

  it('accepts the key as a public key file and records who added it', async () => {
    const result = await subscribe(db, { url: URL_, publicKey: JSON.stringify(publicPart(key)), addedBy: 'policy' }, deps());
    expect(result).toEqual({ ok: true, id: 'authority-list' });
    expect(await db.subscriptions.get('authority-list')).toMatchObject({ addedBy: 'policy', key: publicPart(key) });
  });

  const refusals: { name: string; reason: string; url?: string; publicKey?: () => string; serve?: () => Promise<void>; fetches: boolean }[] = [
    { name: 'a URL that is not http(s)', reason: 'bad-url', url: 'file:///etc/latest.json', fetches: false },
    { name: 'text that is not an address', reason: 'bad-url', url: 'my list', fetches: false },
    { name: 'an empty address', reason: 'bad-url', url: '', fetches: false },
    { name: 'a URL with credentials', reason: 'bad-url', url: 'https://me:pw@lists.example/feeds/authority/latest.json', fetches: false },
    { name: 'a key that is not a key', reason: 'bad-key', publicKey: () => 'not a key', fetches: false },
    { name: 'a secret key file', reason: 'bad-key', publicKey: () => JSON.stringify(key), fetches: false },
    { name: 'the key of another publisher', reason: 'wrong-key', publicKey: () => otherKey.publicKey, fetches: true },
    { name: 'a tampered latest.json', reason: 'bad-signature', serve: async () => server.tamper('feeds/authority/latest.json'), fetches: true },
    { name: 'an address with nothing there', reason: 'http-404', url: 'https://lists.example/nothing/latest.json', fetches: true },
    { name: 'a server error', reason: 'http-500', serve: async () => void server.failing.set('feeds/authority/latest.json', 'http-500'), fetches: true },
    {
      name: 'an expired latest.json',
      reason: 'expired',
      serve: async () => server.rewriteJson('feeds/authority/latest.json', (l) => ({ ...l, expires: '2026-05-01T00:00:00Z' }), key),
      fetches: true,
    },
    {
      name: 'a signed latest.json that is not a latest.json',
      reason: 'invalid',
      serve: async () => server.putSigned('feeds/authority/latest.json', '{"id": "authority-list"}', key),
      fetches: true,
    },
    {
      name: 'a signed latest.json whose id is not a string',
      reason: 'invalid',
      serve: async () => server.rewriteJson('feeds/authority/latest.json', (l) => ({ ...l, id: 42 }), key),
      fetches: true,
    },
  ];

  for (const { name, reason, url, publicKey, serve, fetches } of refusals) {
    it(`refuses ${name} ("${reason}") with a message, and stores nothing`, async () => {
      await serve?.();
      const result = await subscribe(db, { url: url ?? URL_, publicKey: publicKey?.() ?? key.publicKey, addedBy: 'person' }, deps());
      expect(result).toEqual({ ok: false, reason, message: expect.stringMatching(/\S/) });
      expect(await db.subscriptions.count()).toBe(0);
      expect(await db.lists.count()).toBe(0);
      expect(server.log.length > 0).toBe(fetches);
    });
  }

  it('refuses a list already subscribed to, naming it, and leaves that subscription as it was', async () => {
    const existing = { ...newSubscription('authority-list', null, null, 'bundled', new Date('2026-01-01T00:00:00Z')), failures: 2 };
    await db.subscriptions.put(existing);

    const result = await subscribe(db, { url: URL_, publicKey: key.publicKey, addedBy: 'person' }, deps());
    expect(result).toEqual({ ok: false, reason: 'exists', message: expect.stringContaining('"authority-list"') });
    expect(await db.subscriptions.toArray()).toEqual([existing]);
  });
});

describe('unsubscribe', () => {
  let db: PharmacheckDb;

  beforeEach(async () => {
    db = freshDb('unsubscribe-test');
    const source = { type: 'url', url: 'https://lists.example/x/latest.json' } as const;
    for (const [id, addedBy] of [
      ['mine', 'person'],
      ['shipped', 'bundled'],
      ['managed', 'policy'],
    ] as const) {
      await db.subscriptions.put(newSubscription(id, addedBy === 'bundled' ? null : source.url, addedBy === 'bundled' ? null : publicPart(key), addedBy, NOW));
      await installList(db, makeList({ id }), source);
    }
  });

  afterEach(closeDatabases);

  it("removes a person's subscription and its list, and nothing else", async () => {
    expect(await unsubscribe(db, 'mine')).toBe(true);
    expect((await db.subscriptions.toArray()).map((s) => s.id).sort()).toEqual(['managed', 'shipped']);
    expect((await inForce(db)).map((l) => l.id)).toEqual(['managed', 'shipped']);
    expect(await db.domainChunks.where('listId').equals('mine').count()).toBe(0);
    expect(await db.entryChunks.where('listId').equals('mine').count()).toBe(0);
  });

  it.each(['shipped', 'managed'])('refuses to remove the %s list, which a person did not add', async (id) => {
    expect(await unsubscribe(db, id)).toBe(false);
    expect(await db.subscriptions.count()).toBe(3);
    expect((await inForce(db)).map((l) => l.id)).toEqual(['managed', 'mine', 'shipped']);
  });

  it('refuses an id nobody subscribes to', async () => {
    expect(await unsubscribe(db, 'unknown')).toBe(false);
    expect(await db.subscriptions.count()).toBe(3);
  });
});
