import { describe, expect, it, vi } from 'vitest';
import { remembered } from '../../../lib/platform/remembered';

describe('remembered', () => {
  it('asks at every call while nothing listens for changes', async () => {
    const ask = vi.fn(async () => 1);
    const r = remembered(ask);
    expect(await r.get()).toBe(1);
    expect(await r.get()).toBe(1);
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('asks once while something listens, again after forget, and every time once the listener ended', async () => {
    let n = 0;
    const ask = vi.fn(async () => ++n);
    const r = remembered(ask);
    const end = r.listening();
    expect(await r.get()).toBe(1);
    expect(await r.get()).toBe(1);
    r.forget();
    expect(await r.get()).toBe(2);
    end();
    end();
    expect(await r.get()).toBe(3);
    expect(await r.get()).toBe(4);
  });

  it('keeps remembering while a second listener still listens', async () => {
    const ask = vi.fn(async () => 'x');
    const r = remembered(ask);
    const first = r.listening();
    const second = r.listening();
    first();
    first();
    await r.get();
    await r.get();
    expect(ask).toHaveBeenCalledTimes(1);
    second();
  });

  it('does not remember a failed answer', async () => {
    const ask = vi.fn<() => Promise<number>>().mockRejectedValueOnce(new Error('no answer')).mockResolvedValue(5);
    const r = remembered(ask);
    const end = r.listening();
    await expect(r.get()).rejects.toThrow('no answer');
    expect(await r.get()).toBe(5);
    expect(await r.get()).toBe(5);
    expect(ask).toHaveBeenCalledTimes(2);
    end();
  });
});
