import { describe, expect, it } from 'vitest';
import { describesLatest, publishedList, publishIndexBytes, publishIndexSchema } from '../../../lib/lists';
import { makeList } from './fixtures';
import { latestFor } from './signed';

const list = makeList({ description: 'Rogue pharmacies', publisher: { name: 'Agency', type: 'authority', country: 'FR' } });

describe('index.json', () => {
  it('describes each list from its metadata, with its entry count, latest.json path and key id', () => {
    expect(publishedList(list, 2, '0123456789abcdef')).toEqual({
      id: 'test-list',
      name: 'Test list',
      description: 'Rogue pharmacies',
      publisher: { name: 'Agency', type: 'authority', country: 'FR' },
      kind: 'block',
      version: 1,
      issued: list.issued,
      expires: list.expires,
      entryCount: 2,
      latest: 'test-list/latest.json',
      keyId: '0123456789abcdef',
    });
  });

  it('is written sorted by list id, and reads back through its schema', () => {
    const a = publishedList(makeList({ id: 'b-list' }), 1, '0123456789abcdef');
    const b = publishedList(makeList({ id: 'a-list' }), 1, '0123456789abcdef');
    const parsed = publishIndexSchema.parse(JSON.parse(new TextDecoder().decode(publishIndexBytes([a, b], '2026-11-22T00:00:00Z'))));
    expect(parsed.lists.map((l) => l.id)).toEqual(['a-list', 'b-list']);
    expect(parsed).toMatchObject({ format: 1, type: 'index', updated: '2026-11-22T00:00:00Z' });
  });

  it('refuses a list twice, a latest path of another list, or a key id that is not one', () => {
    const entry = publishedList(list, 2, '0123456789abcdef');
    const index = (lists: unknown[]) => ({ format: 1, type: 'index', updated: '2026-11-22T00:00:00Z', lists });
    expect(publishIndexSchema.safeParse(index([entry, entry])).success).toBe(false);
    expect(publishIndexSchema.safeParse(index([{ ...entry, latest: 'other/latest.json' }])).success).toBe(false);
    expect(publishIndexSchema.safeParse(index([{ ...entry, keyId: 'XYZ' }])).success).toBe(false);
  });

  it('knows when an entry still describes the current latest.json', () => {
    const entry = publishedList(list, 2, '0123456789abcdef');
    expect(describesLatest(entry, latestFor(list))).toBe(true);
    expect(describesLatest(entry, latestFor(makeList({ version: 2 })))).toBe(false);
  });
});
