import { describe, expect, it } from 'vitest';
import { isTypo, osaDistance, typoThreshold } from '../../../../lib/caution/name/distance';

/** Plain optimal string alignment distance over the whole table, to compare with. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('osaDistance', () => {
  it.each([
    ['pfizer', 'pfizer', 0],
    ['pfzer', 'pfizer', 1], // a letter left out
    ['pfiizer', 'pfizer', 1], // doubled
    ['pifzre', 'pfizer', 2], // two pairs of neighbours swapped
    ['pifzer', 'pfizer', 1], // neighbours swapped
    ['pfixer', 'pfizer', 1], // replaced
    ['', 'abc', 3],
  ])('counts %s → %s as %i', (a, b, expected) => {
    expect(osaDistance(a, b, 3)).toBe(expected);
  });

  it('stops at max + 1', () => {
    expect(osaDistance('walgreens', 'novartis', 2)).toBe(3);
    expect(osaDistance('a', 'abcdef', 1)).toBe(2);
  });

  it('agrees with the full table on 20,000 seeded random pairs', () => {
    let state = 7;
    const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const word = () => Array.from({ length: Math.floor(next() * 10) }, () => 'abc'[Math.floor(next() * 3)]).join('');
    const wrong: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      const [a, b, max] = [word(), word(), Math.floor(next() * 3)];
      if (osaDistance(a, b, max) !== Math.min(reference(a, b), max + 1)) wrong.push(`${a} ${b} ${max}`);
    }
    expect(wrong).toEqual([]);
  });

  it('takes strings longer than its buffers', () => {
    expect(osaDistance('a'.repeat(200), `${'a'.repeat(199)}b`, 2)).toBe(1);
  });
});

describe('typoThreshold', () => {
  it('allows one edit from 5 to 8 letters, two from 9, none below 5', () => {
    expect([3, 4, 5, 8, 9, 20].map(typoThreshold)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('isTypo', () => {
  it('wants the first or the last letter kept', () => {
    expect(isTypo('fizer', 'pfizer', 1)).toBe(true); // last kept
    expect(isTypo('pfize', 'pfizer', 1)).toBe(true); // first kept
    expect(isTypo('xfizey', 'pfizer', 2)).toBe(false); // both ends changed
  });

  it('is never the label itself', () => {
    expect(isTypo('pfizer', 'pfizer', 1)).toBe(false);
  });
});
