/**
 * Oversized, malformed and hostile payloads: each gets a 4xx with a machine-readable reason, and
 * nothing is stored. All of them are sent to one hub, then the table is checked to be empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_COMMENT_LENGTH } from '../../lib/reports';
import type { Database } from '../../server/src/db';
import { databaseKinds, type TestDatabase } from './support/databases';
import { startTestHub, type TestHub } from './support/hub';
import { aReport, countReports, postReport } from './support/reports';

const valid = () => aReport();
const json = (value: unknown) => JSON.stringify(value);

/** [what, body (raw text), content type, expected status, expected reason] */
const CASES: [string, string, string | null, number, string][] = [
  ['a body over the size limit', json({ ...valid(), comment: 'x'.repeat(40_000) }), 'application/json', 413, 'body-too-large'],
  ['a huge body of nested arrays', '['.repeat(50_000), 'application/json', 413, 'body-too-large'],
  ['15,000 nested arrays within the size limit', `${'['.repeat(15_000)}${']'.repeat(15_000)}`, 'application/json', 400, 'invalid-report'],
  ['text/plain', json(valid()), 'text/plain', 415, 'unsupported-media-type'],
  ['a form', 'idempotencyKey=x&kind=suspicious-site', 'application/x-www-form-urlencoded', 415, 'unsupported-media-type'],
  ['multipart', '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--b--', 'multipart/form-data; boundary=b', 415, 'unsupported-media-type'],
  ['no content type', json(valid()), null, 415, 'unsupported-media-type'],
  ['XML', '<report/>', 'application/xml', 415, 'unsupported-media-type'],
  ['broken JSON', '{"idempotencyKey": ', 'application/json', 400, 'malformed-json'],
  ['an empty body', '', 'application/json', 400, 'malformed-json'],
  ['a __proto__ key', `{"__proto__": {"polluted": true}, ${json(valid()).slice(1)}`, 'application/json', 400, 'malformed-json'],
  ['a nested __proto__ key', json(valid()).replace('"reasons"', '"contact": {"__proto__": {"polluted": true}}, "reasons"'), 'application/json', 400, 'malformed-json'],
  ['a constructor.prototype key', `{"constructor": {"prototype": {"polluted": true}}, ${json(valid()).slice(1)}`, 'application/json', 400, 'malformed-json'],
  ['an array', json([valid()]), 'application/json', 400, 'invalid-report'],
  ['null', 'null', 'application/json', 400, 'invalid-report'],
  ['a string', '"report"', 'application/json', 400, 'invalid-report'],
  ['an extra field', json({ ...valid(), cookies: 'session=abc' }), 'application/json', 400, 'invalid-report'],
  ['a missing field', json({ ...valid(), kind: undefined }), 'application/json', 400, 'invalid-report'],
  ['kind as a number', json({ ...valid(), kind: 1 }), 'application/json', 400, 'invalid-report'],
  ['an unknown kind', json({ ...valid(), kind: 'spam' }), 'application/json', 400, 'invalid-report'],
  ['reasons as a string', json({ ...valid(), reasons: 'no-prescription' }), 'application/json', 400, 'invalid-report'],
  ['an unknown reason', json({ ...valid(), reasons: ['cheap'] }), 'application/json', 400, 'invalid-report'],
  ['a reason given twice', json({ ...valid(), reasons: ['other', 'other'] }), 'application/json', 400, 'invalid-report'],
  ['a suspicious site without a reason', json({ ...valid(), reasons: [] }), 'application/json', 400, 'invalid-report'],
  ['a comment one character too long', json({ ...valid(), comment: 'x'.repeat(MAX_COMMENT_LENGTH + 1) }), 'application/json', 400, 'invalid-report'],
  ['a comment as an object', json({ ...valid(), comment: { html: '<b>' } }), 'application/json', 400, 'invalid-report'],
  ['a NUL character', json({ ...valid(), comment: 'a\u0000b' }), 'application/json', 400, 'invalid-report'],
  ['a lone surrogate', `${json(valid()).slice(0, -1)}, "comment": "\\ud800"}`.replace(/"comment":"[^"]*",/, ''), 'application/json', 400, 'invalid-report'],
  ['a page of 5,000 characters', json({ ...valid(), page: `https://rogue.example/${'a'.repeat(5000)}` }), 'application/json', 400, 'invalid-report'],
  ['a javascript: page', json({ ...valid(), page: 'javascript:alert(1)' }), 'application/json', 400, 'invalid-report'],
  ['a file: page', json({ ...valid(), page: 'file:///etc/passwd' }), 'application/json', 400, 'invalid-report'],
  ['an IP address page', json({ ...valid(), page: 'http://192.168.1.1/pills' }), 'application/json', 400, 'invalid-report'],
  ['a public suffix as the domain', json({ ...valid(), page: 'co.uk' }), 'application/json', 400, 'invalid-report'],
  ['a domain with a path', json({ ...valid(), page: 'rogue.example/pills' }), 'application/json', 400, 'invalid-report'],
  ['an e-mail without consent', json({ ...valid(), contact: { email: 'a@example.org' } }), 'application/json', 400, 'invalid-report'],
  ['an e-mail with consent false', json({ ...valid(), contact: { email: 'a@example.org', consent: false } }), 'application/json', 400, 'invalid-report'],
  ['consent as the string "true"', json({ ...valid(), contact: { email: 'a@example.org', consent: 'true' } }), 'application/json', 400, 'invalid-report'],
  ['an invalid e-mail', json({ ...valid(), contact: { email: 'not an address', consent: true } }), 'application/json', 400, 'invalid-report'],
  ['a key that is not a UUID', json({ ...valid(), idempotencyKey: "1' or '1'='1" }), 'application/json', 400, 'invalid-report'],
  ['a version with letters', json({ ...valid(), extensionVersion: '1.0<script>' }), 'application/json', 400, 'invalid-report'],
  ['a date that is not ISO', json({ ...valid(), createdAt: 'yesterday' }), 'application/json', 400, 'invalid-report'],
];

describe.each(databaseKinds)('hostile report payloads on $name', (kind) => {
  let database: TestDatabase;
  let db: Database;
  let hub: TestHub;

  beforeAll(async () => {
    database = await kind.create();
    db = await database.open();
    hub = await startTestHub(database, db);
  });
  afterAll(async () => {
    await hub.close();
    await db.close();
    await database.dispose();
  });

  it.each(CASES)('refuses %s', async (_what, body, contentType, status, reason) => {
    const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
    const response = await fetch(`${hub.url}/v1/reports`, { method: 'POST', headers, body });
    const answer = await response.json();
    expect(response.status).toBe(status);
    expect(answer).toMatchObject({ error: reason, message: expect.any(String) });
  });

  it('names the fields at fault without echoing what was sent', async () => {
    const response = await postReport(hub.url, { ...valid(), kind: 'spam', comment: 'x'.repeat(3000), extra: 'SECRET-VALUE' });
    expect(response.status).toBe(400);
    const paths = response.body.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['kind', 'comment', '']));
    expect(JSON.stringify(response.body)).not.toContain('SECRET-VALUE');
    expect(JSON.stringify(response.body)).not.toContain('xxxxxxxx');
  });

  it('stored nothing from any of them, and no prototype was polluted', async () => {
    expect(await countReports(db)).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('still accepts a valid report afterwards', async () => {
    expect((await postReport(hub.url, valid())).status).toBe(201);
    expect(await countReports(db)).toBe(1);
  });
});
