import { afterEach, describe, expect, it } from 'vitest';
import { installList, ListIndex, openDatabase, type PharmacheckDb } from '../../../lib/lists';
import { detailsSource } from '../../../lib/protection/entry-sources';
import { describeVerdict } from '../../../lib/protection/report';
import { confirmedVerdictForUrl } from '../../../lib/verdict';
import { restoredIndex } from '../lists/restored-index';
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
    const index = await restoredIndex(db, IN_FORCE_DAY);
    const url = 'https://www.rogue.example/buy?x=1&y=2';

    const report = describeVerdict(url, await confirmedVerdictForUrl(index, url, detailsSource(db)), IN_FORCE_DAY);

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

  it('says who vouches for a list and ranks a self-declared authority as community, with the key its subscription trusts', async () => {
    const db = freshDb();
    await installList(db, makeBlockList('mine', 'authority', ['rogue.example']), { type: 'url', url: 'https://lists.example/latest.json' }, { by: 'person' });
    const index = await restoredIndex(db, IN_FORCE_DAY);
    const url = 'https://rogue.example/';
    const report = describeVerdict(url, await confirmedVerdictForUrl(index, url, detailsSource(db)), IN_FORCE_DAY, new Map([['mine', 'key-1']]));
    expect(report.matches).toEqual([expect.objectContaining({ listId: 'mine', publisher: { name: 'authority publisher', type: 'authority' }, vouch: { by: 'person' }, rankedAs: 'community', keyId: 'key-1' })]);
  });

  it('reports no verdict and no host for a non-web URL', async () => {
    expect(describeVerdict('chrome://settings', null, IN_FORCE_DAY)).toEqual({ verdict: null, url: 'chrome://settings', host: null, matches: [] });
  });

  it('reports an unlisted site with no matches', async () => {
    const db = freshDb();
    const url = 'https://unlisted.example/';
    expect(describeVerdict(url, await confirmedVerdictForUrl(ListIndex.empty, url, detailsSource(db)), IN_FORCE_DAY)).toEqual({ verdict: 'unknown', url, host: 'unlisted.example', matches: [] });
  });

  it('claims nothing it could not read back: an entry that can no longer be read is not confirmed', async () => {
    const db = freshDb();
    await installList(db, makeBlockList('community', 'community', ['rogue.example']), SOURCE);
    await installList(db, makeBlockList('authority', 'authority', ['rogue.example']), SOURCE);
    const index = await restoredIndex(db, IN_FORCE_DAY);
    const community = (await db.lists.get('community'))!;
    await db.entryChunks.delete(`${community.base}:0`);
    const report = describeVerdict('https://rogue.example/', await confirmedVerdictForUrl(index, 'https://rogue.example/', detailsSource(db)), IN_FORCE_DAY);
    expect(report.verdict).toBe('listed');
    expect(report.matches.map((m) => m.listId)).toEqual(['authority']);
  });

  it('marks a match from a blocklist whose expiry passed as out of date, and still lists it', async () => {
    const db = freshDb();
    await installList(db, makeBlockList('authority', 'authority', ['rogue.example']), SOURCE);
    const later = new Date('2027-03-01T00:00:00Z');
    const index = await restoredIndex(db, later);
    const report = describeVerdict('https://rogue.example/', await confirmedVerdictForUrl(index, 'https://rogue.example/', detailsSource(db)), later);
    expect(report.verdict).toBe('listed');
    expect(report.matches).toEqual([expect.objectContaining({ listId: 'authority', expires: '2027-01-15T00:00:00Z', outOfDate: true })]);
  });
});
