/** The reports outbox: stored before it is sent, sent with its key, retried or refused as the hub says. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OutboxItem, type PharmacheckDb } from '../../../lib/lists';
import {
  deleteItem,
  deliverDue,
  enqueueReport,
  MAX_COMMENT_LENGTH,
  postJson,
  retryDelayMs,
  sendItem,
  type Post,
  type Report,
  type ReportReceipt,
} from '../../../lib/reports';
import { closeDatabases, freshDb, MINUTE, NOW } from '../updater/list-server';

const HUB = 'https://hub.example/authority';
const ENDPOINT = `${HUB}/v1/reports`;
const SECOND = 1000;
const HOUR = 60 * MINUTE;
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const clock = (ms = 0) => () => new Date(NOW.getTime() + ms);

function aReport(changes: Partial<Report> = {}): Report {
  return {
    idempotencyKey: crypto.randomUUID(),
    kind: 'suspicious-site',
    page: 'https://shop.rogue-pharmacy.example/pills?x=1',
    reasons: ['no-prescription'],
    extensionVersion: '1.2.3',
    createdAt: '2026-06-01T11:59:00.000Z',
    ...changes,
  };
}

function receiptFor(key: string, id = 1): ReportReceipt {
  return { id, idempotencyKey: key, domain: 'rogue-pharmacy.example', receivedAt: NOW.toISOString() };
}

const json = (status: number, value: unknown) => ({ status, body: JSON.stringify(value) });
const hubError = (status: number, error: string, message: string) => json(status, { error, message });
const networkError = () => new TypeError('fetch failed');

type Answer = { status: number; body: string } | Error;

/**
 * A hub in memory. It records every POST and answers from a script; once the script is used up
 * it does what the real hub does: stores each idempotency key once and sends its receipt
 * (201 the first time, 200 on a repeat).
 */
class FakeHub {
  readonly posts: { url: string; body: string; timeoutMs: number }[] = [];
  readonly stored = new Map<string, Report>();
  private readonly script: Answer[] = [];
  /** Answers the hub stores the report for and then loses (the connection drops on the way back). */
  lostAnswers = 0;

  answers(...answers: Answer[]): this {
    this.script.push(...answers);
    return this;
  }

  keysSent(): string[] {
    return this.posts.map((p) => (JSON.parse(p.body) as Report).idempotencyKey);
  }

  readonly post: Post = async (url, body, timeoutMs) => {
    this.posts.push({ url, body, timeoutMs });
    const scripted = this.script.shift();
    if (scripted instanceof Error) throw scripted;
    if (scripted) return scripted;
    const report = JSON.parse(body) as Report;
    const first = !this.stored.has(report.idempotencyKey);
    if (first) this.stored.set(report.idempotencyKey, report);
    if (this.lostAnswers > 0) {
      this.lostAnswers--;
      throw networkError();
    }
    return json(first ? 201 : 200, receiptFor(report.idempotencyKey, [...this.stored.keys()].indexOf(report.idempotencyKey) + 1));
  };
}

let db: PharmacheckDb;
let hub: FakeHub;

beforeEach(() => {
  db = freshDb('outbox-test');
  hub = new FakeHub();
});

afterEach(async () => {
  await closeDatabases();
});

/** A report queued for HUB at NOW, then changed as a test needs it. */
async function queued(changes: Partial<OutboxItem> = {}, report: Report = aReport()): Promise<OutboxItem> {
  const result = await enqueueReport(db, report, HUB, NOW);
  if (!result.ok) throw new Error(result.message);
  const item = { ...result.item, ...changes };
  await db.outbox.put(item);
  return item;
}

