/**
 * The matcher the background keeps per stored list: sorted 64-bit fingerprints of the list's
 * domains, about 8.6 bytes an entry, restored from one binary snapshot when the service worker
 * wakes (see ../../docs/architecture.md, "The index").
 *
 * How it works: every domain is hashed from its last character to its first by two 32-bit streams
 * (FNV-1a, and a second multiply-xor stream with other constants), each finished by a 32-bit mixer.
 * Hashing a host the same way visits each of its suffixes on the way: when the pass reaches the
 * start of a label, the state is exactly that of the suffix (`example`, then `rogue.example`, then
 * `shop.rogue.example`), so one pass yields the fingerprint of every candidate parent domain with no
 * substring and no public-suffix lookup. (Entries are never public suffixes, so probing `co.uk` is
 * harmless; the last label alone is never probed, an entry has two labels or more.)
 *
 * The fingerprints sit sorted in two Uint32Arrays (`hi`, `lo`), and a bucket table on the top bits
 * of `hi` narrows a lookup to about 8 of them, searched by halving. A lookup says "fingerprint
 * present", which is what the badge needs; two distinct domains share a fingerprint with odds of
 * about n/2^64, so anything a person is told ("listed", which list, why) is confirmed against the
 * stored domain first (list-index.ts, `confirmHits`). Equal fingerprints are allowed and kept side
 * by side, so a collision costs a confirmation, never a wrong answer.
 *
 * The domains themselves are not held: position i of the sorted arrays is entry i of the list as
 * stored (store.ts stores entries in fingerprint order), so details come from IndexedDB by position.
 * A second, small sorted set holds the fingerprints of entries' parent names (two labels or more),
 * so the overlay (overlay-rules) can tell cheaply whether a domain has listed subdomains.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const B_OFFSET = 0x9747b28c;
const B_PRIME = 0x5bd1e995;
const DOT = 0x2e;
const MAGIC = 0x50484631; // "PHF1"
const HEADER_WORDS = 4;

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A 64-bit fingerprint as two unsigned 32-bit halves. */
export type Fingerprint = readonly [hi: number, lo: number];

let lastLo = 0;

/** The hi half of a name's fingerprint; the lo half is left in `lastLo` (no tuple on hot paths). */
function hashName(name: string): number {
  let a = FNV_OFFSET;
  let b = B_OFFSET;
  for (let i = name.length - 1; i >= 0; i--) {
    const code = name.charCodeAt(i);
    a = Math.imul(a ^ code, FNV_PRIME);
    b = Math.imul(b ^ code, B_PRIME);
    b ^= b >>> 15;
  }
  lastLo = mix(b ^ name.length);
  return mix(a);
}

/** The fingerprint of a whole name, as a lookup computes it for that suffix of a host. */
export function fingerprintOf(name: string): Fingerprint {
  const hi = hashName(name);
  return [hi, lastLo];
}

/**
 * Tests replace the fingerprint to force collisions (a production build never does): the lookup
 * then takes the slow path, slicing each suffix and calling it.
 */
export type FingerprintFunction = (name: string) => Fingerprint;

/** Sorted (hi, lo) pairs, searched by halving, with an optional bucket table on the top bits of hi. */
class SortedPairs {
  constructor(
    readonly hi: Uint32Array,
    readonly lo: Uint32Array,
    readonly buckets: Uint32Array | null,
    readonly shift: number,
  ) {}

  get size(): number {
    return this.hi.length;
  }

  /** First position holding the fingerprint, or -1. */
  find(hi: number, lo: number): number {
    let low = 0;
    let high = this.hi.length;
    if (this.buckets) {
      const bucket = hi >>> this.shift;
      low = this.buckets[bucket]!;
      high = this.buckets[bucket + 1]!;
    }
    while (low < high) {
      const mid = (low + high) >>> 1;
      const h = this.hi[mid]!;
      if (h < hi || (h === hi && this.lo[mid]! < lo)) low = mid + 1;
      else high = mid;
    }
    return low < this.hi.length && this.hi[low] === hi && this.lo[low] === lo ? low : -1;
  }

  /** How many positions from `at` on hold the same fingerprint (1 unless there is a collision). */
  runLength(at: number): number {
    let end = at + 1;
    while (end < this.hi.length && this.hi[end] === this.hi[at] && this.lo[end] === this.lo[at]) end++;
    return end - at;
  }
}

function bucketBits(n: number): number {
  let bits = 4;
  while (bits < 22 && 2 ** bits * 8 < n) bits++;
  return bits;
}

