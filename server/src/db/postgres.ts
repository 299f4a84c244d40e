/**
 * A PostgreSQL server through node-postgres' pool. Each transaction holds one pooled connection
 * from BEGIN to COMMIT; a report is acknowledged only after its COMMIT returned.
 */
import pg from 'pg';
import type { Database, QueryResult, Transaction } from './types';

export interface PostgresOptions {
  readonly connectionString: string;
  readonly poolSize?: number;
  /** A schema to work in instead of `public` (tests use one per run); created if missing. */
  readonly schema?: string;
}

type Client = pg.Pool | pg.PoolClient;

function wrap(client: Client): Transaction {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await client.query(sql, [...params]);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
    },
    async execScript(sql: string) {
      await client.query(sql);
    },
  };
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const schema = options.schema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`not a schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    // search_path is a connection setting; the name was checked above, so quoting it is safe.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection dropped by the server must not crash the hub; the next query reconnects.
  pool.on('error', () => {});
  if (schema) await pool.query(`create schema if not exists "${schema}"`);
  const db: Database = {
    kind: 'postgres',
    query: wrap(pool).query,
    exclusive: (lock, work) =>
      db.transaction(async (tx) => {
        await tx.query('select pg_advisory_xact_lock($1)', [lock]);
        return work(tx);
      }),
    async transaction(work) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('begin');
        const result = await work(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is discarded rather than returned to the pool.
        await client.query('rollback').catch(() => (broken = true));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
  return db;
}
