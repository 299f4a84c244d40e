/**
 * The list toolkit, measured as maintainers run it: `pharmacheck build` and `sign` (and `verify`)
 * of a large list, each a child process whose peak memory is read from /proc (VmHWM, the kernel's
 * high-water mark of its resident set). The process runs the compiled package (dist/, what `npm
 * install pharmacheck` gives; `npm run bench` builds it first), not the checkout's bin, which
 * compiles the TypeScript source through tsx at every start (its start-up is printed beside).
 * Each is set against a baseline done in this process on the same bytes, the least work that
 * produces or checks them:
 *  - build: read the input, split it into lines and JSON.stringify an entry per line;
 *  - sign and verify: read the file, JSON.parse it and SHA-512 it (Ed25519 hashes the bytes);
 *  - publish of version 2 over a published version 1 (1,000 entries changed: a delta from 1):
 *    the same for both versions' files, the least a publisher reads and hashes.
 * Command and baseline take turns, three rounds; the medians are printed, and each command's
 * highest peak.
 * Then the size of a published delta against the full list, for 1,000 changed entries.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { publishFiles, type Entry, type List } from '../lib/lists';
import { generateKey } from '../lib/signing';
import { median } from './stats';
import { syntheticDomains } from './synthetic';

/** The package's compiled toolkit (`npm run build:packages`), and the checkout's bin (tsx). */
const PACKAGE_BIN = fileURLToPath(new URL('../dist/toolkit/pharmacheck.js', import.meta.url));
const CHECKOUT_BIN = fileURLToPath(new URL('../bin/pharmacheck.mjs', import.meta.url));

interface Run {
  readonly seconds: number;
  readonly peakMb: number;
}

/**
 * One CLI command in a child process: wall time and peak resident memory. This process collects
 * its own garbage first (the baselines leave hundreds of megabytes), so that its collector's
 * threads do not share the two cores with the child.
 */
function cli(args: readonly string[], cwd: string, bin = PACKAGE_BIN): Promise<Run> {
  (globalThis as { gc?: () => void }).gc?.();
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let peakKb = 0;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const poll = setInterval(() => {
      try {
        const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
        if (kb) peakKb = Math.max(peakKb, Number(kb));
      } catch {
        // Gone between two polls: the last reading stands (a high-water mark only grows).
      }
    }, 20);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`pharmacheck ${args[0]} exited ${code}: ${stderr}`));
      else resolve({ seconds: (performance.now() - start) / 1000, peakMb: peakKb / 1024 });
    });
  });
}

/** Rounds of each command against its baseline (medians printed: the machines here are noisy). */
const ROUNDS = 3;

/** The run of median time, with the highest peak of all rounds (memory is not noisy; its worst case counts). */
function medianRun(runs: readonly Run[]): Run {
  const seconds = median(runs.map((r) => r.seconds));
  return { seconds, peakMb: Math.max(...runs.map((r) => r.peakMb)) };
}

/** The least a signature check of a list file does: read it, parse it, SHA-512 it. */
function readParseHash(path: string): void {
  const bytes = readFileSync(path);
  JSON.parse(bytes.toString('utf8'));
  createHash('sha512').update(bytes).digest();
}

function timed(work: () => void): number {
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  work();
  return (performance.now() - start) / 1000;
}

export interface ToolkitResult {
  readonly entries: number;
  readonly startup: Run;
  readonly checkoutStartup: Run;
  readonly rows: readonly { name: string; run: Run; baseline: string; baselineSeconds: number }[];
  readonly listBytes: number;
  readonly deltas: DeltaSize;
}

