/** `pharmacheck-hub <command>` (`npm run hub -- <command>`): the hub administered from the command line. */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publicPart } from '../../lib/signing';
import { loadPublishDirectory } from '../../lib/toolkit/load-lists';
import { verifyToken } from '../../server/src/auth';
import { getList } from '../../server/src/lists/store';
import { databaseEnv } from './support/child-hub';
import { databaseKinds, type TestDatabase } from './support/databases';
import { clockEnv } from './support/clock-env';

const CLI = resolve(import.meta.dirname, '../../server/src/cli/index.ts');
const REGISTER_CSV = 'Nom;Site internet;Numéro;Date\nPharmacie A;www.pharmacie-a.example;A-1;01/02/2020\nPharmacie B;pharmacie-b.example;B-2;2021-03-04\n';
const run = promisify(execFile);

describe.each(databaseKinds)('the hub command line on $name', (kind) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await kind.create();
  });
  afterEach(async () => {
    await database.dispose();
  });

  const hub = async (...args: string[]) => {
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { PATH: process.env.PATH, ...clockEnv(), ...databaseEnv(database) } });
      return { code: 0, stdout, stderr: '' };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const withDb = async <T>(work: (db: Awaited<ReturnType<TestDatabase['open']>>) => Promise<T>) => {
    const db = await database.open();
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  };

  it('creates a token shown once, which then authenticates, and revokes it', async () => {
    const created = await hub('create-token', '--role', 'reviewer', '--days', '30', '--label', 'Alice Martin');
    expect(created.code).toBe(0);
    const token = /^(phc_[0-9a-f]{16}_\S{43})$/m.exec(created.stdout)![1]!;
    const check = await withDb((db) => verifyToken(db, token));
    expect(check).toMatchObject({ ok: true, owner: { role: 'reviewer', label: 'Alice Martin' } });
    const id = token.split('_')[1]!;
    expect((await hub('list-tokens')).stdout).toMatch(new RegExp(`${id}\\s+reviewer\\s+active`));
    expect((await hub('revoke-token', id)).stdout).toContain(`Revoked token ${id}`);
    expect(await withDb((db) => verifyToken(db, token))).toEqual({ ok: false, problem: 'wrong' });
  });

  it('creates a list from options, and names the option at fault when one is wrong (exit 2)', async () => {
    const created = await hub('create-list', '--id', 'fr-ansm', '--name', 'Sites illégaux', '--publisher', 'ANSM', '--country', 'FR', '--validity-days', '14');
    expect(created.code).toBe(0);
    const list = await withDb((db) => getList(db, 'fr-ansm'));
    expect(list).toMatchObject({ meta: { id: 'fr-ansm', name: 'Sites illégaux', kind: 'block', publisher: { name: 'ANSM', type: 'authority', country: 'FR' } }, validityDays: 14, version: 0 });
    const wrong = await hub('create-list', '--id', 'Bad Id', '--name', 'x', '--publisher', 'y');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--id:');
    const role = await hub('create-token', '--role', 'admin');
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('--role:');
  });

  // Nine child processes: once, on the embedded database. The SQL behind these commands runs on
  // both databases in registers.test.ts, export.test.ts and retention.test.ts.
  if (kind.name === 'pglite') it('imports a register, publishes it, exports it for a static host, and applies the retention policy', async () => {
    expect((await hub('create-list', '--id', 'fr-register', '--name', 'Registre', '--publisher', 'Ordre (test)', '--kind', 'allow')).stdout).toContain('Created allowlist fr-register.');
    const good = join(database.dir, 'register.csv');
    writeFileSync(good, REGISTER_CSV);
    const bad = join(database.dir, 'register-bad.csv');
    writeFileSync(bad, `${REGISTER_CSV}Pharmacie C;co.uk;C-3;2021-03-04\nPharmacie D;pharmacie-d.example;;2021-03-04\n`);
    const refused = await hub('import-register', '--list', 'fr-register', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad}: line 4: website: public-suffix: co.uk\n${bad}: line 5: no registration number\n`);
    expect(refused.stderr).toContain('2 bad lines; nothing changed (--skip-bad-lines imports the good lines)');
    expect(await withDb(async (db) => (await getList(db, 'fr-register'))!.draftEntries)).toBe(0);
    const imported = await hub('import-register', '--list', 'fr-register', good);
    expect(imported.stdout).toContain('Imported 2 pharmacies into the draft of fr-register: 2 added, 0 removed, 0 changed, 0 unchanged.');
    expect((await hub('publish', '--list', 'fr-register')).stdout).toMatch(/^Published fr-register version 1 \(2 entries\)/);

    const site = join(database.dir, 'site');
    expect((await hub('export', '--out', site)).stdout).toContain(`Exported 5 files to ${site}.`);
    const key = JSON.parse(readFileSync(join(database.dir, 'signing-key.json'), 'utf8'));
    const [held] = await loadPublishDirectory(site, [publicPart(key)], new Date());
    expect(held!.list.entries.map((e) => [e.domain, e.evidence.reference, e.note])).toEqual([
      ['pharmacie-a.example', 'A-1', 'Pharmacie A'],
      ['pharmacie-b.example', 'B-2', 'Pharmacie B'],
    ]);
    const unsafe = await hub('export', '--out', database.dir);
    expect(unsafe.code).toBe(1);
    expect(unsafe.stderr).toMatch(/--out: .* would hold the signing key/);

    const retention = await hub('retention', '--grace-days', '30');
    expect(retention.stdout).toMatch(/^Deleted 0 reporters' e-mail addresses of reports decided before .* \(30 days ago\)\./);
    const audit = await withDb((db) => db.query<{ action: string }>('select action from audit_log order by id'));
    expect(audit.rows.map((r) => r.action)).toEqual(['create-list', 'import-register', 'publish', 'export', 'retention']);
    expect((await hub('retention', '--grace-days', 'soon')).code).toBe(2);
  }, 180_000);
});