describe('enqueueReport', () => {
  it('stores a valid report as queued, due now, with its key and the hub it was sent to', async () => {
    const report = aReport();
    const result = await enqueueReport(db, report, '  https://Hub.Example/authority/  ', NOW);

    const expected: OutboxItem = {
      key: report.idempotencyKey,
      report,
      hub: HUB,
      status: 'queued',
      attempts: 0,
      nextAttempt: NOW.toISOString(),
      lastError: null,
      receipt: null,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    };
    expect(result).toEqual({ ok: true, item: expected });
    expect(await db.outbox.toArray()).toEqual([expected]);
  });

  it('stores a report queued twice with the same key once, as it was first queued', async () => {
    const report = aReport();
    const first = await enqueueReport(db, report, HUB, NOW);
    const again = await enqueueReport(db, { ...report, comment: 'changed my mind' }, 'https://other-hub.example', new Date(NOW.getTime() + MINUTE));

    expect(again).toEqual(first);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.outbox.get(report.idempotencyKey))?.report).toEqual(report);
  });

  it.each([
    ['a suspicious-site report without a reason', aReport({ reasons: [] }), 'reasons: tick at least one reason'],
    ['a javascript: page', aReport({ page: 'javascript:alert(1)' }), 'page: must be an http(s) address'],
    ['a page on an IP address', aReport({ page: 'http://192.168.0.1/pills' }), 'page: must be an http(s) address'],
    ['a public suffix', aReport({ page: 'https://co.uk/' }), 'page: must be an http(s) address'],
    ['a comment one character too long', aReport({ comment: 'x'.repeat(MAX_COMMENT_LENGTH + 1) }), 'comment:'],
    ['a comment with a NUL', aReport({ comment: 'pills\u0000' }), 'comment: must not contain NUL characters'],
    ['a contact without consent', { ...aReport(), contact: { email: 'person@example.org' } }, 'contact.consent:'],
    ['a contact with consent refused', { ...aReport(), contact: { email: 'person@example.org', consent: false } }, 'contact.consent:'],
    ['an extra key', { ...aReport(), browsingHistory: ['https://bank.example/'] }, 'browsingHistory'],
    ['a key that is not a UUID', aReport({ idempotencyKey: 'report-1' }), 'idempotencyKey:'],
    ['no report at all', null, ''],
  ])('refuses %s, stores nothing and says why', async (_what, report, why) => {
    const result = await enqueueReport(db, report, HUB, NOW);

    expect(result).toEqual({ ok: false, reason: 'invalid-report', message: expect.stringContaining(why) });
    expect(await db.outbox.count()).toBe(0);
  });

  it.each([null, '', 'hub.example', 'ftp://x', 'javascript:alert(1)', 'https://user:pw@hub.example', 'https://hub.example/?token=secret', 'https://hub.example/?', 'https://hub.example/#reports'])(
    'refuses a valid report when the hub is %j, and stores nothing',
    async (hubUrl) => {
      const result = await enqueueReport(db, aReport(), hubUrl, NOW);

      expect(result).toEqual({ ok: false, reason: 'no-hub', message: 'No reporting hub is set.' });
      expect(await db.outbox.count()).toBe(0);
    },
  );
});

