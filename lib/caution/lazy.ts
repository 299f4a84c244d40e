/**
 * A value made on first use, then kept. The background evaluates every module before it can answer
 * its first verdict (bench/wake.ts), so tables the caution verdict needs only when it judges a page
 * (compiled regular expressions, checked data) are made then, not at start.
 */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}
