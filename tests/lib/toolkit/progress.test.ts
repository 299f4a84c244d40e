import { describe, expect, it, vi } from 'vitest';
import { progressBar } from '../../../lib/toolkit';

function terminal(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (t: string) => writes.push(t) }, writes };
}

describe('the progress bar', () => {
  it('draws nothing when stderr is not a terminal (logs and pipes stay clean)', () => {
    const { stream, writes } = terminal(false);
    const bar = progressBar(stream);
    bar.start('checking entries', 100);
    bar.update(50);
    bar.done();
    expect(writes).toEqual([]);
  });

  it('draws a bar with the share done, at most ten times a second, and the end', () => {
    const { stream, writes } = terminal(true);
    let now = 0;
    const bar = progressBar(stream, { now: () => now, tickMs: 0 });
    bar.start('checking entries', 1_000_000);
    expect(writes.at(-1)).toBe(`\r\x1b[Kchecking entries [${'-'.repeat(30)}]   0% 0/1,000,000`);
    now = 50;
    bar.update(100_000);
    expect(writes).toHaveLength(1);
    now = 120;
    bar.update(500_000);
    expect(writes.at(-1)).toBe(`\r\x1b[Kchecking entries [${'#'.repeat(15)}${'-'.repeat(15)}]  50% 500,000/1,000,000`);
    now = 130;
    bar.update(1_000_000);
    expect(writes.at(-1)).toContain('[' + '#'.repeat(30) + '] 100% 1,000,000/1,000,000');
  });

  it('shows the time spent on work of unknown length, and clears its line when done', () => {
    const { stream, writes } = terminal(true);
    let now = 0;
    const bar = progressBar(stream, { now: () => now, tickMs: 0 });
    bar.start('checking the list');
    now = 2500;
    bar.update(0);
    expect(writes).toEqual(['\r\x1b[Kchecking the list… 0.0 s', '\r\x1b[Kchecking the list… 2.5 s']);
    bar.done();
    expect(writes.at(-1)).toBe('\r\x1b[K');
  });

  it('keeps the time of work of unknown length running between awaits, and stops when done', () => {
    vi.useFakeTimers();
    try {
      const { stream, writes } = terminal(true);
      let now = 0;
      const bar = progressBar(stream, { tickMs: 250, now: () => now });
      bar.start('signing');
      now = 600;
      vi.advanceTimersByTime(600); // two ticks
      expect(writes).toEqual(['\r\x1b[Ksigning… 0.0 s', '\r\x1b[Ksigning… 0.6 s', '\r\x1b[Ksigning… 0.6 s']);
      bar.done();
      const drawn = writes.length;
      vi.advanceTimersByTime(10_000);
      expect(writes.length).toBe(drawn);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
