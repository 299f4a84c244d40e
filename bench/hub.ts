/**
 * The hub under load, on loopback only, bounded in count and time: reports per second it sustains
 * and the latency of each acknowledgement (p50, p99), on PGlite and on PostgreSQL, measured side by
 * side in one run, and proof that nothing was lost (reports acknowledged = reports stored).
 *
 * The hub runs as `npm run hub` would (a child process, info-level logs, every check on), with the
 * rate limit lifted since all requests come from one address. The load is closed-loop: `concurrency`
 * clients, each sending its next report as soon as the last is acknowledged, over kept-alive
 * connections. PostgreSQL comes from PHARMACHECK_BENCH_DATABASE_URL (or PHARMACHECK_TEST_DATABASE_URL,
 * which `.ci/run` sets); without one, or if it does not answer, that row says so and the rest runs.
 * The scale-out comparison (one process against two on one PostgreSQL) is in hub-scale.ts.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../lib/reports';
import { openDatabase, type Database } from '../server/src/db';
import type { DatabaseConfig } from '../server/src/config';

/** The PostgreSQL server benchmarks use, from the environment; undefined when none is named. */
export function benchDatabaseUrl(): string | undefined {
  return process.env.PHARMACHECK_BENCH_DATABASE_URL ?? process.env.PHARMACHECK_TEST_DATABASE_URL;
}
export const NO_DATABASE_URL = 'no PostgreSQL named: set PHARMACHECK_BENCH_DATABASE_URL (or PHARMACHECK_TEST_DATABASE_URL), e.g. postgresql://pharmacheck:pharmacheck@127.0.0.1:5432/pharmacheck_test';
const CLI = fileURLToPath(new URL('../server/src/cli/index.ts', import.meta.url));

export interface HubBenchOptions {
  /** Capacity: closed loop with this many clients, up to this many reports. */
  readonly concurrency: number;
  readonly capacityReports: number;
  /** Steady load: reports offered at this rate (per second), up to this many. */
  readonly rate: number;
  readonly steadyReports: number;
  /** Each phase stops issuing reports after this long, whatever the count. */
  readonly timeLimitMs: number;
  readonly warmup: number;
}

