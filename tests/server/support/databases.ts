/**
 * The databases every hub test runs against: PGlite always, and a real PostgreSQL server when
 * PHARMACHECK_TEST_DATABASE_URL is set (`.ci/run` sets it). Each test gets an empty, migrated
 * database of its own: a copy of a template PGlite directory, or a fresh schema on the server.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { DatabaseConfig } from '../../../server/src/config';
import { openDatabase, openPglite, openPostgres, type Database } from '../../../server/src/db';

export interface TestDatabase {
  /** How to open this database (for a hub in a child process, say). */
  readonly config: DatabaseConfig;
  /** A directory for this test's other files (published lists). */
  readonly dir: string;
  open(): Promise<Database>;
  /** An empty database with no migration applied (a different one from `open`'s). */
  openEmpty(): Promise<Database>;
  /** PostgreSQL only: a second connection pool to the database `openEmpty` opened. */
  openEmptyAgain(): Promise<Database>;
  /** Removes everything this test created. */
  dispose(): Promise<void>;
}

export interface DatabaseKind {
  readonly name: 'pglite' | 'postgres';
  create(): Promise<TestDatabase>;
}

const postgresUrl = process.env.PHARMACHECK_TEST_DATABASE_URL;

const pglite: DatabaseKind = {
  name: 'pglite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'pharmacheck-hub-test-'));
    const dataDir = join(dir, 'pgdata');
    cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
    const config: DatabaseConfig = { kind: 'pglite', dataDir };
    return {
      config,
      dir,
      open: () => openDatabase(config),
      openEmpty: () => openPglite(join(dir, 'empty')),
      openEmptyAgain: () => Promise.reject(new Error('one PGlite instance per directory')),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

const postgres: DatabaseKind = {
  name: 'postgres',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'pharmacheck-hub-test-'));
    const schema = `hub_test_${randomBytes(6).toString('hex')}`;
    const config: DatabaseConfig = { kind: 'postgres', url: postgresUrl!, schema, poolSize: 10 };
    return {
      config,
      dir,
      open: () => openDatabase(config),
      openEmpty: () => openPostgres({ connectionString: postgresUrl!, schema: `${schema}_empty` }),
      openEmptyAgain: () => openPostgres({ connectionString: postgresUrl!, schema: `${schema}_empty` }),
      async dispose() {
        const admin = await openPostgres({ connectionString: postgresUrl! });
        await admin.query(`drop schema if exists "${schema}" cascade`);
        await admin.query(`drop schema if exists "${schema}_empty" cascade`);
        await admin.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export const databaseKinds: DatabaseKind[] = postgresUrl ? [pglite, postgres] : [pglite];
