/**
 * Serves the published list files read-only under /lists/ (what subscribers download). Only names
 * of the toolkit's publish layout are served (`index.json`, `<id>/latest.json`, `<id>/v<N>.json`,
 * `<id>/delta-<M>-<N>.json`, a `.sig` beside each), resolved inside the lists directory; anything
 * else is a 404. ETags let a subscriber's periodic check cost a 304.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { HubError } from '../errors';

const SERVED = /^(?:[a-z0-9][a-z0-9-]{0,63}\/)?[a-z0-9][a-z0-9-]{0,127}\.json(?:\.sig)?$/;

export async function listFileRoutes(app: FastifyInstance, { listsDir }: { listsDir: string }): Promise<void> {
  const root = resolve(listsDir);
  app.get('/*', async (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    const match = SERVED.exec(path);
    const full = resolve(root, path);
    if (!match || path.includes('..') || !full.startsWith(root + sep)) throw new HubError(404, 'not-found', 'no such list file');
    const info = await stat(full).catch(() => null);
    if (!info?.isFile()) throw new HubError(404, 'not-found', 'no such list file');
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    reply
      .header('etag', etag)
      .header('last-modified', info.mtime.toUTCString())
      .header('cache-control', 'no-cache')
      // Lists are public; any subscriber (an extension, a mirror) may read them.
      .header('access-control-allow-origin', '*');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    // Lists, deltas, latest.json and their .sig files are all JSON.
    return reply.type('application/json; charset=utf-8').send(createReadStream(full));
  });
}
