import { afterEach, describe, expect, it } from 'vitest';
import { installList, ListIndex, loadLists, openDatabase, type PharmacheckDb } from '../../../lib/lists';
import { describeVerdict } from '../../../lib/protection/report';
import { verdictForUrl } from '../../../lib/verdict';
import { entry, IN_FORCE_DAY, makeAllowList, makeBlockList } from '../lists/fixtures';

const SOURCE = { type: 'bundled', file: 'lists/test.json' } as const;
const open: PharmacheckDb[] = [];
function freshDb(): PharmacheckDb {
  const db = openDatabase(`report-test-${crypto.randomUUID()}`);
  open.push(db);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

describe('describeVerdict', () => {
  it('explains each matching list with its entry, highest rank first', async () => {
    const db = freshDb();
    await installList(db, makeBlockList('community', 'community', ['other.example', 'rogue.example']), SOURCE);
    const authority = makeBlockList('authority', 'authority', ['rogue.example'], {
      name: 'Authority list',
      version: 4,
      entries: [entry('rogue.example', { category: 'falsified-medicines', note: 'Case 12', evidence: { source: 'Agency', reference: 'A-12' } })],
    });
    await installList(db, authority, SOURCE);
    await installList(db, makeAllowList('register', ['pharmacy.example']), SOURCE);
    const index = ListIndex.build(await loadLists(db), IN_FORCE_DAY);
    const url = 'https://www.rogue.example/buy?x=1&y=2';

    const report = await describeVerdict(db, url, verdictForUrl(index, url), IN_FORCE_DAY);

    expect(report).toEqual({
      verdict: 'listed',
      url,
      host: 'www.rogue.example',
      matches: [
        {
          listId: 'authority',
          listName: 'Authority list',
          publisher: { name: 'authority publisher', type: 'authority' },
          vouch: { by: 'bundled' },
          rankedAs: 'authority',
          keyId: null,
          kind: 'block',
          version: 4,
          expires: '2027-01-15T00:00:00Z',
          outOfDate: false,
          domain: 'rogue.example',
          category: 'falsified-medicines',
          added: '2026-01-15',
          evidence: { source: 'Agency', reference: 'A-12' },
          note: 'Case 12',
        },
        expect.objectContaining({ listId: 'community', domain: 'rogue.example', category: 'illegal-pharmacy', note: null }),
      ],
    });
  });

  it('reports no verdict and no host for a non-web URL', async () => {
    expect(await describeVerdict(freshDb(), 'chrome://settings', null, IN_FORCE_DAY)).toEqual({ verdict: null, url: 'chrome://settings', host: null, matches: [] });
  });

  it('reports an unlisted site with no matches', async () => {
    const db = freshDb();
    const url = 'https://unlisted.example/';
    expect(await describeVerdict(db, url, verdictForUrl(ListIndex.empty, url), IN_FORCE_DAY)).toEqual({ verdict: 'unknown', url, host: 'unlisted.example', matches: [] });
  });

  it('still names the list when its entry can no longer be read', async () => {
    const db = freshDb();
    await installList(db, makeBlockList('community', 'community', ['rogue.example']), SOURCE);
    const index = ListIndex.build(await loadLists(db), IN_FORCE_DAY);
    await db.entryChunks.clear();
    const report = await describeVerdict(db, 'https://rogue.example/', verdictForUrl(index, 'https://rogue.example/'), IN_FORCE_DAY);
    expect(report.matches).toEqual([
      expect.objectContaining({ listId: 'community', domain: 'rogue.example', category: null, added: null, evidence: null, note: null }),
    ]);
  });

  it('marks a match from a blocklist whose expiry passed as out of date, and still lists it', async () => {
    const db = freshDb();
    await installList(db, makeBlockList('authority', 'authority', ['rogue.example']), SOURCE);
    const later = new Date('2027-03-01T00:00:00Z');
    const index = ListIndex.build(await loadLists(db), later);
    const report = await describeVerdict(db, 'https://rogue.example/', verdictForUrl(index, 'https://rogue.example/'), later);
    expect(report.verdict).toBe('listed');
    expect(report.matches).toEqual([expect.objectContaining({ listId: 'authority', expires: '2027-01-15T00:00:00Z', outOfDate: true })]);
  });
});