function bucketTable(hi: Uint32Array, bits: number): Uint32Array {
  const count = 2 ** bits;
  const shift = 32 - bits;
  const table = new Uint32Array(count + 1);
  let at = 0;
  for (let bucket = 0; bucket <= count; bucket++) {
    while (at < hi.length && hi[at]! >>> shift < bucket) at++;
    table[bucket] = at;
  }
  return table;
}

/** Sorts fingerprints given in input order; returns the sorted halves and which input went where. */
function sortPairs(hiIn: Uint32Array, loIn: Uint32Array): { hi: Uint32Array; lo: Uint32Array; order: Uint32Array } {
  const n = hiIn.length;
  // One native numeric sort of 64-bit keys (hi, then the input index) beats any comparator, and
  // yields the order directly; equal hi halves (about n^2/2^33 pairs) are then put right by lo.
  const keys = new BigUint64Array(n);
  const words = new Uint32Array(keys.buffer);
  for (let i = 0; i < n; i++) {
    words[2 * i] = i;
    words[2 * i + 1] = hiIn[i]!;
  }
  keys.sort();
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const i = words[2 * k]!;
    order[k] = i;
    hi[k] = words[2 * k + 1]!;
    lo[k] = loIn[i]!;
  }
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && hi[end] === hi[start]) end++;
    if (end - start > 1) {
      const run = Array.from(order.subarray(start, end)).sort((a, b) => loIn[a]! - loIn[b]! || a - b);
      run.forEach((i, j) => {
        order[start + j] = i;
        lo[start + j] = loIn[i]!;
      });
    }
    start = end;
  }
  return { hi, lo, order };
}

/** Above this many names with one hash, a run is searched with a Map rather than pair by pair. */
const SMALL_RUN = 16;

/**
 * Calls `found` with every position whose name repeats an earlier one (any order): what one pass
 * with a Set finds, from one native sort of 32-bit hashes instead (a Set of a million strings
 * hashes each of them and re-hashes them as it grows: about 0.7 s, against about 0.15 s here).
 * Names that share a hash sit side by side and are compared as strings, so a hash collision is
 * never taken for a repeat; a long run of shared hashes (names crafted to collide) is searched
 * with a Map, so it costs no more than the Set would.
 */
function eachRepeat(names: readonly string[], found: (at: number) => void, hash: (name: string) => number): void {
  const n = names.length;
  const keys = new BigUint64Array(n);
  const words = new Uint32Array(keys.buffer);
  for (let i = 0; i < n; i++) {
    words[2 * i] = i;
    words[2 * i + 1] = hash(names[i]!) >>> 0;
  }
  // Sorted by hash, then by position (the low word).
  keys.sort();
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && words[2 * end + 1] === words[2 * start + 1]) end++;
    if (end - start > SMALL_RUN) {
      const seen = new Set<string>();
      for (let k = start; k < end; k++) {
        const at = words[2 * k]!;
        if (seen.has(names[at]!)) found(at);
        else seen.add(names[at]!);
      }
    } else {
      for (let k = start + 1; k < end; k++) {
        const at = words[2 * k]!;
        for (let j = start; j < k; j++) {
          if (names[words[2 * j]!] === names[at]) {
            found(at);
            break;
          }
        }
      }
    }
    start = end;
  }
}

/** The position of the first domain that repeats an earlier one (the second occurrence that comes first in `domains`), or -1. */
export function firstRepeat(domains: readonly string[], hash: (name: string) => number = hashName): number {
  let first = -1;
  eachRepeat(domains, (at) => {
    if (first === -1 || at < first) first = at;
  }, hash);
  return first;
}

/** Which positions repeat an earlier name (1) and which are a name's first (0): a Set's `has` before each `add`, in one sort. */
export function repeatedPositions(names: readonly string[], hash: (name: string) => number = hashName): Uint8Array {
  const repeated = new Uint8Array(names.length);
  eachRepeat(names, (at) => (repeated[at] = 1), hash);
  return repeated;
}

/** Grows as parent names are found (most entries have none: `rogue.example` has only `example`). */
class PairList {
  hi = new Uint32Array(64);
  lo = new Uint32Array(64);
  length = 0;

  push(hi: number, lo: number): void {
    if (this.length === this.hi.length) {
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.hi = grow(this.hi);
      this.lo = grow(this.lo);
    }
    this.hi[this.length] = hi;
    this.lo[this.length++] = lo;
  }
}