describe('sendItem', () => {
  const deps = (post: Post = hub.post) => ({ post, now: clock(5 * SECOND), random: () => 0.5 });

  it('posts exactly the stored report, as JSON, to the hub’s /v1/reports', async () => {
    const report = aReport({ comment: '  "quotes", <tags> & ünïcödé  ', contact: { email: 'person@example.org', consent: true } });
    const item = await queued({}, report);

    await sendItem(db, item, deps());

    expect(hub.posts).toEqual([{ url: ENDPOINT, body: JSON.stringify(item.report), timeoutMs: expect.any(Number) }]);
    expect(JSON.parse(hub.posts[0]?.body ?? 'null')).toEqual(report);
    expect(hub.posts[0]?.timeoutMs).toBeGreaterThan(0);
  });

  it.each([201, 200])('marks the item sent on %i with a valid receipt, keeps the receipt and clears the last error', async (status) => {
    const item = await queued();
    hub.answers(hubError(503, 'unavailable', 'Down for maintenance.'), json(status, receiptFor(item.key, 42)));
    const retried = await sendItem(db, item, deps());
    expect(retried.lastError).not.toBeNull();

    const sent = await sendItem(db, retried, { ...deps(), now: clock(10 * MINUTE) });

    const expected: OutboxItem = {
      ...item,
      status: 'sent',
      attempts: 2,
      nextAttempt: null,
      lastError: null,
      receipt: receiptFor(item.key, 42),
      updatedAt: at(10 * MINUTE),
    };
    expect(sent).toEqual(expected);
    expect(await db.outbox.get(item.key)).toEqual(expected);
  });

  it('takes a receipt with fields a newer hub added, as long as it names this report', async () => {
    const item = await queued();
    hub.answers({ status: 201, body: JSON.stringify({ ...receiptFor(item.key, 9), addedByNewerHub: true }) });
    const next = await sendItem(db, item, deps());
    expect(next.status).toBe('sent');
    expect(next.receipt).toMatchObject({ id: 9, idempotencyKey: item.key });
  });

  it.each([
    ['an empty body', 201, ''],
    ['a body that is not JSON', 200, '<html>OK</html>'],
    ['an empty object', 201, '{}'],
    ['a receipt with an id of 0', 201, JSON.stringify({ ...receiptFor(crypto.randomUUID()), id: 0 })],
    ['no content', 204, ''],
    ['an accepted-for-later answer', 202, '{"queued":true}'],
    ['a valid receipt for another report', 201, JSON.stringify(receiptFor(crypto.randomUUID(), 7))],
  ])('keeps the item queued, as bad-receipt, on a 2xx with %s', async (_what, status, body) => {
    const item = await queued();
    hub.answers({ status, body });

    const next = await sendItem(db, item, deps());

    expect(next).toMatchObject({ status: 'queued', attempts: 1, receipt: null, nextAttempt: at(5 * SECOND + retryDelayMs(1, () => 0.5)) });
    expect(next.lastError).toEqual({ status, code: 'bad-receipt', message: 'The hub answered without a valid receipt.', at: at(5 * SECOND) });
    expect(await db.outbox.get(item.key)).toEqual(next);
  });

  it.each([
    [400, 'malformed-json', 'The body is not JSON.'],
    [413, 'body-too-large', 'A report is at most 16 KiB.'],
    [415, 'unsupported-media-type', 'Send application/json.'],
    [422, 'invalid-report', 'page: must be an http(s) address'],
  ])('marks the item refused on %i with the hub’s code and message, and never sends it again', async (status, code, message) => {
    const item = await queued();
    hub.answers(hubError(status, code, message));

    const refused = await sendItem(db, item, deps());

    expect(refused).toEqual({
      ...item,
      status: 'refused',
      attempts: 1,
      nextAttempt: null,
      lastError: { status, code, message, at: at(5 * SECOND) },
      updatedAt: at(5 * SECOND),
    });
    expect(await db.outbox.get(item.key)).toEqual(refused);
    expect(await deliverDue(db, { post: hub.post, now: clock(2 * HOUR), force: true })).toBeNull();
    expect(hub.posts).toHaveLength(1);
  });

  it.each([
    [400, ''],
    [403, 'Forbidden'],
    [404, '<html><body>Not Found</body></html>'],
    [410, '{"error":"gone-away","message":"not one of the hub’s codes"}'],
    [422, '{"message":"no error code"}'],
  ])('marks the item refused as http-%i when the body is not a hub error (%j)', async (status, body) => {
    const item = await queued();
    hub.answers({ status, body });

    const refused = await sendItem(db, item, deps());

    expect(refused).toMatchObject({ status: 'refused', attempts: 1, nextAttempt: null });
    expect(refused.lastError).toEqual({ status, code: `http-${status}`, message: `The hub answered ${status}.`, at: at(5 * SECOND) });
  });

  it.each([
    [408, { status: 408, body: '' }, 'http-408', 'The hub answered 408.'],
    [429, hubError(429, 'rate-limited', 'Too many reports; try again later.'), 'rate-limited', 'Too many reports; try again later.'],
    [500, hubError(500, 'internal', 'Something went wrong.'), 'internal', 'Something went wrong.'],
    [502, { status: 502, body: '<html>Bad Gateway</html>' }, 'http-502', 'The hub answered 502.'],
    [503, hubError(503, 'unavailable', 'Down for maintenance.'), 'unavailable', 'Down for maintenance.'],
  ])('queues the item again on %i, one attempt more, due after the back-off', async (status, answer, code, message) => {
    const item = await queued({ attempts: 2 });
    hub.answers(answer);

    const next = await sendItem(db, item, { post: hub.post, now: clock(7 * MINUTE), random: () => 0.25 });

    const expected: OutboxItem = {
      ...item,
      status: 'queued',
      attempts: 3,
      // The third attempt waits 2 minutes, stretched by 1.25.
      nextAttempt: at(7 * MINUTE + retryDelayMs(3, () => 0.25)),
      lastError: { status, code, message, at: at(7 * MINUTE) },
      updatedAt: at(7 * MINUTE),
    };
    expect(retryDelayMs(3, () => 0.25)).toBe(150 * SECOND);
    expect(next).toEqual(expected);
    expect(await db.outbox.get(item.key)).toEqual(expected);
  });

  it('queues the item again, as network, when the hub cannot be reached', async () => {
    const item = await queued();
    hub.answers(networkError());

    const next = await sendItem(db, item, deps());

    expect(next).toMatchObject({ status: 'queued', attempts: 1, nextAttempt: at(5 * SECOND + 45 * SECOND) });
    expect(next.lastError).toEqual({ status: null, code: 'network', message: 'The hub could not be reached.', at: at(5 * SECOND) });
    expect(await db.outbox.get(item.key)).toEqual(next);
  });

  it('queues the item again, as timeout, when the request was aborted', async () => {
    const item = await queued();
    hub.answers(new DOMException('This operation was aborted', 'AbortError'));

    const next = await sendItem(db, item, deps());

    expect(next).toMatchObject({ status: 'queued', attempts: 1, lastError: { status: null, code: 'timeout', message: 'The hub did not answer in time.' } });
  });

  it('still sets a valid next attempt when the random source is broken', async () => {
    const item = await queued();
    hub.answers(networkError());

    const next = await sendItem(db, item, { post: hub.post, now: clock(), random: () => Number.NaN });

    expect(next.nextAttempt).toBe(at(30 * SECOND));
  });
});

