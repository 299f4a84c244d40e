/**
 * The hub talks to PostgreSQL through this small interface, so the same SQL runs on PGlite (embedded,
 * in-process) and on a PostgreSQL server (node-postgres). SQL is always written with `$1`-style
 * parameters; values never enter the SQL text.
 */
export interface QueryResult<Row> {
  readonly rows: Row[];
  readonly rowCount: number;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
}

export interface Transaction extends Queryable {
  /**
   * Runs a script of several statements without parameters. For migrations only: their SQL is a
   * file in this repository, never built from input.
   */
  execScript(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Runs `work` holding `lock` against every other process on this database (locks.ts). On a
   * PostgreSQL server: an advisory lock in a transaction of its own. On PGlite, which one process
   * owns: an in-process lock, so that long work (writing an export) does not stop every other query.
   */
  exclusive<T>(lock: number, work: (db: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
