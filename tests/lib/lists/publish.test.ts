import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyDelta,
  checkDelta,
  checkLatest,
  checkList,
  DEFAULT_DELTA_COUNT,
  LIMITS,
  publishFiles,
  serializeList,
  type Entry,
  type List,
} from '../../../lib/lists';
import { generateKey, publicPart, type SecretKeyFile } from '../../../lib/signing';
import { entry, makeList } from './fixtures';
import { NOW } from './signed';

let key: SecretKeyFile;
beforeAll(async () => {
  key = await generateKey();
});

/** Version v holds d1 … d(v+1): each version adds one domain. */
const versionN = (version: number, overrides: Partial<List> = {}) =>
  makeList({ version, entries: Array.from({ length: version + 1 }, (_, i) => entry(`d${i + 1}.example`)), ...overrides });
const byDomain = (entries: readonly Entry[]) => [...entries].sort((a, b) => (a.domain < b.domain ? -1 : 1));
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('publishFiles', () => {
  it('reads earlier versions given as readers only for the deltas it makes, newest first, each once, and writes the same files', async () => {
    const reads: number[] = [];
    const lazy = Array.from({ length: 14 }, (_, i) => ({
      id: 'test-list',
      version: i + 1,
      read: async () => {
        reads.push(i + 1);
        return versionN(i + 1);
      },
    }));
    const files = await publishFiles({ list: versionN(15), history: lazy, key, deltaCount: 3 });
    // Only the three most recent, newest first, each read once.
    expect(reads).toEqual([14, 13, 12]);
    const whole = await publishFiles({ list: versionN(15), history: Array.from({ length: 14 }, (_, i) => versionN(i + 1)), key, deltaCount: 3 });
    expect([...files.keys()].sort()).toEqual([...whole.keys()].sort());
    for (const [path, bytes] of whole) if (!path.endsWith('.sig')) expect(text(files.get(path)), path).toBe(text(bytes));
  });

  it('refuses an earlier version whose reader gives another version or list, publishing nothing', async () => {
    const wrongVersion = [{ id: 'test-list', version: 2, read: async () => versionN(1) }];
    await expect(publishFiles({ list: versionN(3), history: wrongVersion, key })).rejects.toThrow(/version 2 of "test-list" reads as version 1/);
    const wrongList = [{ id: 'test-list', version: 2, read: async () => versionN(2, { id: 'other-list' }) }];
    await expect(publishFiles({ list: versionN(3), history: wrongList, key })).rejects.toThrow(/reads as version 2 of "other-list"/);
  });

  it('writes the full list, latest.json and a .sig beside each, under the list id', async () => {
    const files = await publishFiles({ list: versionN(1), key });
    expect([...files.keys()].sort()).toEqual(['test-list/latest.json', 'test-list/latest.json.sig', 'test-list/v1.json', 'test-list/v1.json.sig']);
    expect(text(files.get('test-list/v1.json'))).toBe(serializeList(versionN(1)));
  });

  it('makes deltas from the most recent earlier versions only (ten by default)', async () => {
    const history = Array.from({ length: 14 }, (_, i) => versionN(i + 1));
    const files = await publishFiles({ list: versionN(15), history, key });
    const deltas = [...files.keys()].filter((p) => /delta-\d+-15\.json$/.test(p)).sort();
    expect(deltas).toHaveLength(DEFAULT_DELTA_COUNT);
    expect(deltas.map((p) => Number(/delta-(\d+)-/.exec(p)![1])).sort((a, b) => a - b)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    const latest = JSON.parse(text(files.get('test-list/latest.json')));
    expect(latest.deltas.map((d: { from: number }) => d.from)).toEqual([14, 13, 12, 11, 10, 9, 8, 7, 6, 5]);
  });

  it('takes the delta count it is given, and ignores other lists and versions not older', async () => {
    const history = [versionN(1), versionN(2), versionN(3), versionN(4), versionN(2, { id: 'another-list' })];
    const files = await publishFiles({ list: versionN(3), history, key, deltaCount: 1 });
    expect([...files.keys()].filter((p) => p.includes('delta-'))).toEqual(['test-list/delta-2-3.json', 'test-list/delta-2-3.json.sig']);
    const none = await publishFiles({ list: versionN(3), history, key, deltaCount: 0 });
    expect([...none.keys()].some((p) => p.includes('delta-'))).toBe(false);
  });

  it('writes files that all verify as a subscriber checks them, and deltas that lead to the new list', async () => {
    const list = versionN(4, { updateIntervalMinutes: 60 });
    const history = [versionN(1), versionN(2), versionN(3)];
    const files = await publishFiles({ list, history, key });
    const expect_ = { id: 'test-list', key: publicPart(key), now: NOW };
    const sig = (path: string) => text(files.get(`${path}.sig`));
    const latest = await checkLatest(files.get('test-list/latest.json')!, sig('test-list/latest.json'), { ...expect_, currentVersion: null });
    expect(latest).toMatchObject({ id: 'test-list', version: 4, list: 'v4.json', updateIntervalMinutes: 60, issued: list.issued, expires: list.expires });
    expect(await checkList(files.get('test-list/v4.json')!, sig('test-list/v4.json'), { ...expect_, currentVersion: null })).toEqual(list);
    for (const { from, file } of latest.deltas) {
      const delta = await checkDelta(files.get(`test-list/${file}`)!, sig(`test-list/${file}`), { ...expect_, currentVersion: from });
      expect(byDomain(applyDelta(history.find((h) => h.version === from)!.entries, delta))).toEqual(byDomain(list.entries));
    }
    expect(latest.deltas.map((d) => d.from)).toEqual([3, 2, 1]);
  });

  it('offers no delta larger than subscribers accept: they take the full list instead', async () => {
    const note = 'x'.repeat(500);
    const big = Array.from({ length: Math.ceil(LIMITS.deltaBytes / 600) + 100 }, (_, i) => entry(`big${i}.example`, { note }));
    const list = makeList({ version: 3, entries: [...big, entry('d1.example')] });
    const files = await publishFiles({ list, history: [makeList({ version: 1, entries: [entry('d1.example')] }), makeList({ version: 2, entries: [...big] })], key });
    expect([...files.keys()].filter((p) => p.includes('delta-'))).toEqual(['test-list/delta-2-3.json', 'test-list/delta-2-3.json.sig']);
    expect(JSON.parse(text(files.get('test-list/latest.json'))).deltas).toEqual([{ from: 2, file: 'delta-2-3.json' }]);
  });
});
