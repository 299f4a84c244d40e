/**
 * The hub scaled out: one hub process against two, on one PostgreSQL database, measured side by
 * side in the same run. Two processes run throughout; "one" sends every client to the first, "two"
 * spreads the clients evenly over both (as a load balancer would), and the two alternate, phase
 * after phase, `rounds` times, so that the machine's other work weighs on both alike. Each phase is
 * a closed loop of `concurrency` clients for a fixed time:
 *  - reports: POST /v1/reports, acknowledged per second and p99;
 *  - revalidations: GET latest.json with its ETag, answered 304, per second and p99 (what every
 *    subscriber's hourly check costs);
 *  - downloads: GET a full version (v2.json, immutable), per second and p99.
 * Target: two processes at least 1.6 times one. The machine's other work shows in the figures, so
 * the load average is printed with them. PostgreSQL comes from PHARMACHECK_BENCH_DATABASE_URL (or
 * PHARMACHECK_TEST_DATABASE_URL); without one, this benchmark says so and measures nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateKey } from '../lib/signing';
import { openDatabase, type Database } from '../server/src/db';
import { saveList } from '../server/src/lists/store';
import { publishList } from '../server/src/publish';
import { aReport, benchDatabaseUrl, freePort, NO_DATABASE_URL, percentile, post, waitForHealth } from './hub';

const CLI = fileURLToPath(new URL('../server/src/cli/index.ts', import.meta.url));
const LIST_ID = 'bench-list';

export interface ScaleOptions {
  readonly concurrency: number;
  readonly phaseMs: number;
  /** How many times each of "one" and "two" is measured, alternating. */
  readonly rounds: number;
  /** Entries of the published list (its size decides what a full download costs). */
  readonly listEntries: number;
}

export interface Rate {
  readonly perSecond: number;
  readonly p99Ms: number;
  readonly failed: number;
}

export interface ScaleRow {
  readonly processes: number;
  readonly reports: Rate;
  readonly revalidations: Rate;
  readonly downloads: Rate;
}

export interface ScaleResult {
  readonly error?: string;
  readonly rows: ScaleRow[];
  readonly listBytes: number;
  readonly loadBefore: number;
  readonly loadAfter: number;
}

function get(agent: Agent, port: number, path: string, headers: Record<string, string>): Promise<{ status: number; bytes: number; etag: string | undefined }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => done({ status: res.statusCode!, bytes, etag: res.headers.etag }));
    });
    req.on('error', fail);
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.end();
  });
}

/** `concurrency` clients, client i sending to ports[i % n], each its next request once the last is answered, for `ms`. */
async function closedLoop(ports: readonly number[], concurrency: number, ms: number, send: (agent: Agent, port: number, i: number) => Promise<boolean>): Promise<Rate> {
  const agents = ports.map(() => new Agent({ keepAlive: true, maxSockets: concurrency }));
  const latencies: number[] = [];
  let failed = 0;
  let count = 0;
  const until = performance.now() + ms;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      const at = client % ports.length;
      while (performance.now() < until) {
        const t0 = performance.now();
        const ok = await send(agents[at]!, ports[at]!, count++).catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) failed++;
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  for (const agent of agents) agent.destroy();
  latencies.sort((a, b) => a - b);
  return { perSecond: (latencies.length - failed) / seconds, p99Ms: percentile(latencies, 0.99), failed };
}

/** A fresh schema with a published list (two versions) and the key every process signs with. */
async function prepare(url: string, schema: string, dir: string, entries: number): Promise<string> {
  const key = await generateKey();
  const keyPath = join(dir, 'signing-key.json');
  writeFileSync(keyPath, JSON.stringify(key), { mode: 0o600 });
  const db: Database = await openDatabase({ kind: 'postgres', url, schema, poolSize: 2 });
  try {
    await saveList(db, { meta: { id: LIST_ID, name: 'Bench list', publisher: { name: 'Bench Authority', type: 'authority' }, kind: 'block' }, validityDays: 30 });
    await db.query(
      `insert into draft_entries (list_id, domain, category, added, report_ids, decision_ids, confirmed_by, confirmed_at)
       select $1, 'shop' || g || '.rogue-bench.example', 'illegal-pharmacy', '2025-01-01', '{}', '{}', 'bench', now() from generate_series(1, $2::int) g`,
      [LIST_ID, entries],
    );
    await publishList(db, { listId: LIST_ID, actor: 'bench', key });
    await db.query(`delete from draft_entries where domain = 'shop1.rogue-bench.example'`);
    await publishList(db, { listId: LIST_ID, actor: 'bench', key });
  } finally {
    await db.close();
  }
  return keyPath;
}

/** The mean of several measurements of one rate (p99: the worst). */
function mean(rates: readonly Rate[]): Rate {
  return {
    perSecond: rates.reduce((n, r) => n + r.perSecond, 0) / rates.length,
    p99Ms: Math.max(...rates.map((r) => r.p99Ms)),
    failed: rates.reduce((n, r) => n + r.failed, 0),
  };
}

