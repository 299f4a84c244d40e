/**
 * The matcher (FingerprintSet: sorted 64-bit fingerprints, lib/lists/fingerprint-set.ts) against a
 * plain Set<string> of host names, measured side by side in one run. Two Set baselines:
 *  - "Set, same job": host and each parent domain (two labels or more), what a verdict needs;
 *  - "Set.has(host)": the exact host only, less work than a verdict needs (a lower bound).
 * Every round gets freshly copied query strings (as real lookups get freshly parsed hosts), and the
 * rounds alternate between the contenders so machine noise hits all alike. Memory is measured in a
 * child process per structure, after garbage collection.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FingerprintSet } from '../lib/lists/fingerprint-set';
import { median } from './stats';
import { freshCopies, syntheticDomains, syntheticQueries } from './synthetic';

type Contender = { name: string; lookup: (host: string) => boolean };

function setSameJob(set: Set<string>): (host: string) => boolean {
  return (host) => {
    if (set.has(host)) return true;
    for (let dot = host.indexOf('.'); dot !== -1 && host.indexOf('.', dot + 1) !== -1; dot = host.indexOf('.', dot + 1)) {
      if (set.has(host.slice(dot + 1))) return true;
    }
    return false;
  };
}

function timeRound(lookup: (h: string) => boolean, queries: readonly string[]): { perSecond: number; hits: number } {
  let hits = 0;
  const start = process.hrtime.bigint();
  for (const q of queries) if (lookup(q)) hits++;
  const ns = Number(process.hrtime.bigint() - start);
  return { perSecond: (queries.length / ns) * 1e9, hits };
}

/**
 * Bytes per entry one structure retains: the growth of a clean child process's heap and ArrayBuffer
 * memory while it holds the structure, over enough copies (of different domains) to make a million
 * entries, because a process's heap moves by a few hundred KB between two measurements whatever it
 * holds (measured here: ±250 KB), which would be 2.5 bytes an entry at 100,000.
 */
function memoryPerEntry(kind: 'set' | 'fingerprints', count: number): number {
  const copies = Math.max(1, Math.round(1_000_000 / count));
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--memory', kind, String(count), String(copies)], {
    encoding: 'utf8',
  });
  return Number(out.trim()) / (count * copies);
}

async function settle(): Promise<void> {
  // V8 frees the memory of collected ArrayBuffers a moment after the collection.
  for (let i = 0; i < 3; i++) {
    (globalThis as { gc?: () => void }).gc!();
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function measureMemoryInThisProcess(kind: string, count: number, copies: number): Promise<void> {
  // The Set gets its own copies, so the generator's strings are released like the matcher's input.
  // The fingerprint set is restored from its snapshot, as a waking worker holds it.
  const make = (domains: string[]): unknown => (kind === 'set' ? new Set(freshCopies(domains)) : FingerprintSet.restore(structuredClone(FingerprintSet.build(domains).set.snapshot())));
  // Once on a few domains first, so that loading and compiling the code is not counted as data.
  if (!make(syntheticDomains(1000, 99))) process.exit(1);
  await settle();
  const before = process.memoryUsage();
  const held: unknown[] = [];
  for (let copy = 0; copy < copies; copy++) held.push(make(syntheticDomains(count, 1 + copy)));
  await settle();
  const after = process.memoryUsage();
  process.stdout.write(`${after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers)}\n`);
  if (held.length !== copies) process.exit(1);
}

export interface MatcherResult {
  entries: number;
  rows: { name: string; lookupsPerSecond: number; bytesPerEntry: number }[];
  /** The fingerprint set's own bytes (its snapshot), per entry. */
  structureBytes: number;
}

export function benchMatcher(entries: number, queryCount = 500_000, rounds = 5): MatcherResult {
  const domains = syntheticDomains(entries);
  const queries = syntheticQueries(domains, queryCount);
  const set = new Set(domains);
  const fingerprints = FingerprintSet.build(domains).set;
  const contenders: Contender[] = [
    { name: 'FingerprintSet (host + parents)', lookup: (h) => fingerprints.match(h) !== -1 },
    { name: 'Set, same job (host + parents)', lookup: setSameJob(set) },
    { name: 'Set.has(host) only', lookup: (h) => set.has(h) },
  ];
  const speeds = contenders.map(() => [] as number[]);
  const hits = contenders.map(() => 0);
  for (let round = 0; round < rounds; round++) {
    contenders.forEach((c, i) => {
      const r = timeRound(c.lookup, freshCopies(queries));
      speeds[i]!.push(r.perSecond);
      hits[i] = r.hits;
    });
  }
  // 64-bit fingerprints: a false hit among these queries has odds of about 10^-8; it would show here.
  if (hits[0] !== hits[1]) throw new Error(`FingerprintSet found ${hits[0]} hits, the Set doing the same job ${hits[1]}`);
  const setBytes = memoryPerEntry('set', entries);
  const fingerprintBytes = memoryPerEntry('fingerprints', entries);
  return {
    entries,
    structureBytes: fingerprints.byteLength / entries,
    rows: contenders.map((c, i) => ({
      name: c.name,
      lookupsPerSecond: median(speeds[i]!),
      bytesPerEntry: i === 0 ? fingerprintBytes : setBytes,
    })),
  };
}

export function printMatcher(result: MatcherResult): void {
  const [ours, sameJob, exact] = result.rows as [MatcherResult['rows'][0], MatcherResult['rows'][0], MatcherResult['rows'][0]];
  console.log(`\nMatcher, ${result.entries.toLocaleString('en')} synthetic domains (median of rounds, fresh query strings)`);
  for (const row of result.rows) {
    console.log(`  ${row.name.padEnd(32)} ${(row.lookupsPerSecond / 1e6).toFixed(2).padStart(6)} M lookups/s   ${row.bytesPerEntry.toFixed(1).padStart(6)} bytes/entry`);
  }
  const speed = ours.lookupsPerSecond / sameJob.lookupsPerSecond;
  console.log(`  ratio lookups/s  FingerprintSet : Set same job   = ${speed.toFixed(2)}  (target >= 1.5: ${speed >= 1.5 ? 'met' : 'not met'})`);
  console.log(`  ratio lookups/s  FingerprintSet : Set.has(host)  = ${(ours.lookupsPerSecond / exact.lookupsPerSecond).toFixed(2)}  (lower bound: does less work)`);
  console.log(`  memory           FingerprintSet ${ours.bytesPerEntry.toFixed(1)} bytes/entry resident (target <= 10: ${ours.bytesPerEntry <= 10 ? 'met' : 'not met'}; its snapshot ${result.structureBytes.toFixed(2)}), ratio to Set ${(ours.bytesPerEntry / sameJob.bytesPerEntry).toFixed(2)}`);
}

if (process.argv[2] === '--memory') await measureMemoryInThisProcess(process.argv[3]!, Number(process.argv[4]), Number(process.argv[5]));
