/**
 * A running hub: database opened and migrated, app listening. `close()` stops accepting
 * connections, lets requests in flight finish (a report is answered only after its commit), then
 * closes the database. `serve()` adds the process's signal handling around it.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp, type LogStream } from './app';
import type { HubConfig } from './config';
import { openDatabase, type Database } from './db';

export interface RunningHub {
  readonly app: FastifyInstance;
  readonly db: Database;
  /** http://host:port, with the port actually bound (PORT=0 picks a free one). */
  readonly url: string;
  close(): Promise<void>;
}

export async function startHub(config: HubConfig, options: { db?: Database; logStream?: LogStream } = {}): Promise<RunningHub> {
  const db = options.db ?? (await openDatabase(config.database));
  let app: FastifyInstance;
  try {
    app = await buildApp({ config, db, logStream: options.logStream });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    if (!options.db) await db.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closing: Promise<void> | null = null;
  return {
    app,
    db,
    url: `http://${host}:${port}`,
    close: () =>
      (closing ??= (async () => {
        await app.close();
        if (!options.db) await db.close();
      })()),
  };
}

/** Runs the hub until SIGTERM or SIGINT, then shuts down gracefully (forced after the timeout). */
export async function serve(config: HubConfig): Promise<void> {
  const hub = await startHub(config);
  const log = hub.app.log;
  log.info({ database: hub.db.kind, ...(config.exportDir ? { exportDir: config.exportDir } : {}) }, 'hub ready');
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    // Anything not answered by then was never acknowledged; its client retries.
    setTimeout(() => {
      log.error('shutdown timed out: exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    hub.close().then(
      () => {
        log.info('hub stopped');
        process.exit(0);
      },
      (error: Error) => {
        log.error({ err: { message: error.message } }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
