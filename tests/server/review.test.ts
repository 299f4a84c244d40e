/**
 * Review: reports grouped by registrable domain with counts, reasons and dates; confirm adds the
 * domain to a list's draft with its evidence; reject closes; later reports merge into the entry;
 * every decision is in the audit log.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db';
import { databaseKinds, type TestDatabase } from './support/databases';
import { startTestHub, type TestHub } from './support/hub';
import { aReport, postReport } from './support/reports';
import { call, tokenFor } from './support/tokens';

const LIST = {
  meta: { id: 'fr-test', name: 'Test authority blocklist', publisher: { name: 'Test Authority', type: 'authority', country: 'FR' }, kind: 'block' },
  validityDays: 30,
};

describe.each(databaseKinds)('review on $name', (kind) => {
  let database: TestDatabase;
  let db: Database;
  let hub: TestHub;
  let reviewer: string;
  let publisher: string;

  beforeEach(async () => {
    database = await kind.create();
    db = await database.open();
    hub = await startTestHub(database, db);
    reviewer = await tokenFor(db, 'reviewer', 'Alice Reviewer');
    publisher = await tokenFor(db, 'publisher', 'Paul Publisher');
    expect((await call(hub.url, '/v1/lists/fr-test', publisher, { method: 'PUT', body: LIST })).status).toBe(201);
  });
  afterEach(async () => {
    await hub.close();
    await db.close();
    await database.dispose();
  });

  async function report(page: string, reasons: any[], extra: Record<string, unknown> = {}) {
    const response = await postReport(hub.url, aReport({ page, reasons, ...extra }));
    expect(response.status).toBe(201);
    return response.body.id as number;
  }
  const groups = async (status = 'open') => (await call(hub.url, `/v1/review/groups?status=${status}`, reviewer)).body.groups;
  const decide = (body: unknown, token = reviewer) => call(hub.url, '/v1/review/decisions', token, { method: 'POST', body });

  it('groups reports by registrable domain and kind, with counts, reasons and dates', async () => {
    const a = await report('https://shop.rogue.example/a', ['no-prescription', 'prices-too-low']);
    const b = await report('https://www.rogue.example/b?x=1', ['no-prescription']);
    const c = await report('rogue.example', ['came-from-spam']);
    const other = await report('https://other-pharmacy.example/', ['other']);
    const fp = await report('https://rogue.example/', [], { kind: 'false-positive' });

    const all = await groups();
    expect(all.map((g: any) => [g.domain, g.kind, g.count])).toEqual([
      ['rogue.example', 'suspicious-site', 3],
      ['rogue.example', 'false-positive', 1],
      ['other-pharmacy.example', 'suspicious-site', 1],
    ]);
    const rogue = all[0];
    expect(rogue.reasons).toEqual({ 'no-prescription': 2, 'prices-too-low': 1, 'came-from-spam': 1 });
    expect(rogue.reportIds).toEqual([a, b, c]);
    expect(rogue.reports.map((r: any) => r.id)).toEqual([c, b, a]);
    expect(rogue.reports.map((r: any) => r.host)).toEqual(['rogue.example', 'www.rogue.example', 'shop.rogue.example']);
    expect(Date.parse(rogue.firstReceivedAt)).toBeLessThanOrEqual(Date.parse(rogue.lastReceivedAt));
    expect(all[1].reportIds).toEqual([fp]);
    expect(all[2].reportIds).toEqual([other]);
  });

  it('confirming adds the domain to the draft with its evidence, closes the reports and writes the audit log', async () => {
    const ids = [await report('https://shop.rogue.example/', ['no-prescription']), await report('https://rogue.example/x', ['other'])];
    const decision = await decide({
      action: 'confirm',
      domain: 'rogue.example',
      kind: 'suspicious-site',
      reportIds: ids,
      listId: 'fr-test',
      category: 'illegal-pharmacy',
      reference: 'Case 2025-042',
    });
    expect(decision.status).toBe(200);
    expect(decision.body).toMatchObject({ action: 'confirm', reportIds: ids, listId: 'fr-test', draftChange: 'added' });

    const draft = (await call(hub.url, '/v1/review/lists/fr-test/draft', reviewer)).body.entries;
    expect(draft).toEqual([
      {
        domain: 'rogue.example',
        category: 'illegal-pharmacy',
        added: new Date().toISOString().slice(0, 10),
        reference: 'Case 2025-042',
        note: null,
        evidence: {
          reportIds: ids,
          decisionIds: [decision.body.decisionId],
          confirmedBy: expect.stringContaining('Alice Reviewer'),
          confirmedAt: expect.any(String),
        },
        // No subscription to another authority's list here (tests/server/peers.test.ts has them).
        otherAuthorities: [],
      },
    ]);
    expect(await groups()).toEqual([]);
    expect((await groups('confirmed'))[0].reportIds).toEqual(ids);

    const audit = (await call(hub.url, '/v1/review/audit', reviewer)).body.entries;
    expect(audit[0]).toMatchObject({
      action: 'confirm',
      subject: 'rogue.example',
      actor: expect.stringContaining('Alice Reviewer'),
      details: { decisionId: decision.body.decisionId, listId: 'fr-test', reportIds: ids, draftChange: 'added' },
    });
    expect(Date.parse(audit[0].at)).not.toBeNaN();
  });

  it('merges later reports of a listed domain into its draft entry instead of adding it twice', async () => {
    const first = await report('https://rogue.example/', ['no-prescription']);
    await decide({ action: 'confirm', domain: 'rogue.example', kind: 'suspicious-site', reportIds: [first], listId: 'fr-test', category: 'fraud' });
    const later = await report('https://pay.rogue.example/', ['harmed-or-suspicious-product']);
    const [group] = await groups();
    expect(group.inDrafts).toEqual(['fr-test']);
    const second = await decide({ action: 'confirm', domain: 'rogue.example', kind: 'suspicious-site', reportIds: [later], listId: 'fr-test', category: 'fraud' });
    expect(second.body.draftChange).toBe('merged');
    const draft = (await call(hub.url, '/v1/review/lists/fr-test/draft', reviewer)).body.entries;
    expect(draft).toHaveLength(1);
    expect(draft[0].evidence.reportIds).toEqual([first, later]);
    expect(draft[0].evidence.decisionIds).toHaveLength(2);
  });

  it('rejecting closes the reports and leaves the draft alone', async () => {
    const id = await report('https://fine-pharmacy.example/', ['other']);
    const decision = await decide({ action: 'reject', domain: 'fine-pharmacy.example', kind: 'suspicious-site', reportIds: [id], note: 'registered pharmacy' });
    expect(decision.status).toBe(200);
    expect(decision.body.draftChange).toBe('none');
    expect((await call(hub.url, '/v1/review/lists/fr-test/draft', reviewer)).body.entries).toEqual([]);
    expect((await groups('rejected'))[0].reportIds).toEqual([id]);
    const audit = (await call(hub.url, '/v1/review/audit', reviewer)).body.entries;
    expect(audit[0]).toMatchObject({ action: 'reject', subject: 'fine-pharmacy.example' });
  });

  it('confirming a "warning is a mistake" report removes the domain from the draft', async () => {
    const id = await report('https://legit.example/', ['no-prescription']);
    await decide({ action: 'confirm', domain: 'legit.example', kind: 'suspicious-site', reportIds: [id], listId: 'fr-test', category: 'illegal-pharmacy' });
    const fp = await report('https://legit.example/', [], { kind: 'false-positive' });
    const decision = await decide({ action: 'confirm', domain: 'legit.example', kind: 'false-positive', reportIds: [fp], listId: 'fr-test' });
    expect(decision.body.draftChange).toBe('removed');
    expect((await call(hub.url, '/v1/review/lists/fr-test/draft', reviewer)).body.entries).toEqual([]);
  });

  it('covers only the reports the reviewer saw; a report that arrived since stays open', async () => {
    const seen = await report('https://rogue.example/', ['no-prescription']);
    const arrivedSince = await report('https://rogue.example/', ['other']);
    const decision = await decide({ action: 'reject', domain: 'rogue.example', kind: 'suspicious-site', reportIds: [seen] });
    expect(decision.body.reportIds).toEqual([seen]);
    expect((await groups())[0].reportIds).toEqual([arrivedSince]);
  });

  it('refuses a decision on reports already decided, of another domain, or of another kind (409)', async () => {
    const id = await report('https://rogue.example/', ['no-prescription']);
    expect((await decide({ action: 'reject', domain: 'other.example', kind: 'suspicious-site', reportIds: [id] })).status).toBe(409);
    expect((await decide({ action: 'reject', domain: 'rogue.example', kind: 'false-positive', reportIds: [id] })).status).toBe(409);
    expect((await decide({ action: 'reject', domain: 'rogue.example', kind: 'suspicious-site', reportIds: [id] })).status).toBe(200);
    const again = await decide({ action: 'reject', domain: 'rogue.example', kind: 'suspicious-site', reportIds: [id] });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('conflict');
  });

  it.each([
    ['an unknown action', { action: 'approve', domain: 'rogue.example', kind: 'suspicious-site', reportIds: [1] }],
    ['no report ids', { action: 'reject', domain: 'rogue.example', kind: 'suspicious-site', reportIds: [] }],
    ['a confirmation without a category', { action: 'confirm', domain: 'rogue.example', kind: 'suspicious-site', reportIds: [1], listId: 'fr-test' }],
    ['an allowlist category', { action: 'confirm', domain: 'rogue.example', kind: 'suspicious-site', reportIds: [1], listId: 'fr-test', category: 'authorised-pharmacy' }],
    ['an extra field', { action: 'reject', domain: 'rogue.example', kind: 'suspicious-site', reportIds: [1], sql: "' or 1=1" }],
    ['ids as strings', { action: 'reject', domain: 'rogue.example', kind: 'suspicious-site', reportIds: ['1'] }],
    ['a bad list id', { action: 'confirm', domain: 'rogue.example', kind: 'suspicious-site', reportIds: [1], listId: '../etc', category: 'fraud' }],
  ])('refuses %s with 400 and changes nothing', async (_what, body) => {
    const id = await report('https://rogue.example/', ['no-prescription']);
    expect(id).toBe(1);
    const response = await decide(body);
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid-request');
    expect((await groups())[0].reportIds).toEqual([1]);
  });

  it('refuses to confirm into a list that does not exist (404)', async () => {
    const id = await report('https://rogue.example/', ['no-prescription']);
    const response = await decide({ action: 'confirm', domain: 'rogue.example', kind: 'suspicious-site', reportIds: [id], listId: 'nope', category: 'fraud' });
    expect(response.status).toBe(404);
    expect((await groups())[0].reportIds).toEqual([id]);
  });
});
