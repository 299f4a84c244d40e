/**
 * The lists the in-browser benchmarks publish (apply.ts, apply-firefox.ts, wake.ts): an authority's
 * synthetic blocklist of `size` entries, then two 1,000-entry deltas (1,000 adds; 500 removes + 500
 * adds), and in the full run a version of 1,000,000 entries; and the domains kept throughout, for
 * the verdict watcher.
 */
import { publishFiles, type Entry, type List } from '../lib/lists';
import type { SecretKeyFile } from '../lib/signing';
import { random, syntheticDomains } from './synthetic';

export const BENCH_LIST = 'bench-authority-list';

function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

export function makeList(version: number, domains: readonly string[]): List {
  const now = Date.now();
  return {
    format: 1,
    id: BENCH_LIST,
    name: 'Benchmark list',
    publisher: { name: 'Benchmark authority', type: 'authority' },
    kind: 'block',
    version,
    issued: isoSeconds(now - 86_400_000),
    expires: isoSeconds(now + 365 * 86_400_000),
    entries: [...domains].sort().map((domain): Entry => ({ domain, category: 'illegal-pharmacy', added: '2026-11-01', evidence: { source: 'Benchmark authority' } })),
  };
}

export interface BenchVersions {
  readonly v1: readonly string[];
  readonly v2: readonly string[];
  readonly v3: readonly string[];
  /** Kept by every version: verdicts on these must stay "listed". */
  readonly kept: readonly string[];
  /** Domains v2 adds (blocked once it is in force) and v3 removes (loading once it is). */
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

export function benchVersions(size: number, changes: number): BenchVersions {
  const rnd = random(11);
  const all = syntheticDomains(size + 2 * changes, 21);
  const v1 = all.slice(0, size);
  const added = all.slice(size, size + changes);
  const v2 = [...v1, ...added];
  const removedSet = new Set<string>();
  while (removedSet.size < changes / 2) removedSet.add(v2[Math.floor(rnd() * size)]!);
  const v3 = [...v2.filter((d) => !removedSet.has(d)), ...all.slice(size + changes, size + changes + changes / 2)];
  return { v1, v2, v3, kept: v1.filter((d) => !removedSet.has(d)).slice(0, 50), added, removed: [...removedSet] };
}

/** A million entries that keep every domain of `base` (so its verdicts stay "listed"). */
export function millionFrom(base: readonly string[], total = 1_000_000): string[] {
  const keep = new Set(base);
  const out = [...base];
  for (const d of syntheticDomains(total + 50_000, 77)) {
    if (out.length >= total) break;
    if (!keep.has(d)) out.push(d);
  }
  return out;
}

/** Publishes versions to a server, each with deltas from the earlier ones; returns the files. */
export function publisher(server: { publish(files: ReadonlyMap<string, Uint8Array>): void }, key: SecretKeyFile) {
  const history: List[] = [];
  return async (list: List): Promise<Map<string, Uint8Array>> => {
    const files = await publishFiles({ list, history, key });
    server.publish(files);
    history.push(list);
    // Older versions are not needed for deltas any more than the publisher keeps (10), and a
    // million-entry list is large: keep only what the next delta needs.
    if (history.length > 2) history.splice(0, history.length - 2);
    return files;
  };
}

