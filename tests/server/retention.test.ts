/**
 * The retention policy: a reporter's e-mail address is deleted once the decision on the report is
 * older than the grace period; open reports and recent decisions keep theirs; every run is in the
 * audit log. The clock is injected: each case says when "now" is, relative to the decision.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db';
import { applyRetention } from '../../server/src/retention';
import { databaseKinds, type TestDatabase } from './support/databases';
import { startTestHub, type TestHub } from './support/hub';
import { aReport, postReport } from './support/reports';
import { call, tokenFor } from './support/tokens';

const DAY = 86_400_000;

describe.each(databaseKinds)('retention on $name', (kind) => {
  let database: TestDatabase;
  let db: Database;
  let hub: TestHub;
  let reviewer: string;

  beforeEach(async () => {
    database = await kind.create();
    db = await database.open();
    hub = await startTestHub(database, db);
    reviewer = await tokenFor(db, 'reviewer');
  });
  afterEach(async () => {
    await hub.close();
    await db.close();
    await database.dispose();
  });

  const report = async (domain: string, email: string | null) =>
    (await postReport(hub.url, aReport({ page: `https://${domain}/`, ...(email ? { contact: { email, consent: true } } : {}) }))).body.id as number;
  const reject = async (domain: string, ids: number[]) => {
    const decision = await call(hub.url, '/v1/review/decisions', reviewer, { method: 'POST', body: { action: 'reject', domain, kind: 'suspicious-site', reportIds: ids } });
    expect(decision.status).toBe(200);
    return new Date((await db.query<{ at: Date }>('select decided_at as at from decisions where id = $1', [decision.body.decisionId])).rows[0]!.at);
  };
  const emails = async () =>
    Object.fromEntries((await db.query<{ domain: string; contact_email: string | null }>('select domain, contact_email from reports order by id')).rows.map((r) => [r.domain, r.contact_email]));

  it('deletes the e-mail addresses of reports decided longer ago than the grace period, and only those', async () => {
    const decided = await report('decided.example', 'decided@reporter.example');
    await report('open.example', 'open@reporter.example');
    await report('anonymous.example', null);
    const decidedAt = await reject('decided.example', [decided]);

    const early = await applyRetention(db, { graceDays: 90, actor: 'test', now: new Date(decidedAt.getTime() + 89 * DAY) });
    expect(early.emailsDeleted).toBe(0);
    expect(await emails()).toEqual({ 'decided.example': 'decided@reporter.example', 'open.example': 'open@reporter.example', 'anonymous.example': null });

    const due = await applyRetention(db, { graceDays: 90, actor: 'test', now: new Date(decidedAt.getTime() + 90 * DAY + 1000) });
    expect(due).toEqual({ graceDays: 90, cutoff: new Date(decidedAt.getTime() + 1000).toISOString(), emailsDeleted: 1 });
    expect(await emails()).toEqual({ 'decided.example': null, 'open.example': 'open@reporter.example', 'anonymous.example': null });
    // The report itself stays: it is the evidence behind a decision.
    expect((await db.query('select count(*)::int as n from reports')).rows[0]).toEqual({ n: 3 });
  });

  it('takes any grace period, zero included, and records every run in the audit log, even one that deleted nothing', async () => {
    const id = await report('decided.example', 'decided@reporter.example');
    const decidedAt = await reject('decided.example', [id]);
    const none = await applyRetention(db, { graceDays: 30, actor: 'Retention (test)', now: new Date(decidedAt.getTime() + 29 * DAY) });
    const now = await applyRetention(db, { graceDays: 0, actor: 'Retention (test)', now: new Date(decidedAt.getTime() + 1000) });
    expect([none.emailsDeleted, now.emailsDeleted]).toEqual([0, 1]);
    const audit = (await call(hub.url, '/v1/review/audit', reviewer)).body.entries.filter((e: { action: string }) => e.action === 'retention');
    expect(audit.map((e: { actor: string; details: unknown }) => [e.actor, e.details])).toEqual([
      ['Retention (test)', { graceDays: 0, cutoff: now.cutoff, emailsDeleted: 1 }],
      ['Retention (test)', { graceDays: 30, cutoff: none.cutoff, emailsDeleted: 0 }],
    ]);
    await expect(applyRetention(db, { graceDays: -1, actor: 'x' })).rejects.toThrow(/whole number of days/);
    await expect(applyRetention(db, { graceDays: 1.5, actor: 'x' })).rejects.toThrow(/whole number of days/);
  });
});
