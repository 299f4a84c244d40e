/**
 * updateSubscription against the files publishFiles makes, served from memory: every way a
 * publisher or the way to it can fail, and what the subscription and the store look like after.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installList, LIMITS, type List, type PharmacheckDb, type Subscription } from '../../../lib/lists';
import { generateKey, publicPart, type SecretKeyFile } from '../../../lib/signing';
import { newSubscription, updateSubscription, type UpdateDeps } from '../../../lib/updater';
import { entry, makeList } from '../lists/fixtures';
import { chunkCount, closeDatabases, freshDb, inForce, ListServer, MINUTE, NOW } from './list-server';

const ID = 'test-list';
const LATEST = `${ID}/latest.json`;

const v1 = makeList({ version: 1, entries: [entry('rogue.example'), entry('pills.example')] });
const v2 = makeList({ version: 2, issued: '2026-02-01T00:00:00Z', entries: [entry('rogue.example'), entry('meds.example')] });
const v3 = makeList({ version: 3, issued: '2026-03-01T00:00:00Z', entries: [entry('rogue.example'), entry('meds.example'), entry('cheap-pills.example')] });
const v4 = makeList({ version: 4, issued: '2026-04-01T00:00:00Z', entries: [entry('cheap-pills.example')] });
const domainsOf = (list: List) => list.entries.map((e) => e.domain).sort();
const metaOf = ({ entries: _entries, ...meta }: List) => meta;

let key: SecretKeyFile;
let otherKey: SecretKeyFile;
let server: ListServer;
let db: PharmacheckDb;

beforeAll(async () => {
  [key, otherKey] = await Promise.all([generateKey(), generateKey()]);
});

beforeEach(() => {
  server = new ListServer();
  db = freshDb('update-test');
});

afterEach(closeDatabases);

const deps: UpdateDeps = { fetcher: (url, options) => server.fetcher(url, options), now: () => NOW, random: () => 0.5 };

/** Subscribes to the test list as a person would (no list stored yet). */
async function subscribed(overrides: Partial<Subscription> = {}): Promise<void> {
  await db.subscriptions.put({ ...newSubscription(ID, server.url(LATEST), publicPart(key), 'person', new Date('2026-05-01T00:00:00Z')), ...overrides });
}

const row = async () => (await db.subscriptions.get(ID))!;
/** One update of the subscription as it is stored now. */
const update = async (d: UpdateDeps = deps) => updateSubscription(db, await row(), d);
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

describe('updateSubscription: the first update', () => {
  it('downloads the full list, stores it from its URL and records the success', async () => {
    await subscribed();
    await server.publish({ list: v1, key });

    expect(await update()).toEqual({ id: ID, status: 'updated', via: 'full', version: 1 });
    expect(server.requested()).toEqual([LATEST, `${LATEST}.sig`, `${ID}/v1.json`, `${ID}/v1.json.sig`]);
    expect(await inForce(db)).toEqual([{ id: ID, version: 1, domains: domainsOf(v1) }]);
    expect((await db.lists.get(ID))?.source).toEqual({ type: 'url', url: server.url(LATEST) });
    expect(await row()).toMatchObject({
      lastCheck: NOW.toISOString(),
      lastSuccess: NOW.toISOString(),
      lastError: null,
      failures: 0,
      nextCheck: at(60 * MINUTE),
      etag: server.etagOf(LATEST),
    });
  });

  it.each([
    { interval: 15, minutes: 15 },
    { interval: 30, minutes: 30 },
    { interval: 240, minutes: 60 },
  ])('checks again after $minutes minutes when the list asks for every $interval', async ({ interval, minutes }) => {
    await subscribed();
    await server.publish({ list: { ...v1, updateIntervalMinutes: interval }, key });
    await update();
    expect((await row()).nextCheck).toBe(at(minutes * MINUTE));
  });

  it('sends no ETag for latest.json while no list is stored, even one the subscription holds', async () => {
    await server.publish({ list: v1, key });
    await subscribed({ etag: server.etagOf(LATEST) });

    expect(await update()).toMatchObject({ status: 'updated', via: 'full', version: 1 });
    expect(server.log[0]).toEqual({ path: LATEST, maxBytes: LIMITS.latestBytes, etag: null });
  });

  it('asks for no more than each kind of file may weigh', async () => {
    await subscribed();
    await server.publish({ list: v1, key });
    await update();
    await server.publish({ list: v2, history: [v1], key });
    await update();
    await server.publish({ list: v3, key });
    await update();
    const limits = new Map(server.log.map((r) => [r.path.replace(/\d+/g, 'N'), r.maxBytes]));
    expect(Object.fromEntries(limits)).toEqual({
      [LATEST]: LIMITS.latestBytes,
      [`${LATEST}.sig`]: LIMITS.signatureBytes,
      [`${ID}/vN.json`]: LIMITS.listBytes,
      [`${ID}/vN.json.sig`]: LIMITS.signatureBytes,
      [`${ID}/delta-N-N.json`]: LIMITS.deltaBytes,
      [`${ID}/delta-N-N.json.sig`]: LIMITS.signatureBytes,
    });
  });
});

