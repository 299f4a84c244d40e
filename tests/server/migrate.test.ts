import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, type Database } from '../../server/src/db';
import { databaseKinds, type TestDatabase } from './support/databases';

const tableExists = async (db: Database, name: string) =>
  (await db.query("select 1 from information_schema.tables where table_name = $1 and table_schema = current_schema()", [name])).rowCount > 0;

describe.each(databaseKinds)('migrations on $name', (kind) => {
  let database: TestDatabase;
  let db: Database;
  let dir: string;

  beforeEach(async () => {
    database = await kind.create();
    db = await database.openEmpty();
    dir = mkdtempSync(join(tmpdir(), 'pharmacheck-migrations-'));
  });
  afterEach(async () => {
    await db.close();
    await database.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies every migration once, records it, and applies nothing on a restart', async () => {
    const all = loadMigrations();
    expect(await migrate(db)).toEqual(all.map((m) => m.name));
    expect(await migrate(db)).toEqual([]);
    const { rows } = await db.query<{ version: number; name: string }>('select version, name from schema_migrations order by version');
    expect(rows).toEqual(all.map((m) => ({ version: m.version, name: m.name })));
    for (const table of ['reports', 'tokens', 'lists', 'decisions', 'draft_entries', 'audit_log']) expect(await tableExists(db, table)).toBe(true);
  });

  it('migrates once when two hubs start at the same time', async () => {
    // Two connections to the same database (PGlite: one instance serves both, as it would).
    const other = kind.name === 'postgres' ? await database.openEmptyAgain() : db;
    try {
      const [a, b] = await Promise.all([migrate(db), migrate(other)]);
      expect([...a, ...b].sort()).toEqual(loadMigrations().map((m) => m.name));
      expect((await db.query('select count(*)::int as n from schema_migrations')).rows).toEqual([{ n: loadMigrations().length }]);
    } finally {
      if (other !== db) await other.close();
    }
  });

  it('rolls a failing migration back entirely and applies it once it is fixed', async () => {
    copyFileSync(join(import.meta.dirname, '../../server/src/db/migrations/001-initial.sql'), join(dir, '001-initial.sql'));
    writeFileSync(join(dir, '002-broken.sql'), 'create table half_done (id int);\nselect 1 / 0;\n');
    await expect(migrate(db, loadMigrations(dir))).rejects.toThrow(/division by zero/);
    expect(await tableExists(db, 'reports')).toBe(true);
    expect(await tableExists(db, 'half_done')).toBe(false);
    expect((await db.query('select version from schema_migrations')).rows).toEqual([{ version: 1 }]);

    writeFileSync(join(dir, '002-broken.sql'), 'create table half_done (id int);\n');
    expect(await migrate(db, loadMigrations(dir))).toEqual(['002-broken.sql']);
    expect(await tableExists(db, 'half_done')).toBe(true);
  });
});

describe('migration files', () => {
  it('refuses a gap in the numbering or a badly formed name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pharmacheck-migrations-'));
    try {
      writeFileSync(join(dir, '001-a.sql'), 'select 1;');
      writeFileSync(join(dir, '003-c.sql'), 'select 1;');
      expect(() => loadMigrations(dir)).toThrow(/without gaps/);
      writeFileSync(join(dir, '2-b.sql'), 'select 1;');
      expect(() => loadMigrations(dir)).toThrow(/001-what.sql/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
