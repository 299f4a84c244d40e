/**
 * After a report, end to end through the hub's HTTP API: reports arrive (with caution signals), a
 * reviewer keeps a copy of the site's page, sees that another authority (a second hub, on its own
 * database) lists the domain, confirms with both as evidence, prepares a notice from a local RDAP
 * server's answer, records it as sent, publishes, and a recheck finds the domain held; the
 * figures and the audit log show every step.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAfterReportWorld, SITE_PAGE as PAGE, type AfterReportWorld } from './support/after-report-world';
import { databaseKinds } from './support/databases';
import { aReport, postReport } from './support/reports';
import { call } from './support/tokens';

describe.each(databaseKinds)('after a report on $name', (kind) => {
  let world: AfterReportWorld;
  let ours: AfterReportWorld['ours'];
  let theirs: AfterReportWorld['theirs'];
  let rdap: AfterReportWorld['rdap'];
  let site: AfterReportWorld['site'];

  beforeEach(async () => {
    world = await startAfterReportWorld(kind);
    ({ ours, theirs, rdap, site } = world);
  });
  afterEach(async () => {
    await world.close();
  });

  const theyList = (domain: string) => world.theyList(domain);
  const theirKey = () => world.theirKey();

  it('goes from reports to a confirmed, published, notified and suspended domain, every step in the audit log', async () => {
    const { hub, reviewer, publisher } = ours;
    const review = (path: string, body?: unknown, token = reviewer) => call(hub.url, `/v1/review${path}`, token, body === undefined ? {} : { method: 'POST', body });
    const reportIds = [];
    for (const signals of [['name.brand-lookalike', 'page.no-prescription'], ['page.no-prescription'], undefined]) {
      const response = await postReport(hub.url, aReport({ page: 'https://shop.rogue.example/pills', ...(signals ? { signals } : {}) }));
      expect(response.status).toBe(201);
      reportIds.push(response.body.id);
    }

    // Another authority lists the domain; this hub subscribes to its list with its key.
    await theyList('rogue.example');
    const peer = await review('/peers', { url: `${theirs.hub.url}/lists/de-test/latest.json`, publicKey: await theirKey() }, publisher);
    expect(peer.status, JSON.stringify(peer.body)).toBe(201);
    expect(peer.body).toMatchObject({ listId: 'de-test', version: 1, entries: 1, publisher: { name: 'Test Authority DE' } });

    // A page copy: the redirect is followed and recorded, the bytes kept, the script never run.
    const copy = await review('/snapshots', { domain: 'rogue.example', url: `${site.url}/` });
    expect(copy.status, JSON.stringify(copy.body)).toBe(201);
    expect(copy.body).toMatchObject({ outcome: 'complete', finalUrl: `${site.url}/shop`, httpStatus: 200, byteCount: PAGE.length, sha256: createHash('sha256').update(PAGE).digest('hex') });
    expect(copy.body.redirects).toEqual([{ url: `${site.url}/`, status: 302, location: `${site.url}/shop` }]);
    expect(site.requests).toEqual(['/', '/shop']);
    const content = await fetch(`${hub.url}/v1/review/snapshots/${copy.body.id}/content`, { headers: { authorization: `Bearer ${reviewer}` } });
    expect(content.headers.get('content-type')).toBe('application/octet-stream');
    expect(content.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(content.headers.get('content-security-policy')).toContain('sandbox');
    expect(await content.text()).toBe(PAGE);

    // The group shows the signals, the page copy and the other authority's listing.
    const [group] = (await review('/groups')).body.groups;
    expect(group).toMatchObject({ domain: 'rogue.example', count: 3, signals: { 'name.brand-lookalike': 1, 'page.no-prescription': 2 } });
    expect(group.pageCopies.map((c: any) => c.id)).toEqual([copy.body.id]);
    expect(group.otherAuthorities).toMatchObject([{ peerId: peer.body.id, listId: 'de-test', publisher: { name: 'Test Authority DE' }, category: 'illegal-pharmacy' }]);

    // A copy of another domain or a listing of nobody is refused as evidence.
    const confirmBody = { action: 'confirm', domain: 'rogue.example', kind: 'suspicious-site', reportIds, listId: 'fr-test', category: 'illegal-pharmacy', reference: 'FR-2025-1' };
    expect((await review('/decisions', { ...confirmBody, evidence: { peerIds: [peer.body.id + 1] } })).status).toBe(409);
    const decision = await review('/decisions', { ...confirmBody, evidence: { snapshotIds: [copy.body.id], peerIds: [peer.body.id] } });
    expect(decision.status, JSON.stringify(decision.body)).toBe(200);
    const draft = (await review('/lists/fr-test/draft')).body.entries;
    expect(draft[0].otherAuthorities).toMatchObject([{ listId: 'de-test', since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);

    // Whom to tell: RDAP's answer (a 429 first, then the registrar's server after a redirect).
    rdap.domains.set('rogue.example', { kind: 'rate-limited', retryAfter: '0', times: 1 });
    const notice = await review('/notices', { domain: 'rogue.example' });
    expect(notice.status, JSON.stringify(notice.body)).toBe(201);
    expect(notice.body.body.to.registrar).toEqual({ name: 'Example Registrar, Inc.', ianaId: '9999', abuseEmails: ['abuse@registrar.example'], abusePhones: ['+1.5555550123'], source: 'registrar' });
    expect(notice.body.body.to.host).toMatchObject({ address: '127.0.0.1', snapshotId: copy.body.id });
    expect(notice.body.body.otherAuthorities).toMatchObject([{ publisher: 'Test Authority DE', list: 'German test list' }]);
    expect(notice.body.text).toContain('To: abuse@registrar.example');
    expect(notice.body.text).toContain(`SHA-256 ${copy.body.sha256}`);
    expect(notice.body.text).toContain('also listed by Test Authority DE (DE)');
    expect((await review('/notices', { domain: 'unreported.example' })).status).toBe(409);
    const sent = await review(`/notices/${notice.body.id}/sent`, { sentTo: 'abuse@registrar.example' });
    expect(sent.body).toMatchObject({ sentTo: 'abuse@registrar.example', sentBy: expect.stringContaining('Alice Reviewer') });
    expect((await review(`/notices/${notice.body.id}/sent`, { sentTo: 'again@example.org' })).status).toBe(409);

    expect((await call(hub.url, '/v1/lists/fr-test/publish', publisher, { method: 'POST', body: {} })).status).toBe(201);

    // Later, the registrar has put the domain on hold.
    rdap.domains.set('rogue.example', { kind: 'found', status: ['client hold'] });
    const checks = (await review('/domains/recheck', {})).body.checks;
    expect(checks).toMatchObject([{ domain: 'rogue.example', outcome: 'suspended', statuses: ['client hold'] }]);
    const [confirmed] = (await call(hub.url, '/v1/review/groups?status=confirmed', reviewer)).body.groups;
    expect(confirmed.notices).toMatchObject([{ id: notice.body.id, registrar: 'Example Registrar, Inc.', suspendedAt: expect.any(String) }]);
    expect(confirmed.lastCheck).toMatchObject({ outcome: 'suspended' });

    // The figures count this week's work.
    const stats = (await review('/stats')).body;
    expect(stats.thisWeek).toMatchObject({ reports: 3, confirmed: 1, published: 1, newDomains: 1, pageCopies: 1, noticesSent: 1, suspended: 1 });
    expect(stats.topDomains).toEqual([{ domain: 'rogue.example', reports: 3, open: 0 }]);
    expect(stats.publications).toMatchObject([{ listId: 'fr-test', version: 1, entries: 1 }]);

    const audit = (await review('/audit')).body.entries;
    expect(audit.map((e: any) => e.action).reverse()).toEqual(
      expect.arrayContaining(['create-list', 'subscribe-peer', 'keep-page', 'confirm', 'prepare-notice', 'notice-sent', 'publish', 'rdap-check']),
    );
    const confirmEntry = audit.find((e: any) => e.action === 'confirm');
    expect(confirmEntry.details).toMatchObject({
      signals: { 'name.brand-lookalike': 1, 'page.no-prescription': 2 },
      pageCopies: [{ id: copy.body.id, sha256: copy.body.sha256, finalUrl: `${site.url}/shop` }],
      otherAuthorities: [{ peerId: peer.body.id, publisher: 'Test Authority DE', list: 'de-test' }],
    });
  });

  it('keeps a refusal as a page copy too, and fetches only pages of the reported domain', async () => {
    const { hub, reviewer } = ours;
    await postReport(hub.url, aReport({ page: 'https://rogue.example/' }));
    const review = (body: unknown) => call(hub.url, '/v1/review/snapshots', reviewer, { method: 'POST', body });
    expect((await review({ domain: 'rogue.example', url: 'http://127.0.0.1/' })).status).toBe(400);
    expect((await review({ domain: 'other.example', url: 'https://other.example/' })).status).toBe(404);
    expect((await review({ domain: 'rogue.example', url: 'file:///etc/passwd' })).status).toBe(400);
    // rogue.example's https port on 127.0.0.1 has nothing listening: a failure, recorded as such.
    const failed = await review({ domain: 'rogue.example', url: 'https://rogue.example:1/' });
    expect(failed.status).toBe(201);
    expect(failed.body).toMatchObject({ outcome: 'failed', byteCount: 0 });
  });

  it('refuses a subscription whose key does not verify the list, and keeps nothing', async () => {
    await theyList('rogue.example');
    const wrongKey = Buffer.alloc(32, 7).toString('base64');
    const response = await call(ours.hub.url, '/v1/review/peers', ours.publisher, { method: 'POST', body: { url: `${theirs.hub.url}/lists/de-test/latest.json`, publicKey: wrongKey } });
    expect(response.status).toBe(409);
    expect(response.body.error.message ?? JSON.stringify(response.body)).toMatch(/not subscribed/);
    expect((await call(ours.hub.url, '/v1/review/peers', ours.reviewer)).body.peers).toEqual([]);
    // A reviewer may not subscribe: that is the publisher's.
    expect((await call(ours.hub.url, '/v1/review/peers', ours.reviewer, { method: 'POST', body: { url: `${theirs.hub.url}/lists/de-test/latest.json`, publicKey: wrongKey } })).status).toBe(403);
  });

  it('refreshes a subscription: unchanged, then a new version with its new domain, first seen kept', async () => {
    await theyList('rogue.example');
    const url = `${theirs.hub.url}/lists/de-test/latest.json`;
    const peer = (await call(ours.hub.url, '/v1/review/peers', ours.publisher, { method: 'POST', body: { url, publicKey: await theirKey() } })).body;
    const refresh = async () => (await call(ours.hub.url, '/v1/review/peers/refresh', ours.publisher, { method: 'POST', body: {} })).body.outcomes;
    expect(await refresh()).toMatchObject([{ peerId: peer.id, status: 'unchanged', version: 1 }]);
    const before = (await ours.db.query<{ first_seen: Date }>("select first_seen from peer_entries where domain = 'rogue.example'")).rows[0]!.first_seen;
    await theyList('second-rogue.example');
    expect(await refresh()).toMatchObject([{ peerId: peer.id, status: 'updated', version: 2 }]);
    const entries = (await ours.db.query<{ domain: string; first_seen: Date }>('select domain, first_seen from peer_entries order by domain')).rows;
    expect(entries.map((e) => e.domain)).toEqual(['rogue.example', 'second-rogue.example']);
    expect(new Date(entries[0]!.first_seen).toISOString()).toBe(new Date(before).toISOString());
    // The other hub goes away: the failure is recorded and the last good version stays.
    await theirs.hub.close();
    expect(await refresh()).toMatchObject([{ peerId: peer.id, status: 'failed', version: 2 }]);
    const [listed] = (await call(ours.hub.url, '/v1/review/peers', ours.reviewer)).body.peers;
    expect(listed).toMatchObject({ version: 2, entries: 2, lastError: expect.any(String) });
  });
});
