/** Deterministic synthetic domains and queries shaped like the real lists (see HEURISTICS.md). */

export function random(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const WORDS = ['pharm', 'rx', 'meds', 'cheap', 'pill', 'online', 'best', 'canad', 'shop', 'store', '24', 'generic', 'buy', 'drug', 'apotheke'];
const SUFFIXES = ['com', 'com', 'com', 'ru', 'ru', 'su', 'net', 'org', 'co.uk', 'info', 'de', 'fr'];

export function syntheticDomains(count: number, seed = 1): string[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out = new Set<string>();
  while (out.size < count) out.add(`${pick(WORDS)}${Math.floor(rnd() * 36 ** 5).toString(36)}${pick(WORDS)}.${pick(SUFFIXES)}`);
  return [...out];
}

/** A quarter listed hosts, a quarter subdomains of listed hosts, half unlisted hosts. */
export function syntheticQueries(domains: readonly string[], count: number, seed = 2): string[] {
  const rnd = random(seed);
  const fresh = syntheticDomains(count, seed + 1000);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = rnd();
    const listed = domains[Math.floor(rnd() * domains.length)]!;
    out.push(r < 0.25 ? listed : r < 0.5 ? `www.${listed}` : fresh[i]!);
  }
  return out;
}

/** Copies strings so V8 has not cached their hashes: a real lookup gets a freshly parsed host. */
export function freshCopies(strings: readonly string[]): string[] {
  return strings.map((s) => Buffer.from(s, 'latin1').toString('latin1'));
}