async function measure(url: string, options: ScaleOptions): Promise<{ rows: ScaleRow[]; listBytes: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'pharmacheck-hub-scale-'));
  const schema = `hub_scale_${randomBytes(4).toString('hex')}`;
  const children: ChildProcess[] = [];
  try {
    const keyPath = await prepare(url, schema, dir, options.listEntries);
    const ports: number[] = [];
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      ports.push(port);
      const env = {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: url,
        PHARMACHECK_HUB_DATABASE_SCHEMA: schema,
        PHARMACHECK_HUB_DATA_DIR: dir,
        PHARMACHECK_HUB_SIGNING_KEY: keyPath,
        PHARMACHECK_HUB_RATE_LIMIT: '1000000',
      };
      children.push(spawn(process.execPath, ['--import', 'tsx', CLI], { env, stdio: ['ignore', 'ignore', 'inherit'] }));
      await waitForHealth(port, Date.now() + 60_000);
    }
    const probe = new Agent({ keepAlive: false });
    const latest = await get(probe, ports[0]!, `/lists/${LIST_ID}/latest.json`, {});
    const full = await get(probe, ports[0]!, `/lists/${LIST_ID}/v2.json`, {});
    const sends = {
      reports: async (agent: Agent, port: number, i: number) => (await post(agent, port, aReport(i))) === 201,
      revalidations: async (agent: Agent, port: number) => (await get(agent, port, `/lists/${LIST_ID}/latest.json`, { 'if-none-match': latest.etag! })).status === 304,
      downloads: async (agent: Agent, port: number) => {
        const answer = await get(agent, port, `/lists/${LIST_ID}/v2.json`, {});
        return answer.status === 200 && answer.bytes === full.bytes;
      },
    };
    const measured = { one: {} as Record<keyof typeof sends, Rate>, two: {} as Record<keyof typeof sends, Rate> };
    for (const name of Object.keys(sends) as (keyof typeof sends)[]) {
      // Warm both processes up (JIT, connections) before anything counts.
      await closedLoop(ports, options.concurrency, Math.min(2000, options.phaseMs / 2), sends[name]);
      const one: Rate[] = [];
      const two: Rate[] = [];
      for (let round = 0; round < options.rounds; round++) {
        one.push(await closedLoop(ports.slice(0, 1), options.concurrency, options.phaseMs, sends[name]));
        two.push(await closedLoop(ports, options.concurrency, options.phaseMs, sends[name]));
      }
      measured.one[name] = mean(one);
      measured.two[name] = mean(two);
    }
    return { rows: [{ processes: 1, ...measured.one }, { processes: 2, ...measured.two }], listBytes: full.bytes };
  } finally {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      ),
    );
    await openDatabase({ kind: 'postgres', url, poolSize: 1 })
      .then(async (db) => {
        await db.query(`drop schema if exists "${schema}" cascade`);
        await db.close();
      })
      .catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchHubScale(options: ScaleOptions): Promise<ScaleResult> {
  const loadBefore = loadavg()[0]!;
  const url = benchDatabaseUrl();
  if (!url) return { error: NO_DATABASE_URL, rows: [], listBytes: 0, loadBefore, loadAfter: loadBefore };
  try {
    const { rows, listBytes } = await measure(url, options);
    return { rows, listBytes, loadBefore, loadAfter: loadavg()[0]! };
  } catch (error) {
    return { error: (error as Error).message, rows: [], listBytes: 0, loadBefore, loadAfter: loadavg()[0]! };
  }
}

const TARGET = 1.6;
const cell = (r: Rate) => `${r.perSecond.toFixed(0).padStart(7)}/s  p99 ${r.p99Ms.toFixed(1).padStart(6)} ms${r.failed ? ` (${r.failed} failed)` : ''}`;

export function printHubScale(result: ScaleResult, options: ScaleOptions): void {
  console.log(
    `\nHub scale-out: one process against two on one PostgreSQL (${options.concurrency} clients; ${options.rounds} rounds of ` +
      `${options.phaseMs / 1000} s a phase each, alternating; mean rate, worst p99; list of ${options.listEntries.toLocaleString('en')} entries, v2.json ${(result.listBytes / 1024).toFixed(0)} KB)`,
  );
  if (result.error) {
    console.log(`  not measured: ${result.error}`);
    return;
  }
  console.log(`  ${'processes'.padEnd(10)} ${'reports'.padEnd(28)} ${'304 revalidations'.padEnd(28)} full downloads`);
  for (const r of result.rows) console.log(`  ${String(r.processes).padEnd(10)} ${cell(r.reports).padEnd(28)} ${cell(r.revalidations).padEnd(28)} ${cell(r.downloads)}`);
  const [one, two] = result.rows;
  if (!one || !two) return;
  const ratios = {
    reports: two.reports.perSecond / one.reports.perSecond,
    revalidations: two.revalidations.perSecond / one.revalidations.perSecond,
    downloads: two.downloads.perSecond / one.downloads.perSecond,
  };
  console.log(`  ratio 2 : 1  reports ${ratios.reports.toFixed(2)}, 304s ${ratios.revalidations.toFixed(2)}, full downloads ${ratios.downloads.toFixed(2)}`);
  const verdict = Object.entries(ratios)
    .map(([name, ratio]) => `${name} ${ratio >= TARGET ? 'met' : 'NOT met'}`)
    .join(', ');
  console.log(`  target (two processes >= ${TARGET}x one): ${verdict}`);
  console.log(`  load average (1 min) before ${result.loadBefore.toFixed(1)}, after ${result.loadAfter.toFixed(1)}, on ${availableParallelism()} cores`);
}
