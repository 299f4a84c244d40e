/** Opens the configured database, takes the PGlite data directory's lock, and migrates. */
import type { DatabaseConfig } from '../config';
import { dirname } from 'node:path';
import { mkdirSync } from 'node:fs';
import { lockDataDir } from './lock';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Database } from './types';

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const db = await connect(config);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

async function connect(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    return openPostgres({ connectionString: config.url, schema: config.schema, poolSize: config.poolSize });
  }
  const lockDir = dirname(config.dataDir);
  mkdirSync(lockDir, { recursive: true });
  const unlock = lockDataDir(lockDir);
  try {
    const db = await openPglite(config.dataDir);
    return { ...db, close: () => db.close().finally(unlock) };
  } catch (error) {
    unlock();
    throw error;
  }
}
