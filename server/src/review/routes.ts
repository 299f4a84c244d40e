/**
 * The reviewer API (`/v1/review/…`), for the review page and for scripts. Every route needs a
 * reviewer or publisher token; answers carry report contents, so they are never cached.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listIdSchema } from '../../../lib/lists/schema';
import { ownerOf, requireRole } from '../auth';
import { listAudit } from '../audit';
import type { RateLimit } from '../config';
import type { Database } from '../db';
import { HubError, parseOrRefuse } from '../errors';
import { getList, listLists } from '../lists/store';
import { decide, decisionSchema } from './decisions';
import { getDraft } from './draft';
import { REPORT_STATUSES, reportGroups } from './groups';

const groupsQuery = z.strictObject({
  status: z.enum(REPORT_STATUSES).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  reportsPerGroup: z.coerce.number().int().min(1).max(100).default(20),
});
const auditQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
const listParams = z.strictObject({ id: listIdSchema });

export interface ReviewRouteOptions {
  readonly db: Database;
  readonly rateLimit: RateLimit;
}

export async function reviewRoutes(app: FastifyInstance, { db, rateLimit }: ReviewRouteOptions): Promise<void> {
  // After the rate limit (onRequest), before the body is read.
  const guard = requireRole(db, 'reviewer');
  app.addHook('preParsing', async (request, reply, payload) => {
    await guard(request, reply);
    return payload;
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
  const config = { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.windowMs, groupId: 'review' } };

  app.get('/me', { config }, async (request) => ownerOf(request));

  app.get('/groups', { config }, async (request) => {
    const query = parseOrRefuse(groupsQuery, request.query);
    return { groups: await reportGroups(db, query) };
  });

  // A decision lists up to 10,000 report ids: more than a report's body limit.
  app.post('/decisions', { config, bodyLimit: 256 * 1024 }, async (request) => {
    const input = parseOrRefuse(decisionSchema, request.body);
    const result = await decide(db, input, ownerOf(request));
    request.log.info({ decisionId: result.decisionId, action: result.action, reports: result.reportIds.length }, 'decision recorded');
    return result;
  });

  app.get('/lists', { config }, async () => ({ lists: await listLists(db) }));

  app.get('/lists/:id/draft', { config }, async (request) => {
    const { id } = parseOrRefuse(listParams, request.params);
    const list = await getList(db, id);
    if (!list) throw new HubError(404, 'not-found', `no list ${id}`);
    return { list, entries: await getDraft(db, id) };
  });

  app.get('/audit', { config }, async (request) => {
    const { limit } = parseOrRefuse(auditQuery, request.query);
    return { entries: await listAudit(db, limit) };
  });
}
