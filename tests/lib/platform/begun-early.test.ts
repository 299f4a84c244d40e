import { describe, expect, it, vi } from 'vitest';
import { begunEarly } from '../../../lib/platform/begun-early';

describe('a read begun before it is asked for (begunEarly)', () => {
  it('hands the begun read to the first who takes it, per key; later takes and other keys read anew', async () => {
    let n = 0;
    const read = vi.fn(async (key: string) => `${key}#${++n}`);
    const early = begunEarly(read);
    early.begin('a');
    early.begin('a');
    expect(read).toHaveBeenCalledTimes(1);
    expect(await early.take('b')).toBe('b#2');
    expect(await early.take('a')).toBe('a#1');
    expect(await early.take('a')).toBe('a#3');
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('keeps a failed begun read for whoever takes it, and raises nothing before', async () => {
    const failure = new Error('unreadable');
    const early = begunEarly(async () => {
      throw failure;
    });
    early.begin('a');
    // Unhandled rejections fail the run (vitest): a turn of the event loop passes untaken.
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(early.take('a')).rejects.toBe(failure);
  });
});
