/** Operations: health, structured logs that keep report contents and tokens out, headers, config. */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateKey } from '../../lib/signing';
import { ConfigError, loadConfig, type HubConfig } from '../../server/src/config';
import { loadMigrations, migrate, type Database } from '../../server/src/db';
import { checkHealth } from '../../server/src/health';
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

  it('reports health 200 with the database\'s state while it answers, and 503 once it does not', async () => {
    const hub = await startTestHub(database, db);
    const expected = loadMigrations().length;
    const ok = await fetch(`${hub.url}/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      status: 'ok',
      database: { kind: kind.name, state: 'up', schemaVersion: expected, expectedSchemaVersion: expected, latencyMs: expect.any(Number) },
    });
    await db.close();
    const down = await fetch(`${hub.url}/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({
      status: 'unavailable',
      database: { kind: kind.name, state: 'down', schemaVersion: null, expectedSchemaVersion: expected, latencyMs: null },
    });
    await hub.close();
  });

  it('reports a database that lacks migrations this hub needs as schema-behind (unavailable)', async () => {
    const empty = await database.openEmpty();
    try {
      await migrate(empty, loadMigrations().slice(0, 1));
      expect(await checkHealth(empty)).toMatchObject({ status: 'unavailable', database: { state: 'schema-behind', schemaVersion: 1, expectedSchemaVersion: loadMigrations().length } });
    } finally {
      await empty.close();
      await db.close();
    }
  });

  it('refuses to start with an export directory that holds the data directory or the signing key, or a key others can read', async () => {
    const keyDir = mkdtempSync(join(tmpdir(), 'hub-key-'));
    const keyPath = join(keyDir, 'authority-key.json');
    const goodKey = join(keyDir, 'good-key.json');
    writeFileSync(keyPath, JSON.stringify(await generateKey()), { mode: 0o644 });
    chmodSync(keyPath, 0o644);
    writeFileSync(goodKey, JSON.stringify(await generateKey()), { mode: 0o600 });
    const cases: [Partial<HubConfig>, RegExp][] = [
      [{ exportDir: database.dir, signingKeyPath: goodKey }, /PHARMACHECK_HUB_EXPORT_DIR: .* would hold the hub's data directory/],
      // The data directory's parent (the system's temporary directory) may also hold the current
      // directory, when the checkout lives there: refused either way, the first reason found named.
      [{ exportDir: join(database.dir, '..'), signingKeyPath: goodKey }, /PHARMACHECK_HUB_EXPORT_DIR: .* (would hold|holds the current directory)/],
      [{ exportDir: keyDir, signingKeyPath: goodKey }, /PHARMACHECK_HUB_EXPORT_DIR: .* would hold the signing key .*good-key\.json/],
      [{ signingKeyPath: keyPath }, /PHARMACHECK_HUB_SIGNING_KEY: the signing key .*authority-key\.json can be read by its group and others \(mode 0644\); make it its owner's only: chmod 600/],
      [{ signingKeyPath: join(keyDir, 'missing.json') }, /PHARMACHECK_HUB_SIGNING_KEY: the signing key .*missing\.json does not exist/],
    ];
    for (const [overrides, message] of cases) {
      const failure = await startTestHub(database, db, overrides).then(
        async (hub) => {
          await hub.close();
          return null;
        },
        (error: Error) => error,
      );
      expect(failure).toBeInstanceOf(ConfigError);
      expect(failure!.message).toMatch(message);
    }
    chmodSync(keyPath, 0o600);
    const exportDir = join(database.dir, 'export');
    const hub = await startTestHub(database, db, { signingKeyPath: keyPath, exportDir });
    expect((await fetch(`${hub.url}/health`)).status).toBe(200);
    await hub.close();
    await db.close();
    rmSync(keyDir, { recursive: true, force: true });
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
      retentionDays: 90,
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
      PHARMACHECK_HUB_EXPORT_DIR: '/srv/lists',
      PHARMACHECK_HUB_SIGNING_KEY: '/etc/pharmacheck/signing-key.json',
      PHARMACHECK_HUB_RETENTION_DAYS: '30',
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
      exportDir: '/srv/lists',
      signingKeyPath: '/etc/pharmacheck/signing-key.json',
      retentionDays: 30,
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
    [{ DATABASE_URL: 'postgres://x', PHARMACHECK_HUB_DATABASE_SCHEMA: 'x; drop' }, 'PHARMACHECK_HUB_DATABASE_SCHEMA'],
    [{ PHARMACHECK_HUB_DATABASE_SCHEMA: 'hub' }, 'PHARMACHECK_HUB_DATABASE_SCHEMA: applies to a PostgreSQL server only'],
    [{ PHARMACHECK_HUB_DB_POOL_SIZE: '4' }, 'PHARMACHECK_HUB_DB_POOL_SIZE: applies to a PostgreSQL server only'],
    [{ HOST: 'not a host!' }, 'HOST'],
    [{ PHARMACHECK_HUB_TRUST_PROXY: '10.0.0.1,proxy.internal' }, 'PHARMACHECK_HUB_TRUST_PROXY'],
    [{ PHARMACHECK_HUB_TRUST_PROXY: '10.0.0.0/33' }, 'PHARMACHECK_HUB_TRUST_PROXY'],
    [{ PHARMACHECK_HUB_RETENTION_DAYS: '-1' }, 'PHARMACHECK_HUB_RETENTION_DAYS'],
    [{ PHARMACHECK_HUB_CORS_ORIGINS: ' , ' }, 'PHARMACHECK_HUB_CORS_ORIGINS'],
    [{ PHARMACHECK_HUB_RATE_LIMT: '10' }, 'PHARMACHECK_HUB_RATE_LIMT: not a setting of the hub (did you mean PHARMACHECK_HUB_RATE_LIMIT?)'],
    [{ PHARMACHECK_HUB_LISTS_DIR: '/srv/lists' }, 'PHARMACHECK_HUB_LISTS_DIR: no longer used: published lists live in the database'],
  ])('refuses %o, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('reports every wrong setting at once, each on its own line, and never echoes DATABASE_URL', () => {
    const error = (() => {
      try {
        loadConfig({ PORT: 'x', DATABASE_URL: 'postgres//hub:s3cret-pw@db', PHARMACHECK_HUB_LOG_LEVEL: 'loud', PHARMACHECK_HUB_NOPE: '1' });
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const lines = error!.message.split('\n');
    expect(lines[0]).toBe('invalid hub configuration:');
    for (const name of ['PORT', 'DATABASE_URL', 'PHARMACHECK_HUB_LOG_LEVEL', 'PHARMACHECK_HUB_NOPE']) expect(lines.filter((l) => l.startsWith(`  ${name}:`))).toHaveLength(1);
    expect(error!.message).not.toContain('s3cret-pw');
  });

  it('accepts a unix-socket PostgreSQL URL, IPv6 and host-name listening addresses, and CIDR proxies', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql:///hub?host=/var/run/postgresql' }).database.kind).toBe('postgres');
    expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
    expect(loadConfig({ HOST: 'localhost' }).host).toBe('localhost');
    expect(loadConfig({ PHARMACHECK_HUB_TRUST_PROXY: '10.0.0.0/8, ::1, loopback' }).trustProxy).toEqual(['10.0.0.0/8', '::1', 'loopback']);
  });
});
