/**
 * Serves the published files read-only under /lists/ (what subscribers and CDNs download), from
 * the database, so that every hub process serves the same bytes with the same ETag (their SHA-256).
 * Only the names of the publish layout are served (lib/publishing/layout.ts); anything else is a
 * 404 before the database is asked.
 *
 * A version's list and deltas never change: `Cache-Control: immutable` lets a CDN keep them, and
 * this process keeps the most recent in memory. `latest.json` and `index.json` change with each
 * publication: `no-cache`, so every poll is revalidated, and costs a 304 when nothing changed.
 */
import type { FastifyInstance } from 'fastify';
import { isImmutable, layoutFile } from '../../../lib/publishing';
import type { Database } from '../db';
import { HubError } from '../errors';
import { FileCache } from './file-cache';
import { readPublishedFile, type StoredFile } from './published-files';

export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE_CONTROL = 'no-cache';

/** The SHA-256 digests an If-None-Match header names (`*` matches anything). */
function knownDigests(header: string | undefined): string[] | '*' {
  if (!header) return [];
  if (header.trim() === '*') return '*';
  return header
    .split(',')
    .map((tag) => /^\s*(?:W\/)?"([0-9a-f]{64})"\s*$/.exec(tag)?.[1])
    .filter((d): d is string => d !== undefined);
}

export interface ListFileOptions {
  readonly db: Database;
  /** Bytes of immutable files kept in memory (0: none). */
  readonly cacheBytes?: number;
}

export async function listFileRoutes(app: FastifyInstance, { db, cacheBytes = 64 * 1024 * 1024 }: ListFileOptions): Promise<void> {
  const cache = new FileCache(cacheBytes);
  app.get('/*', async (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    const layout = layoutFile(path);
    if (!layout) throw new HubError(404, 'not-found', 'no such list file');
    const known = knownDigests(request.headers['if-none-match']);
    let file: StoredFile | null = isImmutable(layout) ? cache.get(path) : null;
    file ??= await readPublishedFile(db, path, known === '*' ? [] : known);
    if (!file) throw new HubError(404, 'not-found', 'no such list file');
    if (file.immutable && file.bytes) cache.set(path, file);
    reply
      .header('etag', `"${file.sha256}"`)
      .header('last-modified', file.publishedAt.toUTCString())
      .header('cache-control', file.immutable ? IMMUTABLE_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL)
      // Lists are public; any subscriber (an extension, a mirror) may read them.
      .header('access-control-allow-origin', '*');
    if (known === '*' || known.includes(file.sha256)) return reply.code(304).send();
    // Lists, deltas, latest.json, index.json and the .sig files are all JSON.
    return reply.type('application/json; charset=utf-8').send(Buffer.from(file.bytes!.buffer, file.bytes!.byteOffset, file.bytes!.byteLength));
  });
}
