import { describe, expect, it, vi } from 'vitest';
import { mirrored, type MirrorableArea } from '../../../lib/protection/session-mirror';

/** An area in memory that counts its calls and can be told to fail. */
function countingArea() {
  const data = new Map<string, unknown>();
  const calls = { get: 0, getAll: 0, set: 0, remove: 0 };
  const area: MirrorableArea & { fail: boolean; failReads: boolean } = {
    fail: false,
    failReads: false,
    async get(key) {
      if (area.failReads) throw new Error('unreadable');
      if (key === null) {
        calls.getAll++;
        return structuredClone(Object.fromEntries(data));
      }
      calls.get++;
      return data.has(key) ? { [key]: structuredClone(data.get(key)) } : {};
    },
    async set(items) {
      calls.set++;
      if (area.fail) throw new Error('quota');
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
    async remove(keys) {
      calls.remove++;
      if (area.fail) throw new Error('gone');
      for (const key of typeof keys === 'string' ? [keys] : keys) data.delete(key);
    },
  };
  return { area, data, calls };
}

describe('mirrored', () => {
  it('reads the whole area once, then answers from memory, absence included', async () => {
    const { area, data, calls } = countingArea();
    data.set('a', { host: 'x.example' });
    const m = mirrored(area);
    expect(await m.get('a')).toEqual({ a: { host: 'x.example' } });
    expect(await m.get('a')).toEqual({ a: { host: 'x.example' } });
    expect(await m.get('b')).toEqual({});
    expect(await m.get('b')).toEqual({});
    await m.remove(['b', 'c']);
    expect(calls).toEqual({ get: 0, getAll: 1, set: 0, remove: 0 });
    // What it held before: the area's truth, not the copy's.
    expect(await m.get(null)).toEqual({ a: { host: 'x.example' } });
  });

  it('reads key by key while the whole area cannot be read, and fills the copy once it can', async () => {
    const { area, data, calls } = countingArea();
    data.set('a', 1);
    const m = mirrored(area);
    area.failReads = true;
    await expect(m.get('a')).rejects.toThrow('unreadable');
    area.failReads = false;
    data.set('a', 2);
    expect(await m.get('a')).toEqual({ a: 2 });
    expect(await m.get('b')).toEqual({});
    expect(calls.getAll).toBe(1);
    expect(calls.get).toBe(0);
  });

  it('writes through, and answers what it wrote without asking', async () => {
    const { area, data, calls } = countingArea();
    const m = mirrored(area);
    await m.set({ a: [1, 2], b: 'two' });
    expect(data.get('a')).toEqual([1, 2]);
    expect(await m.get('a')).toEqual({ a: [1, 2] });
    await m.remove(['a']);
    expect(data.has('a')).toBe(false);
    expect(await m.get('a')).toEqual({});
    await m.remove('b');
    expect(await m.get('b')).toEqual({});
    expect(calls.get).toBe(0);
    // Removing what is known to be absent asks nothing.
    expect(calls.remove).toBe(2);
    await m.remove(['a', 'b']);
    expect(calls.remove).toBe(2);
  });

  it('hands out copies: changing what it gave or was given changes nothing stored', async () => {
    const { area } = countingArea();
    const m = mirrored(area);
    const value = { hosts: ['a.example'] };
    await m.set({ k: value });
    value.hosts.push('changed.example');
    const read = (await m.get('k')).k as { hosts: string[] };
    read.hosts.push('also.example');
    expect((await m.get('k')).k).toEqual({ hosts: ['a.example'] });
  });

  it('after a failed write, asks the area again and keeps what it holds', async () => {
    const { area, calls } = countingArea();
    const m = mirrored(area);
    await m.set({ k: 'good' });
    area.fail = true;
    await expect(m.set({ k: 'bad' })).rejects.toThrow('quota');
    await expect(m.remove('k')).rejects.toThrow('gone');
    area.fail = false;
    expect(await m.get('k')).toEqual({ k: 'good' });
    expect(calls.get).toBe(1);
    expect(await m.get('k')).toEqual({ k: 'good' });
    expect(calls.get).toBe(1);
  });

  it('a write made while the area is read wins over what the read saw', async () => {
    const { area, data } = countingArea();
    data.set('k', 'old');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slowGet = vi.fn(async (key: string | null) => {
      await held;
      return key === null ? { k: 'old' } : { [key]: 'old' };
    });
    const m = mirrored({ ...area, get: slowGet });
    const reading = m.get('k');
    await m.set({ k: 'new' });
    release();
    // The read waited for the copy, which the write had already made newer than the area's answer.
    expect(await reading).toEqual({ k: 'new' });
    expect(await m.get('k')).toEqual({ k: 'new' });
  });
});
