/**
 * Publisher endpoints: `PUT /v1/lists/:id` creates a list or updates its metadata,
 * `POST /v1/lists/:id/publish` writes the draft out as version N+1 (see ../publish.ts), and
 * `POST /v1/lists/:id/register` imports a register's CSV export into an allowlist's draft
 * (../registers/). Each needs a publisher token, and each is recorded in the audit log in the same
 * transaction.
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
import { publishList, type PublishResult } from '../publish';
import { getList, hubListSettingsSchema, saveList } from './store';

const params = z.strictObject({ id: listIdSchema });

export interface ListRouteOptions {
  readonly db: Database;
  readonly rateLimit: RateLimit;
  readonly signingKey: SecretKeyFile;
  /** Called after each publication has committed (the export to a directory, when configured). */
  readonly afterPublish?: (result: PublishResult) => Promise<void>;
}

export async function listRoutes(app: FastifyInstance, { db, rateLimit, signingKey, afterPublish }: ListRouteOptions): Promise<void> {
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
    const saved = await db.transaction(async (tx) => {
      const saved = await saveList(tx, settings);
      if (saved === 'kind-differs') throw new HubError(409, 'conflict', `list ${id} exists with another kind; a list never changes kind`);
      await recordAudit(tx, { actor, action: 'create-list', subject: id, details: { created: saved === 'created', kind: settings.meta.kind, validityDays: settings.validityDays } });
      return saved;
    });
    return reply.code(saved === 'created' ? 201 : 200).send({ list: await getList(db, id) });
  });

  app.post('/:id/publish', { config }, async (request, reply) => {
    const { id } = parseOrRefuse(params, request.params);
    const result = await publishList(db, { listId: id, actor: actorName(ownerOf(request)), key: signingKey });
    request.log.info({ listId: id, version: result.version, entries: result.entryCount }, 'list published');
    if (afterPublish) await afterPublish(result);
    return reply.code(201).send(result);
  });
}
