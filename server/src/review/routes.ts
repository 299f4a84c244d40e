/**
 * The reviewer API (`/v1/review/…`), for the review page and for scripts. Every route needs a
 * reviewer or publisher token; answers carry report contents, so they are never cached.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listIdSchema } from '../../../lib/lists/schema';
import { ownerOf, requireRole } from '../auth';
import { listAudit } from '../audit';
import { FETCH_DEFAULTS, type HubConfig, type RateLimit } from '../config';
import type { Database } from '../db';
import { HubError, parseOrRefuse } from '../errors';
import { getList, listLists } from '../lists/store';
import { decide, decisionSchema } from './decisions';
import { getDraft } from './draft';
import { draftWithPeers, withEvidence } from './enrich';
import { REPORT_STATUSES, reportGroups } from './groups';
import { workStats } from './stats';
import { fetchOptions, keepPage, listSnapshots, snapshotBytes, snapshotRequestSchema } from '../evidence/snapshots';
import { listPeers, peerRequestSchema, refreshPeers, subscribePeer } from '../peers/peers';
import type { FetchBytes } from '../../../lib/updater';
import { domainChecks, listNotices, markSent, noticeRequestSchema, prepareNotice, recheckDomains, sentRequestSchema } from '../rdap/notices';
import { actorName, type TokenOwner } from '../auth';

const groupsQuery = z.strictObject({
  status: z.enum(REPORT_STATUSES).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  reportsPerGroup: z.coerce.number().int().min(1).max(100).default(20),
});
const auditQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
const listParams = z.strictObject({ id: listIdSchema });
const idParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const domainQuery = z.strictObject({ domain: z.string().min(1).max(253) });
const statsQuery = z.strictObject({ weeks: z.coerce.number().int().min(1).max(104).default(12) });
const recheckBody = z.strictObject({ domains: z.array(z.string().min(1).max(253)).min(1).max(100).optional() });

export interface ReviewRouteOptions {
  readonly db: Database;
  readonly rateLimit: RateLimit;
  readonly config: HubConfig;
  /** How other authorities' lists are downloaded (lib/updater's fetch by default). */
  readonly peerFetcher?: FetchBytes;
}

function publisherOnly(owner: TokenOwner): void {
  if (owner.role !== 'publisher') throw new HubError(403, 'forbidden', 'this needs the publisher role');
}

export async function reviewRoutes(app: FastifyInstance, { db, rateLimit, config: hubConfig, peerFetcher }: ReviewRouteOptions): Promise<void> {
  const fetch = fetchOptions(hubConfig);
  const rdapDeps = { fetch, maxRetryAfterMs: hubConfig.rdapMaxRetryAfterMs ?? FETCH_DEFAULTS.rdapMaxRetryAfterMs };
  const peerDeps = peerFetcher ? { fetcher: peerFetcher } : {};
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
    return { groups: await withEvidence(db, await reportGroups(db, query)) };
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
    return { list, entries: await draftWithPeers(db, await getDraft(db, id)) };
  });

  app.get('/audit', { config }, async (request) => {
    const { limit } = parseOrRefuse(auditQuery, request.query);
    return { entries: await listAudit(db, limit) };
  });

  app.get('/stats', { config }, async (request) => {
    const { weeks } = parseOrRefuse(statsQuery, request.query);
    return workStats(db, { weeks });
  });

  // Page copies: kept for a group, listed with it, downloaded as bytes (never rendered here).
  app.post('/snapshots', { config }, async (request, reply) => {
    const input = parseOrRefuse(snapshotRequestSchema, request.body);
    const snapshot = await keepPage(db, input, { actor: actorName(ownerOf(request)), fetch });
    request.log.info({ snapshotId: snapshot.id, outcome: snapshot.outcome, bytes: snapshot.byteCount }, 'page copy kept');
    return reply.code(201).send(snapshot);
  });
  app.get('/snapshots', { config }, async (request) => {
    const { domain } = parseOrRefuse(domainQuery, request.query);
    return { snapshots: await listSnapshots(db, [domain]) };
  });
  app.get('/snapshots/:id/content', { config }, async (request, reply) => {
    const { id } = parseOrRefuse(idParams, request.params);
    const found = await snapshotBytes(db, id);
    if (!found) throw new HubError(404, 'not-found', `no page copy ${id}`);
    // A hostile page must not run in the hub's origin: a download, sandboxed, never sniffed as HTML.
    return reply
      .type('application/octet-stream')
      .header('content-disposition', `attachment; filename="page-copy-${id}-${found.snapshot.sha256.slice(0, 12)}.bin"`)
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('x-content-sha256', found.snapshot.sha256)
      .send(Buffer.from(found.bytes));
  });

  // Other authorities' lists.
  app.get('/peers', { config }, async () => ({ peers: await listPeers(db) }));
  app.post('/peers', { config }, async (request, reply) => {
    const owner = ownerOf(request);
    publisherOnly(owner);
    const input = parseOrRefuse(peerRequestSchema, request.body);
    const { peer } = await subscribePeer(db, input, actorName(owner), peerDeps);
    return reply.code(201).send(peer);
  });
  app.post('/peers/refresh', { config }, async (request) => {
    const owner = ownerOf(request);
    publisherOnly(owner);
    return { outcomes: await refreshPeers(db, actorName(owner), peerDeps) };
  });

  // Whom to tell.
  app.post('/notices', { config }, async (request, reply) => {
    const { domain } = parseOrRefuse(noticeRequestSchema, request.body);
    const notice = await prepareNotice(db, domain, actorName(ownerOf(request)), rdapDeps);
    return reply.code(201).send(notice);
  });
  app.get('/notices', { config }, async (request) => {
    const query = parseOrRefuse(domainQuery.partial(), request.query);
    return { notices: await listNotices(db, query.domain ? [query.domain] : undefined) };
  });
  app.post('/notices/:id/sent', { config }, async (request) => {
    const { id } = parseOrRefuse(idParams, request.params);
    const input = parseOrRefuse(sentRequestSchema, request.body);
    return markSent(db, id, input, actorName(ownerOf(request)));
  });
  app.post('/domains/recheck', { config }, async (request) => {
    const input = parseOrRefuse(recheckBody, request.body ?? {});
    return { checks: await recheckDomains(db, actorName(ownerOf(request)), rdapDeps, input.domains ? { domains: input.domains } : {}) };
  });
  app.get('/domains/checks', { config }, async (request) => {
    const { domain } = parseOrRefuse(domainQuery, request.query);
    return { checks: await domainChecks(db, [domain]) };
  });
}
