/** `npm run hub -- <command>`: tokens and lists administered from the command line. */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyToken } from '../../server/src/auth';
import { getList } from '../../server/src/lists/store';
import { databaseEnv } from './support/child-hub';
import { databaseKinds, type TestDatabase } from './support/databases';
import { clockEnv } from './support/clock-env';

const CLI = resolve(import.meta.dirname, '../../server/src/cli/index.ts');
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
});
