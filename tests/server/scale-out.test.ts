/**
 * A stateless hub: several processes on one PostgreSQL database serve the same lists, byte for
 * byte, with the same ETags; publications through any of them are serialised by the database, so
 * none is lost or duplicated; and a process killed in the middle of publishing leaves the last good
 * version served and nothing half-written. Real child processes (as `pharmacheck-hub` runs), real
 * PostgreSQL (PHARMACHECK_TEST_DATABASE_URL). PGlite is one process's database: there, a second
 * process is refused.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLatest, checkList } from '../../lib/lists';
import { generateKey, publicPart, type PublicKeyFile } from '../../lib/signing';
import type { Database } from '../../server/src/db';
import { databaseEnv, freePort, spawnHub, type ChildHub } from './support/child-hub';
import { databaseKinds, type TestDatabase } from './support/databases';
import { call, tokenFor } from './support/tokens';

const LIST = {
  meta: { id: 'shared-list', name: 'Shared blocklist', publisher: { name: 'Test Authority', type: 'authority' }, kind: 'block' },
  validityDays: 30,
};

describe.each(databaseKinds)('hub processes on one $name database', (kind) => {
  let database: TestDatabase;
  let db: Database;
  let hubs: ChildHub[];
  let key: PublicKeyFile;
  let env: Record<string, string>;

  beforeEach(async () => {
    database = await kind.create();
    hubs = [];
    const secret = await generateKey();
    key = publicPart(secret);
    const keyPath = join(database.dir, 'authority-key.json');
    writeFileSync(keyPath, JSON.stringify(secret), { mode: 0o600 });
    env = { ...databaseEnv(database), PHARMACHECK_HUB_SIGNING_KEY: keyPath, PHARMACHECK_HUB_REVIEW_RATE_LIMIT: '100000' };
  });
  afterEach(async () => {
    for (const hub of hubs) if (hub.process.exitCode === null && hub.process.signalCode === null) await hub.kill('SIGKILL');
    await db?.close();
    await database.dispose();
  });

  const start = async () => {
    const hub = await spawnHub({ ...env, PORT: String(await freePort()) });
    hubs.push(hub);
    return hub;
  };
  const publish = (hub: ChildHub, token: string, id = LIST.meta.id) => call(hub.url, `/v1/lists/${id}/publish`, token, { method: 'POST', body: {} });
  const get = async (hub: ChildHub, path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${hub.url}/lists/${path}`, { headers });
    return { status: response.status, etag: response.headers.get('etag'), bytes: new Uint8Array(await response.arrayBuffer()) };
  };

  if (kind.name === 'pglite') {
    it('refuses a second process on the same data directory, naming the one that holds it', async () => {
      const first = await start();
      const second = await spawnHub({ ...env, PORT: String(await freePort()) }).then(
        () => null,
        (error: Error) => error.message,
      );
      expect(second).toMatch(new RegExp(`data directory .* is in use by process ${first.process.pid}`));
      expect((await fetch(`${first.url}/health`)).status).toBe(200);
    });
    return;
  }

  it('serves a list published through one process from the other, with the same bytes and ETag', async () => {
    const [a, b] = [await start(), await start()];
    db = await database.open();
    const token = await tokenFor(db, 'publisher');
    expect((await call(a.url, '/v1/lists/shared-list', token, { method: 'PUT', body: LIST })).status).toBe(201);
    expect((await get(b, 'shared-list/latest.json')).status).toBe(404);
    expect((await publish(a, token)).body.version).toBe(1);
    for (const path of ['shared-list/latest.json', 'shared-list/latest.json.sig', 'shared-list/v1.json', 'index.json']) {
      const [fromA, fromB] = [await get(a, path), await get(b, path)];
      expect({ path, status: fromB.status }).toEqual({ path, status: 200 });
      expect(fromB.etag).toBe(fromA.etag);
      expect(Buffer.from(fromB.bytes).equals(Buffer.from(fromA.bytes))).toBe(true);
      expect((await get(b, path, { 'if-none-match': fromA.etag! })).status).toBe(304);
    }
    const latest = await get(b, 'shared-list/latest.json');
    const signature = new TextDecoder().decode((await get(b, 'shared-list/latest.json.sig')).bytes);
    expect((await checkLatest(latest.bytes, signature, { id: 'shared-list', key, currentVersion: null, now: new Date() })).version).toBe(1);
  });

  it('gives publications through both processes at once consecutive versions, none lost or duplicated', async () => {
    const [a, b] = [await start(), await start()];
    db = await database.open();
    const token = await tokenFor(db, 'publisher');
    await call(a.url, '/v1/lists/shared-list', token, { method: 'PUT', body: LIST });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => publish(i % 2 === 0 ? a : b, token)));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(results.map((r) => r.body.version).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const audited = await db.query<{ subject: string }>(`select subject from audit_log where action = 'publish' order by id`);
    expect(audited.rows.map((r) => r.subject)).toEqual(Array.from({ length: 12 }, (_, i) => `shared-list v${i + 1}`));
    for (const hub of [a, b]) {
      expect(JSON.parse(new TextDecoder().decode((await get(hub, 'shared-list/latest.json')).bytes)).version).toBe(12);
      for (let v = 1; v <= 12; v++) expect((await get(hub, `shared-list/v${v}.json`)).status).toBe(200);
    }
  });

  it('leaves the last good version served, and nothing half-written, when a process is killed in the middle of publishing', async () => {
    const [a, b] = [await start(), await start()];
    db = await database.open();
    const token = await tokenFor(db, 'publisher');
    await call(a.url, '/v1/lists/shared-list', token, { method: 'PUT', body: LIST });
    // A list large enough that writing and checking a version takes a while (on loopback, ~1 s).
    await db.query(
      `insert into draft_entries (list_id, domain, category, added, report_ids, decision_ids, confirmed_by, confirmed_at)
       select 'shared-list', 'shop' || g || '.rogue.example', 'illegal-pharmacy', '2025-01-01', '{}', '{}', 'test', now() from generate_series(1, 40000) g`,
    );
    expect((await publish(b, token)).body).toMatchObject({ version: 1, entryCount: 40000 });
    const before = await get(b, 'shared-list/latest.json');
    await db.query(`delete from draft_entries where domain like 'shop1%'`);

    const interrupted = publish(a, token).catch((error: Error) => error);
    // Killed once the publishing transaction has written rows of version 2 (it holds the table's
    // row-exclusive lock from its first insert until it commits).
    const schema = database.config.kind === 'postgres' ? database.config.schema : undefined;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation join pg_namespace s on s.oid = c.relnamespace
         where c.relname = 'published_files' and s.nspname = $1 and l.mode = 'RowExclusiveLock' and l.granted`,
        [schema],
      );
      if (rows[0]!.n > 0) break;
      if (Date.now() > deadline) throw new Error('the publication never started writing');
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await a.kill('SIGKILL')).signal).toBe('SIGKILL');
    expect(await interrupted).toBeInstanceOf(Error);

    const after = await get(b, 'shared-list/latest.json');
    expect(after.etag).toBe(before.etag);
    expect(Buffer.from(after.bytes).equals(Buffer.from(before.bytes))).toBe(true);
    expect((await get(b, 'shared-list/v2.json')).status).toBe(404);
    // The server rolls the dead connection's transaction back once it notices; then nothing of version 2 remains.
    await expect.poll(async () => (await db.query('select count(*)::int as n from published_files where version = 2')).rows[0], { timeout: 30_000 }).toEqual({ n: 0 });
    expect((await db.query(`select version from lists where id = 'shared-list'`)).rows[0]).toEqual({ version: 1 });
    expect((await db.query(`select count(*)::int as n from audit_log where action = 'publish'`)).rows[0]).toEqual({ n: 1 });

    const next = await publish(b, token);
    expect(next.body).toMatchObject({ version: 2, entryCount: 40000 - 11111 });
    const signature = new TextDecoder().decode((await get(b, 'shared-list/v2.json.sig')).bytes);
    const v2 = await checkList((await get(b, 'shared-list/v2.json')).bytes, signature, { id: 'shared-list', key, currentVersion: 1, now: new Date() });
    expect(v2.entries).toHaveLength(40000 - 11111);
  }, 180_000);
});
