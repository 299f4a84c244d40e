/**
 * Optimal string alignment distance (Damerau–Levenshtein where a transposed pair is not edited
 * again), cut off at `max`: one letter left out, doubled, swapped with its neighbour or replaced
 * each counts 1, which is what typosquats do (LOOKALIKE.md). The cut-off keeps it to a band of
 * the table, so comparing a label with a few hundred protected labels stays cheap.
 */

let rows: Int32Array[] = [new Int32Array(66), new Int32Array(66), new Int32Array(66)];

/** The distance between a and b if it is at most `max`, else `max + 1`. */
export function osaDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return Math.min(Math.max(n, m), max + 1);
  if (rows[0]!.length < m + 1) rows = [new Int32Array(m + 1), new Int32Array(m + 1), new Int32Array(m + 1)];
  let before = rows[0]!;
  let previous = rows[1]!;
  let current = rows[2]!;
  // Only the band |i - j| <= max can hold a value <= max; cells outside it count as max + 1.
  const outside = max + 1;
  for (let j = 0; j <= m; j++) previous[j] = j <= max ? j : outside;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    current[0] = i <= max ? i : outside;
    if (from > 1) current[from - 1] = outside;
    if (to < m) current[to + 1] = outside;
    let rowMin = current[0]!;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return Math.min(previous[m]!, max + 1);
}

/** How far a label may be from a protected label of this length to count as its typo. */
export function typoThreshold(protectedLength: number): number {
  if (protectedLength >= 9) return 2;
  if (protectedLength >= 5) return 1;
  return 0;
}

/**
 * A typo of `target` within `max` edits that keeps its first or its last letter: a name changed
 * at both ends no longer reads as the brand, and ordinary words one edit from a short brand
 * mostly differ there.
 */
export function isTypo(candidate: string, target: string, max: number): boolean {
  if (candidate === target || Math.abs(candidate.length - target.length) > max) return false;
  if (candidate[0] !== target[0] && candidate.at(-1) !== target.at(-1)) return false;
  return osaDistance(candidate, target, max) <= max;
}