describe('sendItem through postJson to a real HTTP server on 127.0.0.1', () => {
  let server: Server;
  let base: string;
  let respond: (request: IncomingMessage, response: ServerResponse, body: string) => void;
  const received: { method: string | undefined; path: string | undefined; contentType: string | undefined; cookie: string | undefined; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        received.push({ method: request.method, path: request.url, contentType: request.headers['content-type'], cookie: request.headers.cookie, body });
        respond(request, response, body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  beforeEach(() => {
    received.length = 0;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** A report queued for the local server. */
  async function queuedForServer(report = aReport()): Promise<OutboxItem> {
    const result = await enqueueReport(db, report, `${base}/`, NOW);
    if (!result.ok) throw new Error(result.message);
    return result.item;
  }

  it('stores the receipt of a 201, after a JSON POST of exactly the report with no cookie', async () => {
    respond = (_request, response, body) => {
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end(JSON.stringify(receiptFor((JSON.parse(body) as Report).idempotencyKey, 7)));
    };
    const report = aReport({ comment: 'Ça coûte 3 € sans ordonnance' });
    const item = await queuedForServer(report);

    const sent = await sendItem(db, item, { post: postJson, now: clock() });

    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null, receipt: receiptFor(report.idempotencyKey, 7) });
    expect(received).toEqual([{ method: 'POST', path: '/v1/reports', contentType: 'application/json', cookie: undefined, body: JSON.stringify(item.report) }]);
    expect(JSON.parse(received[0]?.body ?? 'null')).toEqual(report);
  });

  it('returns a 500 and its body, and the outbox queues the item again', async () => {
    respond = (_request, response) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'internal', message: 'The database is down.' }));
    };
    const item = await queuedForServer();

    expect(await postJson(`${base}/v1/reports`, JSON.stringify(item.report), 5000)).toEqual({
      status: 500,
      body: JSON.stringify({ error: 'internal', message: 'The database is down.' }),
    });
    const next = await sendItem(db, item, { post: postJson, now: clock() });
    expect(next).toMatchObject({ status: 'queued', attempts: 1, lastError: { status: 500, code: 'internal', message: 'The database is down.' } });
  });

  it('rejects when the server resets the connection, and the outbox queues the item as network', async () => {
    respond = (request) => {
      request.socket.destroy();
    };
    const item = await queuedForServer();

    await expect(postJson(`${base}/v1/reports`, JSON.stringify(item.report), 5000)).rejects.toThrow();
    const next = await sendItem(db, item, { post: postJson, now: clock() });
    expect(next).toMatchObject({ status: 'queued', attempts: 1, receipt: null, lastError: { status: null, code: 'network' } });
  });

  it('gives up on a server that never answers, and the outbox queues the item as timeout', async () => {
    respond = () => undefined;
    const item = await queuedForServer();
    const impatient: Post = (url, body) => postJson(url, body, 50);

    await expect(impatient(`${base}/v1/reports`, '{}', 50)).rejects.toMatchObject({ name: 'AbortError' });
    const next = await sendItem(db, item, { post: impatient, now: clock() });
    expect(next).toMatchObject({ status: 'queued', attempts: 1, lastError: { status: null, code: 'timeout' } });
  });
});

