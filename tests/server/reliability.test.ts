/**
 * Reliability, against a real hub process on 127.0.0.1 (bounded in count and time):
 *  - killed with SIGKILL in the middle of requests and restarted, it stores each report exactly
 *    once while the client retries with the same idempotency key;
 *  - 1,000 concurrent duplicates of one report store one;
 *  - stopped with SIGTERM, it finishes the request in flight and loses nothing it acknowledged.
 */
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db';
import { databaseEnv, freePort, spawnHub, type ChildHub } from './support/child-hub';
import { databaseKinds, type TestDatabase } from './support/databases';
import { startTestHub } from './support/hub';
import { deliver, pool, type Delivery } from './support/load';
import { aReport, countReports } from './support/reports';

describe.each(databaseKinds)('reliability on $name', (kind) => {
  let database: TestDatabase;
  let hubs: ChildHub[];

  beforeEach(async () => {
    database = await kind.create();
    hubs = [];
  });
  afterEach(async () => {
    for (const hub of hubs) if (hub.process.exitCode === null && hub.process.signalCode === null) await hub.kill('SIGKILL');
    await database.dispose();
  });

  const env = (port: number) => ({ PORT: String(port), PHARMACHECK_HUB_RATE_LIMIT: '1000000', ...databaseEnv(database) });

  /** Opens the database once no hub process holds it (PGlite allows one process at a time). */
  async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
    const db = await database.open();
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  }

  async function storedIds(db: Database): Promise<Map<string, number[]>> {
    const { rows } = await db.query<{ key: string; ids: number[] }>(
      'select idempotency_key::text as key, array_agg(id) as ids from reports group by idempotency_key',
    );
    return new Map(rows.map((r) => [r.key, r.ids]));
  }

  it('stores each report exactly once when the hub is killed mid-requests and restarted', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    hubs.push(await spawnHub(env(port)));
    const reports = Array.from({ length: 100 }, () => aReport());
    const deadline = Date.now() + 100_000;
    let acknowledged = 0;
    const kills: Promise<void>[] = [];

    const killAndRestartAt = (threshold: number) =>
      new Promise<void>((done, fail) => {
        const timer = setInterval(() => {
          if (acknowledged < threshold) return;
          clearInterval(timer);
          const current = hubs.at(-1)!;
          current
            .kill('SIGKILL')
            .then(() => spawnHub(env(port)))
            .then((restarted) => hubs.push(restarted))
            .then(() => done(), fail);
        }, 5);
      });
    kills.push(killAndRestartAt(25));
    const deliveries = pool(reports, 10, async (report) => {
      const delivery = await deliver(() => url, report, deadline);
      acknowledged++;
      if (acknowledged === 60) kills.push(killAndRestartAt(60));
      return delivery;
    });
    const results: Delivery[] = await deliveries;
    await Promise.all(kills);
    expect(hubs).toHaveLength(3);
    expect(hubs.slice(0, 2).every((h) => h.process.signalCode === 'SIGKILL')).toBe(true);
    // The kills really hit requests in flight: some attempts failed and were retried.
    expect(results.reduce((n, r) => n + r.failures, 0)).toBeGreaterThan(0);

    expect((await hubs.at(-1)!.kill('SIGTERM')).code).toBe(0);
    await withDatabase(async (db) => {
      const stored = await storedIds(db);
      expect(await countReports(db)).toBe(reports.length);
      reports.forEach((report, i) => expect(stored.get(report.idempotencyKey)).toEqual([results[i]!.id]));
    });
  }, 150_000);

  it('stores one report from 1,000 concurrent duplicates, answering 201 once and 200 with the same receipt after', async () => {
    const db = await database.open();
    const hub = await startTestHub(database, db);
    try {
      const report = aReport();
      const answers = await pool(Array.from({ length: 1000 }), 50, async () => {
        const response = await fetch(`${hub.url}/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(report),
        });
        return { status: response.status, body: (await response.json()) as { id: number } };
      });
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 200)).toHaveLength(999);
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      expect(await countReports(db)).toBe(1);
    } finally {
      await hub.close();
      await db.close();
    }
  });

  it('on SIGTERM finishes the request in flight, exits 0, and loses nothing it acknowledged', async () => {
    const port = await freePort();
    const hub = await spawnHub(env(port));
    hubs.push(hub);
    const url = `http://127.0.0.1:${port}`;

    // A request whose body is still arriving when the signal comes: its head goes now, the rest of
    // its body only once the hub has said it is shutting down. Each step waits for what the hub did
    // or said, not for a time.
    const slow = aReport({ comment: 'sent slowly' });
    const body = Buffer.from(JSON.stringify(slow));
    let finishSlow = () => {};
    let headSent = () => {};
    const headWritten = new Promise<void>((done) => (headSent = done));
    const slowAnswer = new Promise<{ status: number; body: string }>((done, fail) => {
      const req = request(`${url}/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => done({ status: res.statusCode!, body: text }));
      });
      req.on('error', fail);
      req.write(body.subarray(0, 40), () => headSent());
      finishSlow = () => req.end(body.subarray(40));
    });
    await headWritten;

    // Then a stream of reports; each worker stops at its first refusal once the hub stops. The hub
    // has read the slow request's head long before it has answered 30 requests sent after it.
    const acknowledged: { key: string; id: number }[] = [];
    let stopping = false;
    let thirtyAcknowledged = () => {};
    const enough = new Promise<void>((done) => (thirtyAcknowledged = done));
    const stream = pool(Array.from({ length: 6 }), 6, async () => {
      for (let n = 0; n < 2000; n++) {
        const report = aReport();
        try {
          const response = await fetch(`${url}/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(report) });
          const answer = (await response.json()) as { id: number };
          if (response.status === 201) acknowledged.push({ key: report.idempotencyKey, id: answer.id });
          else if (stopping) return;
          if (acknowledged.length >= 30) thirtyAcknowledged();
        } catch {
          if (stopping) return;
        }
      }
    });
    await enough;
    stopping = true;
    hub.process.kill('SIGTERM');
    await hubSaid(hub, /shutting down: finishing requests in flight/);
    finishSlow();
    const [exit, slowResult] = await Promise.all([hub.exited, slowAnswer, stream]);
    expect(exit, hub.output.join('')).toEqual({ code: 0, signal: null });
    expect(slowResult.status).toBe(201);
    expect(acknowledged.length).toBeGreaterThan(0);

    await withDatabase(async (db) => {
      const stored = await storedIds(db);
      expect(stored.get(slow.idempotencyKey)).toEqual([JSON.parse(slowResult.body).id]);
      for (const { key, id } of acknowledged) expect(stored.get(key)).toEqual([id]);
      expect(hub.output.join('')).toContain('hub stopped');
    });
  });
});

/** Resolves once the hub's output (so far or still to come) matches `pattern`; fails if the hub exits first. */
function hubSaid(hub: ChildHub, pattern: RegExp): Promise<void> {
  return new Promise((done, fail) => {
    const check = () => {
      if (!pattern.test(hub.output.join(''))) return false;
      hub.process.stdout!.off('data', onData);
      done();
      return true;
    };
    // spawnHub's own listener appends each chunk to output first: it was added first.
    const onData = () => void check();
    if (check()) return;
    hub.process.stdout!.on('data', onData);
    void hub.exited.then(() => {
      if (!check()) fail(new Error(`the hub exited without saying ${pattern}:\n${hub.output.join('')}`));
    });
  });
}
