/**
 * `POST /v1/reports`: the one endpoint the extension calls. Checks, in order: rate limit per client
 * (before the body is read), origin, content type and size (Fastify's parser), then the shared zod
 * schema. Only a valid report touches the database.
 *
 * CORS: extension origins get `Access-Control-Allow-Origin`; any other origin is refused with 403
 * before the body is read, so a web page cannot make a visitor's browser file reports. Requests
 * without an Origin (non-browser clients) are accepted: CORS protects browsers' users, not the hub.
 */
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import { reportSchema, reportTarget } from '../../../lib/reports';
import type { RateLimit } from '../config';
import type { Database } from '../db';
import { HubError, parseOrRefuse } from '../errors';
import { originMatcher } from './origins';
import { storeReport } from './store';

export interface ReportRouteOptions {
  readonly db: Database;
  readonly corsOrigins: readonly string[];
  readonly rateLimit: RateLimit;
}

export async function reportRoutes(app: FastifyInstance, options: ReportRouteOptions): Promise<void> {
  const allowed = originMatcher(options.corsOrigins);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed(origin)),
    methods: ['POST'],
    allowedHeaders: ['content-type'],
    maxAge: 600,
  });

  app.post(
    '/reports',
    {
      config: { rateLimit: { max: options.rateLimit.max, timeWindow: options.rateLimit.windowMs } },
      onRequest: async (request) => {
        const origin = request.headers.origin;
        if (origin !== undefined && !allowed(origin)) {
          throw new HubError(403, 'origin-not-allowed', 'reports are accepted from the Pharmacheck extension only');
        }
      },
    },
    async (request, reply) => {
      const report = parseOrRefuse(reportSchema, request.body, 'invalid-report');
      // The schema already checked that the page has a registrable domain.
      const target = reportTarget(report.page)!;
      const { receipt, created } = await storeReport(options.db, report, target);
      request.log.info({ reportId: receipt.id, created }, created ? 'report stored' : 'report repeated');
      return reply.code(created ? 201 : 200).send(receipt);
    },
  );
}