async function buildSignVerify(entries: number, dir: string): Promise<ToolkitResult> {
  const domains = syntheticDomains(entries);
  const input = join(dir, 'domains.txt');
  await writeFile(input, `${domains.join('\n')}\n`);
  const meta = ['--id', 'bench-list', '--name', 'Benchmark list', '--kind', 'block', '--publisher', 'Bench agency', '--publisher-type', 'authority'];
  if (!existsSync(PACKAGE_BIN)) throw new Error(`no compiled toolkit at ${PACKAGE_BIN}: run npm run build:packages`);
  const startup = await cli(['--help'], dir);
  const checkoutStartup = await cli(['--help'], dir, CHECKOUT_BIN);
  await cli(['keygen', 'bench'], dir);
  // Version 2: the last 1,000 domains replaced by others. Version 1 published first, then 2 over it.
  const known = new Set(domains);
  const fresh = syntheticDomains(1000, 99).filter((d) => !known.has(d));
  await writeFile(join(dir, 'domains-2.txt'), `${[...domains.slice(0, entries - fresh.length), ...fresh].join('\n')}\n`);
  await cli(['build', 'domains-2.txt', '--out', 'list-2.json', '--version', '2', '--reference', 'bench-case', ...meta], dir);

  // Each command and its baseline take turns, ROUNDS times; the medians are printed. The baselines
  // time everything their label names, the file's read included.
  const runs = { build: [] as Run[], sign: [] as Run[], verify: [] as Run[], publish: [] as Run[] };
  const baselines = { build: [] as number[], check: [] as number[], publish: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    runs.build.push(await cli(['build', 'domains.txt', '--out', 'list.json', '--version', '1', '--reference', 'bench-case', ...meta], dir));
    baselines.build.push(
      timed(() => {
        const lines = readFileSync(input, 'utf8').split('\n').filter((l) => l !== '');
        const body = lines.map((domain) => JSON.stringify({ domain, category: 'illegal-pharmacy', added: '2026-11-22', evidence: { source: 'Bench agency', reference: 'bench-case' } }));
        if (body.join(',\n').length === 0) throw new Error('empty');
      }),
    );
    runs.sign.push(await cli(['sign', 'list.json', '--key', 'bench.secret-key.json'], dir));
    baselines.check.push(timed(() => readParseHash(join(dir, 'list.json'))));
    runs.verify.push(await cli(['verify', 'list.json', '--key', 'bench.public-key.json'], dir));
    baselines.check.push(timed(() => readParseHash(join(dir, 'list.json'))));
    const out = `published-${round}`;
    await cli(['publish', 'list.json', '--key', 'bench.secret-key.json', '--out', out], dir);
    runs.publish.push(await cli(['publish', 'list-2.json', '--key', 'bench.secret-key.json', '--out', out], dir));
    baselines.publish.push(timed(() => ['list.json', 'list-2.json'].forEach((f) => readParseHash(join(dir, f)))));
    await rm(join(dir, out), { recursive: true, force: true });
  }
  const build = medianRun(runs.build);
  const sign = medianRun(runs.sign);
  const verify = medianRun(runs.verify);
  const publish = medianRun(runs.publish);
  const buildBaseline = median(baselines.build);
  const checkBaseline = median(baselines.check);
  const publishBaseline = median(baselines.publish);
  return {
    entries,
    startup,
    checkoutStartup,
    rows: [
      { name: 'build', run: build, baseline: 'read + split + JSON.stringify entries', baselineSeconds: buildBaseline },
      { name: 'sign', run: sign, baseline: 'read + JSON.parse + SHA-512', baselineSeconds: checkBaseline },
      { name: 'verify', run: verify, baseline: 'read + JSON.parse + SHA-512', baselineSeconds: checkBaseline },
      { name: 'publish', run: publish, baseline: 'the same for versions 1 and 2', baselineSeconds: publishBaseline },
    ],
    listBytes: (await stat(join(dir, 'list.json'))).size,
    deltas: { listEntries: 0, cases: [] },
  };
}

interface DeltaSize {
  readonly listEntries: number;
  readonly cases: readonly { name: string; deltaBytes: number; listBytes: number; deltaGzip: number; listGzip: number }[];
}

const entryOf = (domain: string): Entry => ({ domain, category: 'illegal-pharmacy', added: '2026-11-22', evidence: { source: 'Bench agency', reference: 'bench-case' } });

