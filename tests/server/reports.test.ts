import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportReceiptSchema } from '../../lib/reports';
import type { Database } from '../../server/src/db';
import { databaseKinds, type TestDatabase } from './support/databases';
import { startTestHub, type TestHub } from './support/hub';
import { aReport, countReports, postReport } from './support/reports';

describe.each(databaseKinds)('POST /v1/reports on $name', (kind) => {
  let database: TestDatabase;
  let db: Database;
  let hub: TestHub;

  beforeEach(async () => {
    database = await kind.create();
    db = await database.open();
    hub = await startTestHub(database, db);
  });
  afterEach(async () => {
    await hub.close();
    await db.close();
    await database.dispose();
  });

  async function storedRow(key: string) {
    const { rows } = await db.query<Record<string, unknown>>('select * from reports where idempotency_key = $1', [key]);
    return rows[0];
  }

  it('stores a valid report and answers 201 with a receipt naming the registrable domain', async () => {
    const report = aReport();
    const response = await postReport(hub.url, report);
    expect(response.status).toBe(201);
    expect(Object.keys(response.body).sort()).toEqual(['domain', 'id', 'idempotencyKey', 'receivedAt']);
    const receipt = reportReceiptSchema.parse(response.body);
    expect(receipt).toMatchObject({ idempotencyKey: report.idempotencyKey, domain: 'rogue-pharmacy.example' });
    const row = await storedRow(report.idempotencyKey);
    expect(row).toMatchObject({
      id: receipt.id,
      kind: 'suspicious-site',
      page: report.page,
      host: 'shop.rogue-pharmacy.example',
      domain: 'rogue-pharmacy.example',
      reasons: ['no-prescription', 'prices-too-low'],
      comment: report.comment,
      contact_email: null,
      extension_version: '0.1.0',
      status: 'open',
    });
    expect(new Date(row!.created_at as string).toISOString()).toBe(report.createdAt);
  });

  it('answers a repeat of the same report with 200 and the same receipt, storing it once', async () => {
    const report = aReport();
    const first = await postReport(hub.url, report);
    const second = await postReport(hub.url, report);
    const third = await postReport(hub.url, { ...report, reasons: [...report.reasons] });
    expect([first.status, second.status, third.status]).toEqual([201, 200, 200]);
    expect(second.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);
    expect(await countReports(db)).toBe(1);
  });

  it('treats the same report with its keys in another order as a repeat', async () => {
    const report = aReport();
    const reordered = Object.fromEntries(Object.entries(report).reverse());
    expect((await postReport(hub.url, report)).status).toBe(201);
    expect((await postReport(hub.url, reordered)).status).toBe(200);
    expect(await countReports(db)).toBe(1);
  });

  it('refuses a different report that reuses an idempotency key with 409, keeping the first', async () => {
    const report = aReport();
    await postReport(hub.url, report);
    const reuse = await postReport(hub.url, { ...report, comment: 'something else entirely' });
    expect(reuse.status).toBe(409);
    expect(reuse.body.error).toBe('idempotency-key-reused');
    expect((await storedRow(report.idempotencyKey))!.comment).toBe(report.comment);
    expect(await countReports(db)).toBe(1);
  });

  it.each([
    ['https://www.rogue.co.uk/cheap', 'www.rogue.co.uk', 'rogue.co.uk'],
    ['http://A.B.Rogue-Pharmacy.EXAMPLE./x', 'a.b.rogue-pharmacy.example', 'rogue-pharmacy.example'],
    ['rogue-pharmacy.example', 'rogue-pharmacy.example', 'rogue-pharmacy.example'],
    ['shop.rogue-pharmacy.example', 'shop.rogue-pharmacy.example', 'rogue-pharmacy.example'],
    ['https://pills.blogspot.com/', 'pills.blogspot.com', 'pills.blogspot.com'],
    ['https://xn--80ak6aa92e.com/', 'xn--80ak6aa92e.com', 'xn--80ak6aa92e.com'],
    ['https://аптека.рф/', 'xn--80aaouxs.xn--p1ai', 'xn--80aaouxs.xn--p1ai'],
  ])('stores %s under host %s and registrable domain %s', async (page, host, domain) => {
    const report = aReport({ page });
    const response = await postReport(hub.url, report);
    expect(response.status).toBe(201);
    expect(response.body.domain).toBe(domain);
    expect(await storedRow(report.idempotencyKey)).toMatchObject({ page, host, domain });
  });

  it('stores SQL metacharacters, quotes, backslashes and Unicode verbatim', async () => {
    const hostile = [
      "'; drop table reports; --",
      'Robert"); DELETE FROM reports WHERE (\'1\'=\'1',
      '$1 $$ $tag$ \\x00 \\\\ \\\' %_ ` ; /* */ -- E\'\\n\'',
      'Ünïcödé 💊 مرحبا 中文 \u202e reversed \t tab \n newline',
    ];
    for (const text of hostile) {
      const report = aReport({ comment: text, page: `https://rogue-pharmacy.example/?q=${encodeURIComponent(text)}&x=';--` });
      expect((await postReport(hub.url, report)).status).toBe(201);
      const row = await storedRow(report.idempotencyKey);
      expect(row!.comment).toBe(text);
      expect(row!.page).toBe(report.page);
    }
    expect(await countReports(db)).toBe(hostile.length);
  });

  it('stores a contact e-mail only with the consent flag, and a false-positive report without reasons', async () => {
    const withContact = aReport({ contact: { email: 'person@example.org', consent: true } });
    expect((await postReport(hub.url, withContact)).status).toBe(201);
    expect((await storedRow(withContact.idempotencyKey))!.contact_email).toBe('person@example.org');
    const falsePositive = aReport({ kind: 'false-positive', reasons: [], page: 'https://legit-pharmacy.example/', comment: undefined });
    expect((await postReport(hub.url, falsePositive)).status).toBe(201);
    expect(await storedRow(falsePositive.idempotencyKey)).toMatchObject({ kind: 'false-positive', reasons: [], comment: null });
  });

  describe('CORS', () => {
    const extension = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

    it('lets an extension origin send a report and read the answer', async () => {
      const response = await postReport(hub.url, aReport(), { headers: { origin: extension } });
      expect(response.status).toBe(201);
      expect(response.headers.get('access-control-allow-origin')).toBe(extension);
      const firefox = await postReport(hub.url, aReport(), { headers: { origin: 'moz-extension://4b1e8c9a-0f0e-4a43-9e6e-3d2b4c5a6f70' } });
      expect(firefox.status).toBe(201);
    });

    it('answers an extension preflight with the allowed method and header', async () => {
      const response = await fetch(`${hub.url}/v1/reports`, {
        method: 'OPTIONS',
        headers: { origin: extension, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(extension);
      expect(response.headers.get('access-control-allow-methods')).toBe('POST');
      expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
    });

    it.each([
      'https://evil.example',
      'http://127.0.0.1:8080',
      'null',
      'chrome-extension://abc@evil.example',
      'chrome-extension://abcdefghijklmnop/../x',
      'chrome-extension-evil://abcdefghijklmnopabcdefghijklmnop',
    ])('refuses web origin %s: no CORS grant on preflight, 403 on the post, nothing stored', async (origin) => {
      const preflight = await fetch(`${hub.url}/v1/reports`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const response = await postReport(hub.url, aReport(), { headers: { origin } });
      expect(response.status).toBe(403);
      expect(response.body.error).toBe('origin-not-allowed');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(await countReports(db)).toBe(0);
    });
  });
});

describe.each(databaseKinds)('POST /v1/reports configuration on $name', (kind) => {
  let database: TestDatabase;
  let db: Database;

  beforeEach(async () => {
    database = await kind.create();
    db = await database.open();
  });
  afterEach(async () => {
    await db.close();
    await database.dispose();
  });

  it('limits the rate per client: past the limit a 429 says why and nothing is stored', async () => {
    const hub = await startTestHub(database, db, { reportRateLimit: { max: 3, windowMs: 60_000 } });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await postReport(hub.url, aReport())).status);
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      const limited = await postReport(hub.url, aReport());
      expect(limited.body.error).toBe('rate-limited');
      expect(await countReports(db)).toBe(3);
    } finally {
      await hub.close();
    }
  });

  it('accepts only the configured extension origins', async () => {
    const pinned = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const hub = await startTestHub(database, db, { corsOrigins: [pinned] });
    try {
      expect((await postReport(hub.url, aReport(), { headers: { origin: pinned } })).status).toBe(201);
      const other = await postReport(hub.url, aReport(), { headers: { origin: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba' } });
      expect(other.status).toBe(403);
      const firefox = await postReport(hub.url, aReport(), { headers: { origin: 'moz-extension://4b1e8c9a-0f0e-4a43-9e6e-3d2b4c5a6f70' } });
      expect(firefox.status).toBe(403);
      expect(await countReports(db)).toBe(1);
    } finally {
      await hub.close();
    }
  });
});
