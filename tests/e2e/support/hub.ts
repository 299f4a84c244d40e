/** A real hub (server/, on embedded PGlite) for end-to-end tests: its configuration on 127.0.0.1. */
import { join } from 'node:path';
import type { HubConfig } from '../../../server/src/config';

/** The hub's configuration for a test: its data in `dataDir`, any port (0) or a given one to restart on. */
export function testHubConfig(dataDir: string, port = 0): HubConfig {
  return {
    port,
    host: '127.0.0.1',
    dataDir,
    database: { kind: 'pglite', dataDir: join(dataDir, 'pgdata') },
    corsOrigins: ['chrome-extension://*', 'moz-extension://*'],
    reportRateLimit: { max: 1000, windowMs: 60_000 },
    reviewRateLimit: { max: 1000, windowMs: 60_000 },
    bodyLimit: 32_768,
    trustProxy: false,
    logLevel: 'silent',
    shutdownTimeoutMs: 5_000,
  };
}

/** How many reports the hub stored about a domain. */
export async function storedReports(db: { query<T>(sql: string, params: unknown[]): Promise<{ rows: T[] }> }, domain: string): Promise<number> {
  return (await db.query<{ n: number }>('select count(*)::int as n from reports where domain = $1', [domain])).rows[0]!.n;
}