describe('updateSubscription: a new version', () => {
  beforeEach(async () => {
    await subscribed();
    await server.publish({ list: v1, key });
    await update();
    server.log.length = 0;
  });

  it('applies the delta from the version in force and does not fetch the full list', async () => {
    await server.publish({ list: v2, history: [v1], key });

    expect(await update()).toEqual({ id: ID, status: 'updated', via: 'delta', version: 2 });
    expect(server.requested()).toEqual([LATEST, `${LATEST}.sig`, `${ID}/delta-1-2.json`, `${ID}/delta-1-2.json.sig`]);
    expect(await inForce(db)).toEqual([{ id: ID, version: 2, domains: domainsOf(v2) }]);
    expect((await db.lists.get(ID))?.meta).toEqual(metaOf(v2));
  });

  it('downloads the full list when no delta starts from the version in force', async () => {
    await server.publish({ list: v3, history: [v2], key });

    expect(await update()).toEqual({ id: ID, status: 'updated', via: 'full', version: 3 });
    expect(server.requested()).toEqual([LATEST, `${LATEST}.sig`, `${ID}/v3.json`, `${ID}/v3.json.sig`]);
    expect(await inForce(db)).toEqual([{ id: ID, version: 3, domains: domainsOf(v3) }]);
  });
});

describe('updateSubscription: falling back to the full list', () => {
  /**
   * Each breaks the delta the publisher offers from version 2; `reason` is what it is refused for,
   * `expected` the list that is then downloaded whole (version 3 unless the case says otherwise).
   */
  const brokenDeltas: { name: string; reason: string; expected?: List; breakDelta: () => Promise<void> }[] = [
    {
      name: 'the delta file is missing (404)',
      reason: 'http-404',
      breakDelta: async () => void server.files.delete(`${ID}/delta-2-3.json`),
    },
    {
      name: 'the delta is tampered with',
      reason: 'bad-signature',
      breakDelta: async () => server.tamper(`${ID}/delta-2-3.json`),
    },
    {
      name: 'the delta is signed by another key',
      reason: 'wrong-key',
      breakDelta: async () => server.rewriteJson(`${ID}/delta-2-3.json`, (d) => d, otherKey),
    },
    {
      name: 'the file offered from version 2 is the delta from version 1 (a gap)',
      reason: 'delta-gap',
      breakDelta: async () => server.copy(`${ID}/delta-1-3.json`, `${ID}/delta-2-3.json`),
    },
    {
      name: 'the delta leads to another version than latest.json names',
      reason: 'invalid',
      expected: v4,
      breakDelta: async () => {
        await server.publish({ list: v4, key });
        await server.rewriteJson(LATEST, (l) => ({ ...l, deltas: [{ from: 2, file: 'delta-2-3.json' }] }), key);
      },
    },
  ];

  beforeEach(async () => {
    await subscribed();
    await server.publish({ list: v2, key });
    await update();
    await server.publish({ list: v3, history: [v1, v2], key });
    server.log.length = 0;
  });

  for (const { name, reason, expected = v3, breakDelta } of brokenDeltas) {
    it(`takes the full list when ${name}, and records why in the outcome`, async () => {
      await breakDelta();

      const outcome = await update();
      expect(outcome).toMatchObject({ id: ID, status: 'updated', via: 'full', version: expected.version, deltaError: { reason, at: NOW.toISOString() } });
      expect(server.requested()).toContain(`${ID}/delta-2-3.json`);
      expect(server.requested()).toContain(`${ID}/v${expected.version}.json`);
      expect(await inForce(db)).toEqual([{ id: ID, version: expected.version, domains: domainsOf(expected) }]);
      expect(await row()).toMatchObject({ lastError: null, failures: 0, lastSuccess: NOW.toISOString() });
    });
  }

  it('takes the full list when the delta does not fit the stored list (DeltaMismatch)', async () => {
    // The database holds a version 2 that differs from the published one: the delta adds a domain
    // it already holds.
    await installList(db, makeList({ version: 2, entries: [entry('cheap-pills.example')] }), { type: 'url', url: server.url(LATEST) });

    const outcome = await update();
    expect(outcome).toMatchObject({ status: 'updated', via: 'full', version: 3, deltaError: { reason: 'delta-mismatch' } });
    expect(server.requested()).toEqual([LATEST, `${LATEST}.sig`, `${ID}/delta-2-3.json`, `${ID}/delta-2-3.json.sig`, `${ID}/v3.json`, `${ID}/v3.json.sig`]);
    expect(await inForce(db)).toEqual([{ id: ID, version: 3, domains: domainsOf(v3) }]);
  });

  it("fails with the full list's error when both the delta and the full list fail", async () => {
    server.tamper(`${ID}/delta-2-3.json`);
    server.failing.set(`${ID}/v3.json`, 'http-503');

    expect(await update()).toMatchObject({ status: 'failed', error: { reason: 'http-503' } });
    expect(await inForce(db)).toEqual([{ id: ID, version: 2, domains: domainsOf(v2) }]);
  });
});

