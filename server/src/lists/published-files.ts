/**
 * The published files, in the database (migration 002): what every hub process serves under
 * /lists/ and what an export writes out. A file's ETag is its SHA-256, the same in every process.
 */
import { createHash } from 'node:crypto';
import { listSchema, type List } from '../../../lib/lists';
import { isImmutable, layoutFile } from '../../../lib/publishing';
import type { Queryable } from '../db';

export interface StoredFile {
  readonly sha256: string;
  readonly immutable: boolean;
  readonly publishedAt: Date;
  /** Null when the caller already holds these bytes (its ETag matched). */
  readonly bytes: Uint8Array | null;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Both drivers' bytea: a Buffer (pg) or a Uint8Array (PGlite). */
const asBytes = (value: Uint8Array) => (value instanceof Uint8Array ? value : new Uint8Array(value));

/** One file; its bytes only when none of `known` (SHA-256 digests the client holds) matches it. */
export async function readPublishedFile(db: Queryable, path: string, known: readonly string[] = []): Promise<StoredFile | null> {
  const { rows } = await db.query<{ sha256: string; immutable: boolean; published_at: Date | string; bytes: Uint8Array | null }>(
    `select sha256, immutable, published_at, case when sha256 = any($2::text[]) then null else bytes end as bytes
     from published_files where path = $1`,
    [path, known],
  );
  const row = rows[0];
  if (!row) return null;
  return { sha256: row.sha256, immutable: row.immutable, publishedAt: new Date(row.published_at), bytes: row.bytes === null ? null : asBytes(row.bytes) };
}

/**
 * Writes a publication's files in the caller's transaction. A version's own files are inserted
 * (a second insert of one is an error: they never change); latest.json, its signature and
 * index.json replace the previous ones.
 */
export async function writePublishedFiles(tx: Queryable, files: ReadonlyMap<string, Uint8Array>, version: number): Promise<void> {
  for (const [path, bytes] of files) {
    const file = layoutFile(path);
    if (!file) throw new Error(`not a name of the publish layout: ${path}`);
    const listId = file.kind === 'index' ? null : file.id;
    const params = [path, listId, file.kind === 'index' ? null : version, bytes, sha256Of(bytes), isImmutable(file)];
    await tx.query(
      isImmutable(file)
        ? 'insert into published_files (path, list_id, version, bytes, sha256, immutable) values ($1, $2, $3, $4, $5, $6)'
        : `insert into published_files (path, list_id, version, bytes, sha256, immutable) values ($1, $2, $3, $4, $5, $6)
           on conflict (path) do update set version = excluded.version, bytes = excluded.bytes, sha256 = excluded.sha256, published_at = now()`,
      params,
    );
  }
}

/** The bytes of the given paths as the database holds them. */
export async function readBack(tx: Queryable, paths: readonly string[]): Promise<Map<string, Uint8Array>> {
  const { rows } = await tx.query<{ path: string; bytes: Uint8Array }>('select path, bytes from published_files where path = any($1::text[])', [paths]);
  return new Map(rows.map((r) => [r.path, asBytes(r.bytes)]));
}

/** The highest version whose full list was ever written for this list. */
export async function highestPublishedVersion(tx: Queryable, listId: string): Promise<number> {
  const { rows } = await tx.query<{ v: number | null }>(
    `select max(version)::int as v from published_files where list_id = $1 and path = $1 || '/v' || version || '.json'`,
    [listId],
  );
  return rows[0]?.v ?? 0;
}

/** The most recent earlier versions of a list (newest first): what deltas are made from. */
export async function recentVersions(tx: Queryable, listId: string, before: number, count: number): Promise<List[]> {
  if (count === 0) return [];
  const { rows } = await tx.query<{ bytes: Uint8Array }>(
    `select bytes from published_files where list_id = $1 and path = $1 || '/v' || version || '.json' and version < $2
     order by version desc limit $3`,
    [listId, before, count],
  );
  // Our own files, but read back through the schema all the same: an older hub may have written them.
  return rows.map((r) => listSchema.parse(JSON.parse(new TextDecoder().decode(asBytes(r.bytes)))));
}

/** Every published file (for an export). */
export async function allPublishedFiles(db: Queryable): Promise<Map<string, Uint8Array>> {
  const { rows } = await db.query<{ path: string; bytes: Uint8Array }>('select path, bytes from published_files order by path');
  return new Map(rows.map((r) => [r.path, asBytes(r.bytes)]));
}
