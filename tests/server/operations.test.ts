/** Operations: health, structured logs that keep report contents and tokens out, headers, config. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config';
import type { Database } from '../../server/src/db';
import { databaseKinds, type TestDatabase } from './support/databases';
import { startTestHub } from './support/hub';
import { aReport, postReport } from './support/reports';
import { call, tokenFor } from './support/tokens';

describe.each(databaseKinds)('operations on $name', (kind) => {
  let database: TestDatabase;
  let db: Database;

  beforeEach(async () => {
    database = await kind.create();
    db = await database.open();
  });
  afterEach(async () => {
    await database.dispose();
  });

  it('reports health 200 while the database answers, and 503 once it does not', async () => {
    const hub = await startTestHub(database, db);
    const ok = await fetch(`${hub.url}/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok', database: kind.name });
    await db.close();
    const down = await fetch(`${hub.url}/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', database: kind.name });
    await hub.close();
  });

  it('logs JSON lines at info without report contents or tokens', async () => {
    const hub = await startTestHub(database, db, { logLevel: 'info' });
    const token = await tokenFor(db, 'publisher');
    const secretText = 'MY-PRIVATE-COMMENT-7f3a';
    const report = aReport({ comment: secretText, page: 'https://private-page.rogue.example/secret-path', contact: { email: 'me@private.example', consent: true } });
    const stored = await postReport(hub.url, report);
    expect(stored.status).toBe(201);
    await postReport(hub.url, { ...report, comment: 12 });
    await call(hub.url, '/v1/review/groups', token);
    await call(hub.url, '/v1/review/me', `${token.slice(0, -3)}xyz`);
    await fetch(`${hub.url}/v1/review/groups?token=${token}`);
    await hub.close();
    await db.close();

    const lines = hub.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.every((l) => typeof l.level === 'number' && typeof l.time === 'number' && typeof l.msg === 'string')).toBe(true);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'report stored', reportId: stored.body.id, created: true }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'request refused', refused: 'invalid-report' }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'request completed', method: 'POST', route: '/v1/reports', status: 201 }));
    const all = hub.logs.join('\n');
    for (const secret of [secretText, 'secret-path', 'private-page', 'me@private.example', report.idempotencyKey, token, token.slice('phc_0123456789abcdef_'.length)]) {
      expect(all).not.toContain(secret);
    }
  });

  it('sends security headers and a CSP on every answer', async () => {
    const hub = await startTestHub(database, db);
    for (const path of ['/health', '/v1/review/me', '/nowhere', '/review/']) {
      const response = await fetch(`${hub.url}${path}`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    }
    await hub.close();
    await db.close();
  });
});

describe('configuration from the environment', () => {
  it('has safe defaults: loopback only, PGlite under .cache/hub, extension origins only', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      database: { kind: 'pglite', dataDir: expect.stringMatching(/\.cache\/hub\/pgdata$/) },
      listsDir: expect.stringMatching(/\.cache\/hub\/lists$/),
      corsOrigins: ['chrome-extension://*', 'moz-extension://*'],
      reportRateLimit: { max: 30, windowMs: 60_000 },
      bodyLimit: 32_768,
      trustProxy: false,
      logLevel: 'info',
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://hub:pw@db.internal:5432/hub',
      PHARMACHECK_HUB_DATABASE_SCHEMA: 'hub',
      PHARMACHECK_HUB_DB_POOL_SIZE: '4',
      PHARMACHECK_HUB_DATA_DIR: '/var/lib/hub',
      PHARMACHECK_HUB_LISTS_DIR: '/srv/lists',
      PHARMACHECK_HUB_CORS_ORIGINS: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop, moz-extension://*',
      PHARMACHECK_HUB_RATE_LIMIT: '10',
      PHARMACHECK_HUB_REVIEW_RATE_LIMIT: '100',
      PHARMACHECK_HUB_RATE_WINDOW_SECONDS: '30',
      PHARMACHECK_HUB_BODY_LIMIT: '8192',
      PHARMACHECK_HUB_TRUST_PROXY: '10.0.0.1,10.0.0.2',
      PHARMACHECK_HUB_LOG_LEVEL: 'warn',
      PHARMACHECK_HUB_SHUTDOWN_TIMEOUT_SECONDS: '5',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      database: { kind: 'postgres', url: 'postgres://hub:pw@db.internal:5432/hub', schema: 'hub', poolSize: 4 },
      listsDir: '/srv/lists',
      corsOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://*'],
      reportRateLimit: { max: 10, windowMs: 30_000 },
      reviewRateLimit: { max: 100, windowMs: 30_000 },
      bodyLimit: 8192,
      trustProxy: ['10.0.0.1', '10.0.0.2'],
      logLevel: 'warn',
      shutdownTimeoutMs: 5000,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ PHARMACHECK_HUB_CORS_ORIGINS: '*' }, 'PHARMACHECK_HUB_CORS_ORIGINS'],
    [{ PHARMACHECK_HUB_CORS_ORIGINS: 'https://evil.example/path' }, 'PHARMACHECK_HUB_CORS_ORIGINS'],
    [{ PHARMACHECK_HUB_BODY_LIMIT: '10' }, 'PHARMACHECK_HUB_BODY_LIMIT'],
    [{ PHARMACHECK_HUB_LOG_LEVEL: 'loud' }, 'PHARMACHECK_HUB_LOG_LEVEL'],
    [{ PHARMACHECK_HUB_DATABASE_SCHEMA: 'x; drop' }, 'PHARMACHECK_HUB_DATABASE_SCHEMA'],
  ])('refuses %o, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
