/**
 * Reviewer and publisher endpoints refuse missing, malformed, wrong, unknown, revoked and expired
 * credentials; a reviewer cannot publish; only a hash of each secret is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, revokeToken, verifyToken } from '../../server/src/auth';
import type { Database } from '../../server/src/db';
import { databaseKinds, type TestDatabase } from './support/databases';
import { startTestHub, type TestHub } from './support/hub';
import { call, tokenFor } from './support/tokens';

const REVIEWER_ENDPOINTS: [string, string, unknown?][] = [
  ['GET', '/v1/review/me'],
  ['GET', '/v1/review/groups'],
  ['POST', '/v1/review/decisions', { action: 'reject', domain: 'rogue.example', kind: 'suspicious-site', reportIds: [1] }],
  ['GET', '/v1/review/lists'],
  ['GET', '/v1/review/lists/test-list/draft'],
  ['GET', '/v1/review/audit'],
];
const PUBLISHER_ENDPOINTS: [string, string, unknown?][] = [
  ['POST', '/v1/lists/test-list/publish', {}],
  [
    'PUT',
    '/v1/lists/test-list',
    { meta: { id: 'test-list', name: 'Test', publisher: { name: 'Authority', type: 'authority' }, kind: 'block' }, validityDays: 30 },
  ],
];
const ALL = [...REVIEWER_ENDPOINTS, ...PUBLISHER_ENDPOINTS];

describe.each(databaseKinds)('authentication on $name', (kind) => {
  let database: TestDatabase;
  let db: Database;
  let hub: TestHub;
  let reviewer: string;
  let publisher: string;
  let expired: string;
  let revoked: string;

  beforeAll(async () => {
    database = await kind.create();
    db = await database.open();
    hub = await startTestHub(database, db);
    reviewer = await tokenFor(db, 'reviewer');
    publisher = await tokenFor(db, 'publisher');
    expired = (await createToken(db, 'publisher', 1, 'expired', new Date(Date.now() - 2 * 86_400_000))).token;
    const toRevoke = await createToken(db, 'publisher', 1, 'revoked');
    await revokeToken(db, toRevoke.id);
    revoked = toRevoke.token;
  });
  afterAll(async () => {
    await hub.close();
    await db.close();
    await database.dispose();
  });

  async function send(method: string, path: string, body: unknown, headers: Record<string, string>) {
    const response = await fetch(`${hub.url}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { error: string }, headers: response.headers };
  }

  const wrongSecret = () => publisher.slice(0, -4) + (publisher.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  const unknownId = () => publisher.replace(/^phc_[0-9a-f]{16}/, 'phc_0000000000000000');
  const credentials: [string, () => Record<string, string>, string][] = [
    ['no credentials', () => ({}), 'unauthorized'],
    ['an empty bearer', () => ({ authorization: 'Bearer ' }), 'unauthorized'],
    ['another scheme', () => ({ authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` }), 'unauthorized'],
    ['a malformed token', () => ({ authorization: 'Bearer not-a-token' }), 'unauthorized'],
    ['the token without "Bearer"', () => ({ authorization: publisher }), 'unauthorized'],
    ['a wrong secret', () => ({ authorization: `Bearer ${wrongSecret()}` }), 'unauthorized'],
    ['an unknown token id', () => ({ authorization: `Bearer ${unknownId()}` }), 'unauthorized'],
    ['a revoked token', () => ({ authorization: `Bearer ${revoked}` }), 'unauthorized'],
    ['an expired token', () => ({ authorization: `Bearer ${expired}` }), 'token-expired'],
    ['the token as a query parameter', () => ({}), 'unauthorized'],
  ];

  for (const [what, headers, reason] of credentials) {
    it(`refuses ${what} on every reviewer and publisher endpoint with 401 ${reason}`, async () => {
      for (const [method, path, body] of ALL) {
        const target = what.includes('query') ? `${path}?token=${encodeURIComponent(publisher)}` : path;
        const response = await send(method, target, body, headers());
        expect({ path, status: response.status, error: response.body.error }).toEqual({ path, status: 401, error: reason });
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      }
    });
  }

  it('lets a reviewer review but not publish or manage lists (403 forbidden)', async () => {
    for (const [method, path, body] of REVIEWER_ENDPOINTS) {
      const response = await send(method, path, body, { authorization: `Bearer ${reviewer}` });
      expect({ path, ok: response.status !== 401 && response.status !== 403 }).toEqual({ path, ok: true });
    }
    for (const [method, path, body] of PUBLISHER_ENDPOINTS) {
      const response = await send(method, path, body, { authorization: `Bearer ${reviewer}` });
      expect({ path, status: response.status, error: response.body.error }).toEqual({ path, status: 403, error: 'forbidden' });
    }
    expect((await db.query('select * from lists')).rowCount).toBe(0);
  });

  it('lets a publisher review and publish', async () => {
    const me = await call(hub.url, '/v1/review/me', publisher);
    expect(me.body).toMatchObject({ role: 'publisher', label: 'publisher test' });
    const [, path, body] = PUBLISHER_ENDPOINTS[1]!;
    expect((await call(hub.url, path, publisher, { method: 'PUT', body })).status).toBe(201);
    expect((await call(hub.url, '/v1/lists/test-list/publish', publisher, { method: 'POST', body: {} })).status).toBe(201);
  });

  it('stores only a SHA-256 of each secret, never the secret', async () => {
    const created = await createToken(db, 'reviewer', 1, 'hash check');
    const secret = created.token.slice('phc_0123456789abcdef_'.length);
    const { rows } = await db.query<Record<string, string>>('select * from tokens where id = $1', [created.id]);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(secret);
    expect(rows[0]!.secret_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('checks expiry against the time of the request', async () => {
    const created = await createToken(db, 'reviewer', 1, 'expiry');
    const now = new Date();
    expect((await verifyToken(db, created.token, now)).ok).toBe(true);
    expect(await verifyToken(db, created.token, new Date(now.getTime() + 86_400_000 + 1000))).toEqual({ ok: false, problem: 'expired' });
  });
});