describe('deliverDue', () => {
  it('sends the queued items that are due, and no others', async () => {
    const late = await queued({ nextAttempt: at(-MINUTE) });
    const onTime = await queued({ nextAttempt: at(0) });
    const future = await queued({ nextAttempt: at(MINUTE) });
    const sent = await queued({ status: 'sent', nextAttempt: null, receipt: receiptFor(crypto.randomUUID()) });
    const refused = await queued({ status: 'refused', nextAttempt: at(-HOUR) });

    const next = await deliverDue(db, { post: hub.post, now: clock() });

    expect(hub.keysSent().sort()).toEqual([late.key, onTime.key].sort());
    expect(next).toBe(future.nextAttempt);
    expect(await db.outbox.get(future.key)).toEqual(future);
    expect(await db.outbox.get(sent.key)).toEqual(sent);
    expect(await db.outbox.get(refused.key)).toEqual(refused);
  });

  it('sends future queued items too when forced, but never sent or refused ones', async () => {
    const future = await queued({ nextAttempt: at(HOUR) });
    await queued({ status: 'sent', nextAttempt: null, receipt: receiptFor(crypto.randomUUID()) });
    await queued({ status: 'refused', nextAttempt: null });

    expect(await deliverDue(db, { post: hub.post, now: clock(), force: true })).toBeNull();

    expect(hub.keysSent()).toEqual([future.key]);
    expect((await db.outbox.get(future.key))?.status).toBe('sent');
  });

  it('returns the earliest next attempt of what is still queued, its own retry included', async () => {
    const failing = await queued({ nextAttempt: at(0) });
    await queued({ nextAttempt: at(10 * MINUTE) });
    hub.answers(networkError());

    const next = await deliverDue(db, { post: hub.post, now: clock(), random: () => 0 });

    expect(next).toBe(at(30 * SECOND));
    expect((await db.outbox.get(failing.key))?.nextAttempt).toBe(at(30 * SECOND));
  });

  it('returns a later queued item’s time when it comes before the retry', async () => {
    await queued({ nextAttempt: at(0) });
    await queued({ nextAttempt: at(20 * SECOND) });
    hub.answers(networkError());

    expect(await deliverDue(db, { post: hub.post, now: clock(), random: () => 0 })).toBe(at(20 * SECOND));
  });

  it('returns null and sends nothing when nothing is queued', async () => {
    expect(await deliverDue(db, { post: hub.post, now: clock() })).toBeNull();
    expect(hub.posts).toEqual([]);
  });

  it('keeps queued items across a restart and sends them afterwards', async () => {
    const report = aReport();
    await enqueueReport(db, report, HUB, NOW);
    hub.answers(networkError());
    await deliverDue(db, { post: hub.post, now: clock(), random: () => 0 });
    db.close();

    const reopened = openDatabase(db.name);
    try {
      expect(await reopened.outbox.toArray()).toMatchObject([{ key: report.idempotencyKey, status: 'queued', attempts: 1, report }]);
      expect(await deliverDue(reopened, { post: hub.post, now: clock(31 * SECOND) })).toBeNull();
      expect(await reopened.outbox.get(report.idempotencyKey)).toMatchObject({ status: 'sent', attempts: 2, receipt: receiptFor(report.idempotencyKey) });
      expect(hub.keysSent()).toEqual([report.idempotencyKey, report.idempotencyKey]);
    } finally {
      await reopened.delete();
    }
  });

  it('sends the same key every time, so 1,000 sends store one report at the hub', async () => {
    const report = aReport();
    const { report: stored } = await queued({}, report);
    // The hub stores the report every time, but its answer is lost 999 times on the way back.
    hub.lostAnswers = 999;

    for (let i = 0; i < 1000; i++) await deliverDue(db, { post: hub.post, now: clock(), force: true });

    expect(hub.posts).toHaveLength(1000);
    expect(new Set(hub.keysSent())).toEqual(new Set([report.idempotencyKey]));
    expect(new Set(hub.posts.map((p) => p.body))).toEqual(new Set([JSON.stringify(stored)]));
    expect([...hub.stored.values()]).toEqual([report]);
    expect(await db.outbox.get(report.idempotencyKey)).toMatchObject({ status: 'sent', attempts: 1000, receipt: receiptFor(report.idempotencyKey) });
  }, 60_000);
});