/** Fingerprints of a domain and of its proper parents of two labels or more, in one pass. */
function hashWithParents(name: string, parents: PairList): number {
  let a = FNV_OFFSET;
  let b = B_OFFSET;
  let dots = 0;
  for (let i = name.length - 1; i >= 0; i--) {
    const code = name.charCodeAt(i);
    if (code === DOT && dots++ > 0) parents.push(mix(a), mix(b ^ (name.length - i - 1)));
    a = Math.imul(a ^ code, FNV_PRIME);
    b = Math.imul(b ^ code, B_PRIME);
    b ^= b >>> 15;
  }
  lastLo = mix(b ^ name.length);
  return mix(a);
}

function parentsOf(name: string, fingerprint: FingerprintFunction, parents: PairList): void {
  let dots = 0;
  for (let i = name.length - 1; i >= 0; i--) {
    if (name.charCodeAt(i) !== DOT || dots++ === 0) continue;
    const [h, l] = fingerprint(name.slice(i + 1));
    parents.push(h, l);
  }
}

/** The parents' fingerprints, sorted, each once. */
function uniquePairs(list: PairList): SortedPairs {
  const sorted = sortPairs(list.hi.subarray(0, list.length), list.lo.subarray(0, list.length));
  let kept = 0;
  for (let i = 0; i < sorted.hi.length; i++) {
    if (kept > 0 && sorted.hi[kept - 1] === sorted.hi[i] && sorted.lo[kept - 1] === sorted.lo[i]) continue;
    sorted.hi[kept] = sorted.hi[i]!;
    sorted.lo[kept] = sorted.lo[i]!;
    kept++;
  }
  return new SortedPairs(sorted.hi.slice(0, kept), sorted.lo.slice(0, kept), null, 0);
}

/** A suffix of a host whose fingerprint the set holds: where it starts, and its sorted positions. */
export interface Candidate {
  /** The suffix starts at host[from]. */
  readonly from: number;
  readonly position: number;
  /** Positions position..position+count-1 hold this fingerprint (more than one only on a collision). */
  readonly count: number;
}

const NONE: readonly Candidate[] = Object.freeze([]);

export class FingerprintSet {
  private constructor(
    private readonly entries: SortedPairs,
    private readonly parents: SortedPairs,
    private readonly buffer: ArrayBuffer,
    private readonly fingerprint: FingerprintFunction | null,
  ) {}

  /**
   * Builds the set from canonical domains in any order. `order[i]` is the input index of sorted
   * position i, or null when the input was already in fingerprint order.
   */
  static build(domains: readonly string[], fingerprint: FingerprintFunction | null = null): { set: FingerprintSet; order: Uint32Array | null } {
    const n = domains.length;
    const hiIn = new Uint32Array(n);
    const loIn = new Uint32Array(n);
    const parents = new PairList();
    for (let i = 0; i < n; i++) {
      if (fingerprint) {
        [hiIn[i], loIn[i]] = fingerprint(domains[i]!);
        parentsOf(domains[i]!, fingerprint, parents);
      } else {
        hiIn[i] = hashWithParents(domains[i]!, parents);
        loIn[i] = lastLo;
      }
    }
    const { hi, lo, order } = sortPairs(hiIn, loIn);
    // Equal fingerprints sit side by side: a repeated domain shows up there, and only there.
    for (let k = 1, start = 0; k < n; k++) {
      if (hi[k] !== hi[k - 1] || lo[k] !== lo[k - 1]) start = k;
      else for (let j = start; j < k; j++) if (domains[order[j]!] === domains[order[k]!]) throw new RangeError(`duplicate domain: ${domains[order[k]!]}`);
    }
    let identity = true;
    for (let i = 0; i < n && identity; i++) identity = order[i] === i;
    const set = FingerprintSet.fromParts(hi, lo, uniquePairs(parents), fingerprint);
    return { set, order: identity ? null : order };
  }

  private static fromParts(hi: Uint32Array, lo: Uint32Array, parents: SortedPairs, fingerprint: FingerprintFunction | null): FingerprintSet {
    const bits = bucketBits(hi.length);
    const words = HEADER_WORDS + 2 * hi.length + 2 ** bits + 1 + 2 * parents.size;
    const buffer = new ArrayBuffer(words * 4);
    const all = new Uint32Array(buffer);
    all.set([MAGIC, hi.length, bits, parents.size]);
    let at = HEADER_WORDS;
    const put = (part: Uint32Array) => {
      all.set(part, at);
      const view = all.subarray(at, at + part.length);
      at += part.length;
      return view;
    };
    const hiView = put(hi);
    const loView = put(lo);
    const buckets = put(bucketTable(hi, bits));
    const parentHi = put(parents.hi);
    const parentLo = put(parents.lo);
    return new FingerprintSet(new SortedPairs(hiView, loView, buckets, 32 - bits), new SortedPairs(parentHi, parentLo, null, 0), buffer, fingerprint);
  }

