/**
 * The matcher (DomainSet) against a plain Set<string> of host names, measured side by side in one
 * run. Two Set baselines:
 *  - "Set, same job": host and each parent domain (two labels or more), what a verdict needs;
 *  - "Set.has(host)": the exact host only, less work than a verdict needs (a lower bound).
 * Every round gets freshly copied query strings (as real lookups get freshly parsed hosts), and the
 * rounds alternate between the contenders so machine noise hits all alike. Memory is measured in a
 * child process per structure, after garbage collection.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DomainSet } from '../lib/lists/domain-set';
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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Bytes per entry retained by one structure, measured in a clean child process. */
function memoryPerEntry(kind: 'set' | 'domainset', count: number): number {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--memory', kind, String(count)], {
    encoding: 'utf8',
  });
  return Number(out.trim());
}

function measureMemoryInThisProcess(kind: string, count: number): void {
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const before = process.memoryUsage();
  let domains: string[] | null = syntheticDomains(count);
  // The Set gets its own copies, so the generator's strings are released like the DomainSet's input.
  const held: unknown = kind === 'set' ? new Set(freshCopies(domains)) : new DomainSet(domains);
  domains = null;
  gc();
  gc();
  const after = process.memoryUsage();
  const bytes = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  process.stdout.write(`${bytes / count}\n`);
  if (!held || domains) process.exit(1);
}

export interface MatcherResult {
  entries: number;
  rows: { name: string; lookupsPerSecond: number; bytesPerEntry: number | null }[];
}

export function benchMatcher(entries: number, queryCount = 500_000, rounds = 5): MatcherResult {
  const domains = syntheticDomains(entries);
  const queries = syntheticQueries(domains, queryCount);
  const set = new Set(domains);
  const domainSet = new DomainSet(domains);
  const contenders: Contender[] = [
    { name: 'DomainSet (host + parents)', lookup: (h) => domainSet.match(h) !== -1 },
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
  if (hits[0] !== hits[1]) throw new Error(`DomainSet found ${hits[0]} hits, the Set doing the same job ${hits[1]}`);
  const setBytes = memoryPerEntry('set', entries);
  const domainSetBytes = memoryPerEntry('domainset', entries);
  return {
    entries,
    rows: contenders.map((c, i) => ({
      name: c.name,
      lookupsPerSecond: median(speeds[i]!),
      bytesPerEntry: i === 0 ? domainSetBytes : setBytes,
    })),
  };
}

export function printMatcher(result: MatcherResult): void {
  const [ours, sameJob, exact] = result.rows as [MatcherResult['rows'][0], MatcherResult['rows'][0], MatcherResult['rows'][0]];
  console.log(`\nMatcher, ${result.entries.toLocaleString('en')} synthetic domains (median of rounds, fresh query strings)`);
  for (const row of result.rows) {
    console.log(`  ${row.name.padEnd(32)} ${(row.lookupsPerSecond / 1e6).toFixed(2).padStart(6)} M lookups/s   ${row.bytesPerEntry?.toFixed(1).padStart(6)} bytes/entry`);
  }
  console.log(`  ratio lookups/s  DomainSet : Set same job   = ${(ours.lookupsPerSecond / sameJob.lookupsPerSecond).toFixed(2)}  (target >= 1)`);
  console.log(`  ratio lookups/s  DomainSet : Set.has(host)  = ${(ours.lookupsPerSecond / exact.lookupsPerSecond).toFixed(2)}  (lower bound: does less work)`);
  console.log(`  ratio memory     DomainSet : Set            = ${(ours.bytesPerEntry! / sameJob.bytesPerEntry!).toFixed(2)}  (target <= 1)`);
}

if (process.argv[2] === '--memory') measureMemoryInThisProcess(process.argv[3]!, Number(process.argv[4]));
