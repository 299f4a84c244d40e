/**
 * `GET /health`: the database's state, for a load balancer and a person. 200 when the database
 * answers within two seconds and holds every migration this hub knows; 503 otherwise, saying why
 * (`down`: no answer; `schema-behind`: migrations missing). A schema ahead of this hub (a newer
 * hub migrated during a rolling upgrade) still serves: migrations only ever add.
 */
import type { FastifyInstance } from 'fastify';
import { loadMigrations, type Database } from './db';

const TIMEOUT_MS = 2000;

export type DatabaseState = 'up' | 'down' | 'schema-behind';

export interface Health {
  readonly status: 'ok' | 'unavailable';
  readonly database: {
    readonly kind: Database['kind'];
    readonly state: DatabaseState;
    /** Migrations applied in the database, and those this hub knows. */
    readonly schemaVersion: number | null;
    readonly expectedSchemaVersion: number;
    /** How long the database took to answer. */
    readonly latencyMs: number | null;
  };
}

export async function checkHealth(db: Database, expected = loadMigrations().length): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database did not answer in time')), TIMEOUT_MS);
  });
  const began = performance.now();
  try {
    const { rows } = await Promise.race([db.query<{ v: number | null }>('select max(version)::int as v from schema_migrations'), timeout]);
    const latencyMs = Math.round((performance.now() - began) * 10) / 10;
    const schemaVersion = rows[0]?.v ?? 0;
    const state: DatabaseState = schemaVersion < expected ? 'schema-behind' : 'up';
    return { status: state === 'up' ? 'ok' : 'unavailable', database: { kind: db.kind, state, schemaVersion, expectedSchemaVersion: expected, latencyMs } };
  } catch {
    return { status: 'unavailable', database: { kind: db.kind, state: 'down', schemaVersion: null, expectedSchemaVersion: expected, latencyMs: null } };
  } finally {
    clearTimeout(timer);
  }
}

export async function healthRoutes(app: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const expected = loadMigrations().length;
  app.get('/health', async (request, reply) => {
    const health = await checkHealth(db, expected);
    if (health.status !== 'ok') request.log.warn({ database: health.database.state }, 'health check failed');
    return reply.code(health.status === 'ok' ? 200 : 503).header('cache-control', 'no-store').send(health);
  });
}