  /** The set as one buffer (what IndexedDB stores); `restore` takes it back without copying. */
  snapshot(): ArrayBuffer {
    return this.buffer;
  }

  /** Throws on a buffer that is not a snapshot (a damaged or foreign row). */
  static restore(buffer: ArrayBuffer, fingerprint: FingerprintFunction | null = null): FingerprintSet {
    const all = new Uint32Array(buffer);
    const [magic, n, bits, parents] = all;
    if (magic !== MAGIC || n === undefined || bits === undefined || parents === undefined || bits > 22) throw new RangeError('not a fingerprint snapshot');
    if (all.length !== HEADER_WORDS + 2 * n + 2 ** bits + 1 + 2 * parents) throw new RangeError('truncated fingerprint snapshot');
    let at = HEADER_WORDS;
    const take = (length: number) => all.subarray(at, (at += length));
    const hi = take(n);
    const lo = take(n);
    const buckets = take(2 ** bits + 1);
    const parentHi = take(parents);
    const parentLo = take(parents);
    return new FingerprintSet(new SortedPairs(hi, lo, buckets, 32 - bits), new SortedPairs(parentHi, parentLo, null, 0), buffer, fingerprint);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes this set holds (the snapshot buffer: fingerprints, buckets and parent fingerprints). */
  get byteLength(): number {
    return this.buffer.byteLength;
  }

  /** First sorted position of the exact name's fingerprint, or -1 (for IP addresses, and checks). */
  indexOf(name: string): number {
    const [h, l] = (this.fingerprint ?? fingerprintOf)(name);
    return this.entries.find(h, l);
  }

  /** Whether some entry may have this name as a parent (a listed subdomain), by fingerprint. */
  mayHaveSubdomains(name: string): boolean {
    const [h, l] = (this.fingerprint ?? fingerprintOf)(name);
    return this.parents.find(h, l) !== -1;
  }

  /** How many sorted positions from `position` on share its fingerprint. */
  runLength(position: number): number {
    return this.entries.runLength(position);
  }

  /**
   * The sorted position of the most specific suffix of the host (two labels or more) whose
   * fingerprint is in the set, or -1. No allocation: this is the badge's and the benchmark's path.
   */
  match(host: string): number {
    if (this.fingerprint) return this.candidates(host)[0]?.position ?? -1;
    let a = FNV_OFFSET;
    let b = B_OFFSET;
    let found = -1;
    let labels = 0;
    const entries = this.entries;
    for (let i = host.length - 1; i >= 0; i--) {
      const code = host.charCodeAt(i);
      if (code === DOT && labels++ > 0) {
        const at = entries.find(mix(a), mix(b ^ (host.length - i - 1)));
        if (at !== -1) found = at;
      }
      a = Math.imul(a ^ code, FNV_PRIME);
      b = Math.imul(b ^ code, B_PRIME);
      b ^= b >>> 15;
    }
    const at = entries.find(mix(a), mix(b ^ host.length));
    return at !== -1 ? at : found;
  }

  /** Every suffix of the host (two labels or more) whose fingerprint is in the set, most specific first. */
  candidates(host: string): readonly Candidate[] {
    let out: Candidate[] | null = null;
    const add = (from: number, position: number) => {
      if (position === -1) return;
      (out ??= []).push({ from, position, count: this.entries.runLength(position) });
    };
    if (this.fingerprint) {
      for (let from = 0; from !== -1 && host.indexOf('.', from) !== -1; from = host.indexOf('.', from) + 1 || -1) {
        add(from, this.indexOf(host.slice(from)));
      }
      return out ?? NONE;
    }
    let a = FNV_OFFSET;
    let b = B_OFFSET;
    let labels = 0;
    const found: Candidate[] = [];
    for (let i = host.length - 1; i >= 0; i--) {
      const code = host.charCodeAt(i);
      if (code === DOT && labels++ > 0) {
        const at = this.entries.find(mix(a), mix(b ^ (host.length - i - 1)));
        if (at !== -1) found.push({ from: i + 1, position: at, count: this.entries.runLength(at) });
      }
      a = Math.imul(a ^ code, FNV_PRIME);
      b = Math.imul(b ^ code, B_PRIME);
      b ^= b >>> 15;
    }
    add(0, this.entries.find(mix(a), mix(b ^ host.length)));
    for (let i = found.length - 1; i >= 0; i--) (out ??= []).push(found[i]!);
    return out ?? NONE;
  }
}