export interface Phase {
  readonly sent: number;
  readonly accepted: number;
  readonly refused: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface HubBenchRow {
  readonly database: 'pglite' | 'postgres';
  readonly error?: string;
  readonly capacity?: Phase;
  readonly steady?: Phase;
  /** Every report the hub acknowledged (warm-up included), and the rows found afterwards. */
  readonly accepted: number;
  readonly stored: number;
}

export function aReport(i: number): Report {
  return {
    idempotencyKey: randomUUID(),
    kind: 'suspicious-site',
    page: `https://shop${i % 500}.rogue-pharmacy-${i % 37}.example/pills?id=${i}`,
    reasons: ['no-prescription', 'prices-too-low'],
    comment: `Load test report ${i}: no prescription asked, price far too low.`,
    extensionVersion: '0.1.0',
    createdAt: new Date().toISOString(),
  };
}

export function post(agent: Agent, port: number, report: Report): Promise<number> {
  const body = JSON.stringify(report);
  return new Promise((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/v1/reports', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode!));
      },
    );
    req.on('error', fail);
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

export async function waitForHealth(port: number, deadline: number): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return;
    } catch {}
    if (Date.now() > deadline) throw new Error('the hub did not become healthy in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

interface LoadResult {
  sent: number;
  accepted: number;
  refused: number;
  seconds: number;
  latencies: number[];
}

/** Closed loop: `concurrency` clients, each sending the next report once the last is answered. */
async function closedLoop(port: number, start: number, count: number, concurrency: number, until: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let next = 0;
  let accepted = 0;
  let refused = 0;
  const began = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count && Date.now() < until) {
        const report = aReport(start + next++);
        const t0 = process.hrtime.bigint();
        const status = await post(agent, port, report);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (status === 201) accepted++;
        else refused++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  agent.destroy();
  return { sent: latencies.length, accepted, refused, seconds, latencies: latencies.sort((a, b) => a - b) };
}

/**
 * Open loop: report i is due at start + i / rate, whether or not earlier ones were answered, and
 * its latency counts from when it was due (so a stalled hub cannot hide its queue).
 */
async function openLoop(port: number, start: number, count: number, rate: number, until: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let accepted = 0;
  let refused = 0;
  const began = performance.now();
  let issuing = 0;
  for (let i = 0; i < count && Date.now() < until; i++) {
    const due = began + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const sending = post(agent, port, aReport(start + i)).then((status) => {
      latencies.push(performance.now() - due);
      if (status === 201) accepted++;
      else refused++;
      inFlight.delete(sending);
    });
    inFlight.add(sending);
    issuing = (performance.now() - began) / 1000 + 1 / rate;
  }
  await Promise.all(inFlight);
  // The rate sustained is the rate reports were issued at, provided every one was acknowledged; a
  // hub that falls behind shows in the latencies, which count from each report's due time.
  const seconds = issuing;
  agent.destroy();
  return { sent: latencies.length, accepted, refused, seconds, latencies: latencies.sort((a, b) => a - b) };
}

function phase(result: LoadResult): Phase {
  return {
    sent: result.sent,
    accepted: result.accepted,
    refused: result.refused,
    perSecond: result.accepted / result.seconds,
    p50Ms: percentile(result.latencies, 0.5),
    p99Ms: percentile(result.latencies, 0.99),
  };
}

async function countStored(config: DatabaseConfig): Promise<number> {
  const db: Database = await openDatabase(config);
  try {
    return (await db.query<{ n: number }>('select count(*)::int as n from reports')).rows[0]!.n;
  } finally {
    await db.close();
  }
}

async function benchOne(database: 'pglite' | 'postgres', options: HubBenchOptions): Promise<HubBenchRow> {
  const url = benchDatabaseUrl();
  if (database === 'postgres' && !url) return { database, error: NO_DATABASE_URL, accepted: 0, stored: 0 };
  const dir = mkdtempSync(join(tmpdir(), 'pharmacheck-hub-bench-'));
  const schema = `hub_bench_${randomBytes(4).toString('hex')}`;
  const config: DatabaseConfig =
    database === 'pglite' ? { kind: 'pglite', dataDir: join(dir, 'pgdata') } : { kind: 'postgres', url: url!, schema, poolSize: 10 };
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    PORT: String(port),
    HOST: '127.0.0.1',
    PHARMACHECK_HUB_DATA_DIR: dir,
    PHARMACHECK_HUB_RATE_LIMIT: '1000000',
    ...(database === 'postgres' ? { DATABASE_URL: url!, PHARMACHECK_HUB_DATABASE_SCHEMA: schema } : {}),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', CLI], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  try {
    await Promise.race([waitForHealth(port, Date.now() + 60_000), exited.then(() => Promise.reject(new Error(stderr.trim().slice(0, 300) || 'the hub exited')))]);
    const warm = await closedLoop(port, 0, options.warmup, options.concurrency, Date.now() + options.timeLimitMs);
    const capacity = await closedLoop(port, options.warmup, options.capacityReports, options.concurrency, Date.now() + options.timeLimitMs);
    const offset = options.warmup + options.capacityReports;
    const steady = await openLoop(port, offset, options.steadyReports, options.rate, Date.now() + options.timeLimitMs);
    child.kill('SIGTERM');
    await exited;
    return {
      database,
      capacity: phase(capacity),
      steady: phase(steady),
      accepted: warm.accepted + capacity.accepted + steady.accepted,
      stored: await countStored(config),
    };
  } catch (error) {
    return { database, error: (error as Error).message, accepted: 0, stored: 0 };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    if (database === 'postgres') {
      await openDatabase({ kind: 'postgres', url: url!, poolSize: 1 })
        .then(async (db) => {
          await db.query(`drop schema if exists "${schema}" cascade`);
          await db.close();
        })
        .catch(() => {});
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchHub(options: HubBenchOptions): Promise<HubBenchRow[]> {
  return [await benchOne('pglite', options), await benchOne('postgres', options)];
}

const fmt = (p: Phase) =>
  `${p.perSecond.toFixed(1).padStart(7)} reports/s   p50 ${p.p50Ms.toFixed(1).padStart(6)} ms   p99 ${p.p99Ms.toFixed(1).padStart(6)} ms` +
  (p.refused ? `   ${p.refused} refused` : '');

export function printHub(rows: HubBenchRow[], options: HubBenchOptions): void {
  console.log(
    `\nHub under load on loopback (hub in its own process, info logs on; ${options.warmup} warm-up reports first)\n` +
      `  capacity: ${options.concurrency} clients in a closed loop, up to ${options.capacityReports.toLocaleString('en')} reports; ` +
      `steady: ${options.rate} reports/s offered, up to ${options.steadyReports.toLocaleString('en')}; each phase at most ${options.timeLimitMs / 1000} s`,
  );
  for (const r of rows) {
    if (r.error || !r.capacity || !r.steady) {
      console.log(`  ${r.database.padEnd(9)} not measured: ${r.error}`);
      continue;
    }
    const lost = r.accepted - r.stored;
    console.log(`  ${r.database.padEnd(9)} capacity ${fmt(r.capacity)}`);
    console.log(`  ${''.padEnd(9)} steady   ${fmt(r.steady)}`);
    console.log(`  ${''.padEnd(9)} acknowledged ${r.accepted} = stored ${r.stored}: ${lost === 0 ? 'nothing lost' : `${lost} LOST`}`);
  }
  const [pglite, postgres] = rows;
  if (pglite?.capacity && postgres?.capacity) {
    console.log(`  ratio capacity   PostgreSQL : PGlite = ${(postgres.capacity.perSecond / pglite.capacity.perSecond).toFixed(2)}`);
  }
  if (postgres?.steady) {
    const s = postgres.steady;
    // The generator's timers may run a little late; what matters is that the hub was offered
    // 500/s, acknowledged every report, and kept p99 (counted from each due time) under 100 ms.
    const met = options.rate >= 500 && s.perSecond >= 0.99 * options.rate && s.p99Ms < 100 && s.refused === 0 && s.accepted === options.steadyReports;
    console.log(`  target on PostgreSQL (>= 500 reports/s sustained, p99 < 100 ms): ${met ? 'met' : 'NOT met'}`);
  }
}
