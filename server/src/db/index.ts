export { DataDirInUseError } from './lock';
export { loadMigrations, migrate } from './migrate';
export type { Migration } from './migrate';
export { openDatabase } from './open';
export { openPglite } from './pglite';
export { openPostgres } from './postgres';
export type { Database, Queryable, QueryResult, Transaction } from './types';
export { LOCKS } from './locks';