describe('deleteItem', () => {
  it('deletes a queued report', async () => {
    const item = await queued();
    expect(await deleteItem(db, item.key)).toBe(true);
    expect(await db.outbox.get(item.key)).toBeUndefined();
  });

  it('deletes a refused report', async () => {
    const item = await queued({ status: 'refused', nextAttempt: null });
    expect(await deleteItem(db, item.key)).toBe(true);
    expect(await db.outbox.get(item.key)).toBeUndefined();
  });

  it('keeps a sent report, which the hub already has', async () => {
    const item = await queued({ status: 'sent', nextAttempt: null, receipt: receiptFor(crypto.randomUUID()) });
    expect(await deleteItem(db, item.key)).toBe(false);
    expect(await db.outbox.get(item.key)).toEqual(item);
  });

  it('answers false for a key it does not have, and deletes nothing', async () => {
    await queued();
    expect(await deleteItem(db, crypto.randomUUID())).toBe(false);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('retryDelayMs', () => {
  it('waits 30 s after the first failure, doubling up to one hour', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 1_000_000].map((attempts) => retryDelayMs(attempts, () => 0));
    expect(delays).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600, 3600].map((s) => s * SECOND));
  });

  it('treats no attempt yet like the first', () => {
    expect(retryDelayMs(0, () => 0)).toBe(30 * SECOND);
    expect(retryDelayMs(-5, () => 0)).toBe(30 * SECOND);
  });

  it('stretches each delay by a factor in [1, 2)', () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(45 * SECOND);
    expect(retryDelayMs(4, () => 0.75)).toBe(420 * SECOND);
    expect(retryDelayMs(20, () => 0.5)).toBe(90 * MINUTE);
    // The longest wait is just under twice the base (to the millisecond, for a base of an hour).
    expect(retryDelayMs(9, () => 1 - Number.EPSILON)).toBeGreaterThan(1.99 * HOUR);
    expect(retryDelayMs(9, () => 1 - Number.EPSILON)).toBeLessThan(2 * HOUR);
  });

  it.each([Number.NaN, -1, -Infinity, 1, 1.5, 42, Infinity])('stays within range when random returns %d', (value) => {
    const first = retryDelayMs(1, () => value);
    expect(Number.isInteger(first)).toBe(true);
    expect(first).toBeGreaterThanOrEqual(30 * SECOND);
    expect(first).toBeLessThanOrEqual(60 * SECOND);
    const capped = retryDelayMs(9, () => value);
    expect(capped).toBeGreaterThanOrEqual(HOUR);
    expect(capped).toBeLessThan(2 * HOUR);
  });

  it('uses Math.random when no random source is given, within the same range', () => {
    for (let i = 0; i < 50; i++) {
      const delay = retryDelayMs(2);
      expect(delay).toBeGreaterThanOrEqual(60 * SECOND);
      expect(delay).toBeLessThan(120 * SECOND);
    }
  });
});