/** The delta publishFiles (what `pharmacheck publish` writes) makes for 1,000 changed entries. */
export async function deltaSizes(listEntries: number): Promise<DeltaSize> {
  const key = await generateKey();
  const pool = syntheticDomains(listEntries + 1000, 7);
  const base = pool.slice(0, listEntries).map(entryOf);
  const fresh = pool.slice(listEntries).map(entryOf);
  const meta = { format: 1, id: 'bench-list', name: 'Benchmark list', publisher: { name: 'Bench agency', type: 'authority' }, kind: 'block', issued: '2026-11-22T00:00:00Z', expires: '2099-01-01T00:00:00Z' } as const;
  const v1: List = { ...meta, version: 1, entries: base };
  const cases: [string, Entry[]][] = [
    ['1,000 added', [...base, ...fresh]],
    ['1,000 removed', base.slice(1000)],
    ['500 removed + 500 added', [...base.slice(500), ...fresh.slice(0, 500)]],
  ];
  const out = [];
  for (const [name, entries] of cases) {
    const files = await publishFiles({ list: { ...meta, version: 2, entries }, history: [v1], key });
    const delta = files.get('bench-list/delta-1-2.json')!;
    const full = files.get('bench-list/v2.json')!;
    out.push({ name, deltaBytes: delta.byteLength, listBytes: full.byteLength, deltaGzip: gzipSync(delta).byteLength, listGzip: gzipSync(full).byteLength });
  }
  return { listEntries, cases: out };
}

export async function benchToolkit(entries: number, deltaListEntries = 100_000): Promise<ToolkitResult> {
  const dir = await mkdtemp(join(tmpdir(), 'pharmacheck-bench-'));
  try {
    const result = await buildSignVerify(entries, dir);
    return { ...result, deltas: await deltaSizes(deltaListEntries) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Issue 12's targets at 1,000,000 entries (publish has none). */
const TARGETS: Readonly<Record<string, { ratio: number; peakMb?: number }>> = { build: { ratio: 2, peakMb: 600 }, sign: { ratio: 1.5 }, verify: { ratio: 1.5 } };

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export function printToolkit(result: ToolkitResult): void {
  console.log(`\nToolkit, ${result.entries.toLocaleString('en')}-entry list (${mb(result.listBytes)}): the compiled CLI as a child process; baseline in this process on the same bytes`);
  for (const row of result.rows) {
    const ratio = row.run.seconds / row.baselineSeconds;
    // The targets are set at a million entries; at fewer (--quick) the process's start dominates.
    const target = result.entries === 1_000_000 ? TARGETS[row.name] : undefined;
    const verdict = target ? `   (target ≤${target.ratio}×${target.peakMb ? `, ≤${target.peakMb} MB` : ''}: ${ratio <= target.ratio && (!target.peakMb || row.run.peakMb <= target.peakMb) ? 'met' : 'not met'})` : '';
    console.log(
      `  ${row.name.padEnd(7)} ${row.run.seconds.toFixed(1).padStart(6)} s   peak ${row.run.peakMb.toFixed(0).padStart(5)} MB   ` +
        `baseline (${row.baseline}) ${row.baselineSeconds.toFixed(2)} s   ratio ${ratio.toFixed(2)}${verdict}`,
    );
  }
  console.log(`  CLI start-up alone (--help): ${result.startup.seconds.toFixed(2)} s, peak ${result.startup.peakMb.toFixed(0)} MB; the checkout's bin (TypeScript through tsx): ${result.checkoutStartup.seconds.toFixed(2)} s`);
  console.log(`\nPublished delta for 1,000 changed entries of a ${result.deltas.listEntries.toLocaleString('en')}-entry list (target < 2% of the full list)`);
  for (const c of result.deltas.cases) {
    console.log(
      `  ${c.name.padEnd(24)} delta ${(c.deltaBytes / 1000).toFixed(1).padStart(6)} KB = ${((100 * c.deltaBytes) / c.listBytes).toFixed(2)}% of ${mb(c.listBytes)}` +
        `   gzip: ${((100 * c.deltaGzip) / c.listGzip).toFixed(2)}% (${(c.deltaGzip / 1000).toFixed(1)} KB of ${mb(c.listGzip)})`,
    );
  }
}
