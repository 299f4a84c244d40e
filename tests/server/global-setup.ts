/**
 * Once per run: an initialised, migrated PGlite data directory that each test copies (creating one
 * from scratch takes seconds; copying takes a fraction of one), and a check that the PostgreSQL
 * server named by PHARMACHECK_TEST_DATABASE_URL answers, so a misconfigured run fails loudly
 * instead of silently testing PGlite only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate, openPglite } from '../../server/src/db';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), 'pharmacheck-hub-template-'));
  const template = join(root, 'pgdata');
  const db = await openPglite(template);
  await migrate(db);
  await db.close();
  project.provide('pgliteTemplate', template);

  const url = process.env.PHARMACHECK_TEST_DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect().catch((error: Error) => {
      throw new Error(`PHARMACHECK_TEST_DATABASE_URL is set but PostgreSQL does not answer: ${error.message}`);
    });
    await client.end();
  }
  return () => rmSync(root, { recursive: true, force: true });
}