describe('updateSubscription: nothing new', () => {
  beforeEach(async () => {
    await subscribed();
    await server.publish({ list: v1, key });
    await update();
    server.log.length = 0;
  });

  it('is unchanged when latest.json names the version in force, and fetches no list', async () => {
    server.etags = false;
    expect(await update()).toEqual({ id: ID, status: 'unchanged', version: 1 });
    expect(server.requested()).toEqual([LATEST, `${LATEST}.sig`]);
    expect(await row()).toMatchObject({ lastSuccess: NOW.toISOString(), nextCheck: at(60 * MINUTE), etag: null, failures: 0 });
  });

  it('is unchanged on a 304, having sent the ETag of the last latest.json', async () => {
    expect(await update()).toEqual({ id: ID, status: 'unchanged', version: 1 });
    expect(server.log).toEqual([{ path: LATEST, maxBytes: LIMITS.latestBytes, etag: server.etagOf(LATEST) }]);
    expect((await row()).etag).toBe(server.etagOf(LATEST));
  });

  it("checks again after the interval of the list in force, not the default, after a 304", async () => {
    await db.lists.delete(ID);
    await server.publish({ list: { ...v1, updateIntervalMinutes: 20 }, key });
    await update();
    server.log.length = 0;
    expect(await update()).toEqual({ id: ID, status: 'unchanged', version: 1 });
    expect(server.log.map((r) => r.path)).toEqual([LATEST]);
    expect((await row()).nextCheck).toBe(at(20 * MINUTE));
  });

  it('sends no ETag once the stored list is gone, and downloads the list again', async () => {
    await db.lists.delete(ID);
    expect(await update()).toMatchObject({ status: 'updated', via: 'full', version: 1 });
    expect(server.log[0]?.etag).toBeNull();
  });
});

