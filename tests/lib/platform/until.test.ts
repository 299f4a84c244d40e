import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { untilOrAfter } from '../../../lib/platform/until';

describe('until an event or after a while (untilOrAfter)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const settled = (p: Promise<void>) => {
    const state = { done: false };
    void p.then(() => (state.done = true));
    return state;
  };

  it('resolves when the event comes first, and leaves no timer behind', async () => {
    let come!: () => void;
    const waiting = settled(untilOrAfter(new Promise<void>((resolve) => (come = resolve)), 200));
    await vi.advanceTimersByTimeAsync(50);
    expect(waiting.done).toBe(false);
    come();
    await vi.advanceTimersByTimeAsync(0);
    expect(waiting.done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves once the time has passed when the event never comes, and not before', async () => {
    const waiting = settled(untilOrAfter(new Promise<void>(() => undefined), 200));
    await vi.advanceTimersByTimeAsync(199);
    expect(waiting.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(waiting.done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('counts a failed event as come, and never rejects', async () => {
    const waiting = untilOrAfter(Promise.reject(new Error('no answer')), 200);
    await expect(waiting).resolves.toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });
});
