/**
 * PGlite: PostgreSQL compiled to WebAssembly, running inside the hub's process on a data directory.
 * One connection only: PGlite queues queries and runs each transaction exclusively, which is what
 * makes it safe here (and why one hub process owns a data directory; see lock.ts).
 */
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction as PgliteTransaction } from '@electric-sql/pglite';
import type { Database, QueryResult, Transaction } from './types';

function wrap(target: PGlite | PgliteTransaction): Transaction {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, [...params]);
      // rowCount is per statement (rows returned or changed); affectedRows only counts changes.
      return { rows: result.rows, rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length };
    },
    async execScript(sql: string) {
      await target.exec(sql);
    },
  };
}

/** Opens (creating if needed) a file-backed PGlite database in `dataDir`; in memory when null. */
export async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const query = wrap(pg).query;
  const held = new Map<number, Promise<unknown>>();
  return {
    kind: 'pglite',
    query,
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    exclusive<T>(lock: number, work: (db: { query: typeof query }) => Promise<T>): Promise<T> {
      const previous = held.get(lock) ?? Promise.resolve();
      const run = previous.catch(() => undefined).then(() => work({ query }));
      held.set(lock, run);
      return run;
    },
    close: () => pg.close(),
  };
}