describe('updateSubscription: refusals', () => {
  const refusals: { name: string; reason: string; serve: () => Promise<void> }[] = [
    { name: 'latest.json is signed by another key', reason: 'wrong-key', serve: () => server.publish({ list: v3, key: otherKey }) },
    {
      name: 'latest.json is tampered with',
      reason: 'bad-signature',
      serve: async () => {
        await server.publish({ list: v3, key });
        server.tamper(LATEST);
      },
    },
    {
      name: 'the list is tampered with',
      reason: 'bad-signature',
      serve: async () => {
        await server.publish({ list: v3, key });
        server.tamper(`${ID}/v3.json`);
      },
    },
    {
      name: "latest.json's signature is not a signature file",
      reason: 'bad-signature-file',
      serve: async () => {
        await server.publish({ list: v3, key });
        server.files.set(`${LATEST}.sig`, new TextEncoder().encode('not a signature'));
      },
    },
    { name: 'a signed latest.json is not JSON', reason: 'not-json', serve: () => server.putSigned(LATEST, 'version 3, trust me', key) },
    { name: 'a signed latest.json is not UTF-8', reason: 'not-utf8', serve: () => server.putSigned(LATEST, new Uint8Array([0x7b, 0xff, 0x7d]), key) },
    {
      name: 'a signed latest.json breaks the schema',
      reason: 'invalid',
      serve: async () => {
        await server.publish({ list: v3, key });
        await server.rewriteJson(LATEST, (l) => ({ ...l, list: '../../etc/passwd' }), key);
      },
    },
    { name: 'latest.json names an older version (rollback)', reason: 'rollback', serve: () => server.publish({ list: v1, key }) },
    {
      name: 'the list has expired (latest.json has not)',
      reason: 'expired',
      serve: async () => {
        await server.publish({ list: { ...v3, expires: '2026-05-01T00:00:00Z' }, key });
        await server.rewriteJson(LATEST, (l) => ({ ...l, expires: '2027-01-15T00:00:00Z' }), key);
      },
    },
    { name: 'latest.json has expired', reason: 'expired', serve: () => server.publish({ list: { ...v3, expires: '2026-05-01T00:00:00Z' }, key }) },
    {
      name: 'latest.json is issued in the future',
      reason: 'not-yet-valid',
      serve: () => server.publish({ list: { ...v3, issued: '2026-06-02T00:00:00Z' }, key }),
    },
    {
      name: "latest.json is another list's",
      reason: 'wrong-id',
      serve: async () => {
        await server.publish({ list: { ...v3, id: 'other-list' }, key });
        server.copy('other-list/latest.json', LATEST);
      },
    },
    {
      name: "the list file is another list's",
      reason: 'wrong-id',
      serve: async () => {
        await server.publish({ list: v3, key });
        await server.publish({ list: { ...v3, id: 'other-list' }, key });
        server.copy('other-list/v3.json', `${ID}/v3.json`);
      },
    },
    {
      name: 'latest.json names version 4 while the list file is version 3',
      reason: 'invalid',
      serve: async () => {
        await server.publish({ list: v3, key });
        await server.rewriteJson(LATEST, (l) => ({ ...l, version: 4 }), key);
      },
    },
    {
      name: 'the list file is the version in force while latest.json names a newer one',
      reason: 'rollback',
      serve: async () => {
        await server.publish({ list: v3, key });
        server.copy(`${ID}/v2.json`, `${ID}/v3.json`);
      },
    },
    {
      name: 'latest.json is larger than LIMITS.latestBytes',
      reason: 'too-large',
      serve: async () => {
        await server.publish({ list: v3, key });
        const text = new TextDecoder().decode(server.file(LATEST));
        await server.putSigned(LATEST, text + ' '.repeat(LIMITS.latestBytes + 1 - text.length), key);
      },
    },
    { name: 'the server fails on latest.json', reason: 'http-500', serve: async () => void server.failing.set(LATEST, 'http-500') },
    { name: 'the connection fails', reason: 'network', serve: async () => void server.failing.set(LATEST, 'network') },
    {
      name: 'the list file is missing',
      reason: 'http-404',
      serve: async () => {
        await server.publish({ list: v3, key });
        server.files.delete(`${ID}/v3.json`);
      },
    },
    {
      name: "latest.json's signature is missing",
      reason: 'http-404',
      serve: async () => {
        await server.publish({ list: v3, key });
        server.files.delete(`${LATEST}.sig`);
      },
    },
  ];

  let before: { row: Subscription; list: unknown; chunks: number };

  beforeEach(async () => {
    await subscribed();
    await server.publish({ list: v2, key });
    await update();
    before = { row: await row(), list: await db.lists.get(ID), chunks: await chunkCount(db) };
    server.log.length = 0;
  });

  for (const { name, reason, serve } of refusals) {
    it(`fails with "${reason}" when ${name}, keeping version 2 in force`, async () => {
      await serve();

      const outcome = await update();
      expect(outcome).toEqual({ id: ID, status: 'failed', error: { reason, message: expect.any(String), at: NOW.toISOString() } });
      expect(outcome.status === 'failed' && outcome.error.message).toMatch(/\S/);
      expect(await inForce(db)).toEqual([{ id: ID, version: 2, domains: domainsOf(v2) }]);
      expect(await db.lists.get(ID)).toEqual(before.list);
      expect(await chunkCount(db)).toBe(before.chunks);
      expect(await row()).toEqual({
        ...before.row,
        lastCheck: NOW.toISOString(),
        lastError: outcome.status === 'failed' ? outcome.error : null,
        failures: 1,
        // failureDelayMs(1) with a random factor of 0.5: 15 minutes × 1.5.
        nextCheck: at(22.5 * MINUTE),
      });
    });
  }

  it('backs off further with every failure in a row', async () => {
    server.failing.set(LATEST, 'http-500');
    await update();
    expect(await row()).toMatchObject({ failures: 1, nextCheck: at(22.5 * MINUTE) });
    await update();
    expect(await row()).toMatchObject({ failures: 2, nextCheck: at(45 * MINUTE) });
    await update({ ...deps, random: () => 0 });
    expect(await row()).toMatchObject({ failures: 3, nextCheck: at(60 * MINUTE) });
  });

  it('after failures, a success resets the count and the error', async () => {
    server.failing.set(LATEST, 'http-500');
    await update();
    await update();
    server.failing.clear();
    await server.publish({ list: v3, history: [v2], key });

    expect(await update()).toMatchObject({ status: 'updated', via: 'delta', version: 3 });
    expect(await row()).toMatchObject({ failures: 0, lastError: null, lastSuccess: NOW.toISOString(), nextCheck: at(60 * MINUTE) });
  });

  it('after failures, an unchanged answer resets the count and the error too', async () => {
    server.failing.set(LATEST, 'network');
    await update();
    server.failing.clear();

    expect(await update()).toEqual({ id: ID, status: 'unchanged', version: 2 });
    expect(await row()).toMatchObject({ failures: 0, lastError: null });
  });

  it('keeps the ETag of the last latest.json it processed when an update fails', async () => {
    await server.publish({ list: v3, key });
    server.files.delete(`${ID}/v3.json`);
    await update();
    expect((await row()).etag).toBe(before.row.etag);
    server.log.length = 0;

    // The failed latest.json was not processed: it is fetched whole again, not answered with a 304.
    await update();
    expect(server.log[0]).toMatchObject({ path: LATEST, etag: before.row.etag });
    expect(server.log[0]?.etag).not.toBe(server.etagOf(LATEST));
  });

  it('records the failure at the time the update started', async () => {
    let calls = 0;
    const clock = () => new Date(NOW.getTime() + (calls++ === 0 ? 0 : 5 * MINUTE));
    server.failing.set(LATEST, 'http-500');
    const outcome = await update({ ...deps, now: clock });
    expect(outcome).toMatchObject({ error: { at: NOW.toISOString() } });
    expect(await row()).toMatchObject({ lastCheck: NOW.toISOString(), nextCheck: at(22.5 * MINUTE) });
  });
});

describe('updateSubscription: subscriptions that cannot update', () => {
  it('skips a subscription without a URL (a bundled list), fetching nothing and recording nothing', async () => {
    await subscribed({ url: null, key: null, addedBy: 'bundled' });
    const before = await row();
    expect(await update()).toEqual({ id: ID, status: 'skipped' });
    expect(server.log).toEqual([]);
    expect(await row()).toEqual(before);
  });

  it('skips a subscription with a URL but no key: nothing could be verified', async () => {
    await subscribed({ key: null });
    await server.publish({ list: v1, key });
    const before = await row();
    expect(await update()).toEqual({ id: ID, status: 'skipped' });
    expect(server.log).toEqual([]);
    expect(await row()).toEqual(before);
    expect(await db.lists.count()).toBe(0);
  });
});
