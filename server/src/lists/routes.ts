/**
 * Publisher endpoints: `PUT /v1/lists/:id` creates a list or updates its metadata, and
 * `POST /v1/lists/:id/publish` writes the draft out as version N+1 (see ../publish.ts). Both need a
 * publisher token, and both are recorded in the audit log in the same transaction.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SecretKeyFile } from '../../../lib/signing';
import { listIdSchema } from '../../../lib/lists/schema';
import { actorName, ownerOf, requireRole } from '../auth';
import { recordAudit } from '../audit';
import type { RateLimit } from '../config';
import type { Database } from '../db';
import { HubError, parseOrRefuse } from '../errors';
import { publish } from '../publish';
import { getDraft } from '../review/draft';
import { getList, hubListSettingsSchema, saveList } from './store';

const params = z.strictObject({ id: listIdSchema });

export interface ListRouteOptions {
  readonly db: Database;
  readonly listsDir: string;
  readonly rateLimit: RateLimit;
  readonly signingKey: SecretKeyFile;
}

export async function listRoutes(app: FastifyInstance, { db, listsDir, rateLimit, signingKey }: ListRouteOptions): Promise<void> {
  const guard = requireRole(db, 'publisher');
  app.addHook('preParsing', async (request, reply, payload) => {
    await guard(request, reply);
    return payload;
  });
  const config = { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.windowMs, groupId: 'review' } };

  app.put('/:id', { config }, async (request, reply) => {
    const { id } = parseOrRefuse(params, request.params);
    const settings = parseOrRefuse(hubListSettingsSchema, request.body);
    if (settings.meta.id !== id) throw new HubError(400, 'invalid-request', 'the list id in the body differs from the address');
    const actor = actorName(ownerOf(request));
    const created = await db.transaction(async (tx) => {
      const created = await saveList(tx, settings);
      await recordAudit(tx, { actor, action: 'create-list', subject: id, details: { created, validityDays: settings.validityDays } });
      return created;
    });
    return reply.code(created ? 201 : 200).send({ list: await getList(db, id) });
  });

  app.post('/:id/publish', { config }, async (request, reply) => {
    const { id } = parseOrRefuse(params, request.params);
    const actor = actorName(ownerOf(request));
    const result = await db.transaction(async (tx) => {
      // The row lock makes concurrent publications of one list wait for each other.
      const list = await getList(tx, id, { forUpdate: true });
      if (!list) throw new HubError(404, 'not-found', `no list ${id}`);
      const entries = await getDraft(tx, id);
      const published = await publish({ meta: list.meta, previousVersion: list.version, validityDays: list.validityDays, entries, listsDir, key: signingKey });
      await tx.query('update lists set version = $2, published_at = $3 where id = $1', [id, published.version, published.issued]);
      await recordAudit(tx, {
        actor,
        action: 'publish',
        subject: `${id} v${published.version}`,
        details: { listId: id, version: published.version, entries: published.entryCount, files: published.files },
      });
      return published;
    });
    request.log.info({ listId: id, version: result.version, entries: result.entryCount }, 'list published');
    return reply.code(201).send(result);
  });
}
