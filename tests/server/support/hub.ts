/**
 * A hub on 127.0.0.1 with an ephemeral port, in this process, on a test database. Real HTTP:
 * tests talk to it with fetch, as the extension and the review page do.
 */
import type { HubConfig } from '../../../server/src/config';
import type { Database } from '../../../server/src/db';
import { startHub, type RunningHub } from '../../../server/src/hub';
import type { TestDatabase } from './databases';

export function testConfig(database: TestDatabase, overrides: Partial<HubConfig> = {}): HubConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: database.dir,
    database: database.config,
    corsOrigins: ['chrome-extension://*', 'moz-extension://*'],
    reportRateLimit: { max: 100_000, windowMs: 60_000 },
    reviewRateLimit: { max: 100_000, windowMs: 60_000 },
    bodyLimit: 32_768,
    trustProxy: false,
    logLevel: 'silent',
    shutdownTimeoutMs: 10_000,
    ...overrides,
  };
}

export interface TestHub extends RunningHub {
  readonly config: HubConfig;
  /** Log lines written so far (when started with a log level other than silent). */
  readonly logs: string[];
}

export async function startTestHub(database: TestDatabase, db: Database, overrides: Partial<HubConfig> = {}): Promise<TestHub> {
  const config = testConfig(database, overrides);
  const logs: string[] = [];
  const hub = await startHub(config, { db, logStream: { write: (line) => void logs.push(line) } });
  return { ...hub, config, logs };
}
