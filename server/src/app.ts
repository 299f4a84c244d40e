/**
 * The hub's HTTP application: Fastify with JSON-only bodies, the shared error format, security
 * headers, rate limits, and the routes. Database and configuration are passed in, so tests build
 * the same app against PGlite or a PostgreSQL server.
 */
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { ConfigError, type HubConfig } from './config';
import type { Database } from './db';
import { HubError, installErrorHandlers } from './errors';
import { healthRoutes } from './health';
import { exportDirProblem, exportLists } from './lists/export';
import { listFileRoutes } from './lists/files';
import { listRoutes } from './lists/routes';
import { registerRoutes } from './registers/route';
import { claimSigningKey, loadSigningKey, signingKeyPath } from './signing-key';
import { publicPart, type SecretKeyFile } from '../../lib/signing';
import { reviewPageRoutes } from './page/route';
import { reportRoutes } from './reports/route';
import { reviewRoutes } from './review/routes';
import { installSecurityHeaders } from './security-headers';
import { HubLogController } from './request-log';
import { closeConnectionsAfterAnswers } from './shutdown';

export interface LogStream {
  write(line: string): void;
}

export interface AppOptions {
  readonly config: HubConfig;
  readonly db: Database;
  /** Where the JSON log lines go (stdout by default; tests capture them). */
  readonly logStream?: LogStream;
}

/**
 * What must hold before the hub serves anything, each problem on its own line: the signing key
 * readable by its owner only and the same as the database's, an export directory that holds
 * nothing private.
 */
async function startupChecks(config: HubConfig, db: Database): Promise<{ key: SecretKeyFile; created: boolean }> {
  const problems: string[] = [];
  const exportProblem = config.exportDir ? exportDirProblem(config.exportDir, config) : null;
  if (exportProblem) problems.push(`PHARMACHECK_HUB_EXPORT_DIR: ${exportProblem}`);
  const loaded = await loadSigningKey(signingKeyPath(config), { create: !config.signingKeyPath }).catch((error: Error) => {
    problems.push(`PHARMACHECK_HUB_SIGNING_KEY: ${error.message}`);
    return null;
  });
  // Recorded only for a hub that will start: a refused start leaves the database as it was.
  if (loaded && problems.length === 0) await claimSigningKey(db, loaded.key.keyId).catch((error: Error) => problems.push(`PHARMACHECK_HUB_SIGNING_KEY: ${error.message}`));
  if (problems.length > 0 || !loaded) throw new ConfigError(`the hub cannot start:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return loaded;
}

export async function buildApp({ config, db, logStream }: AppOptions): Promise<FastifyInstance> {
  const { key: signingKey, created } = await startupChecks(config, db);
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // No log line carries headers or bodies; this keeps a token out even if one is added.
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      ...(logStream ? { stream: logStream } : {}),
    },
    logController: new HubLogController(),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // While shutting down, requests on kept-alive connections get a 503 (retry), not a reset.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // A client that trickles its request cannot hold a connection for ever.
    requestTimeout: 30_000,
  });
  // Bodies are JSON or nothing: `text/plain` would let a web page post without a CORS preflight.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('owner', null);
  installErrorHandlers(app);
  installSecurityHeaders(app);
  closeConnectionsAfterAnswers(app);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new HubError(429, 'rate-limited', `too many requests; retry in ${context.after}`),
  });

  await app.register(healthRoutes, { db });
  await app.register(reportRoutes, { prefix: '/v1', db, corsOrigins: config.corsOrigins, rateLimit: config.reportRateLimit });
  await app.register(reviewRoutes, { prefix: '/v1/review', db, rateLimit: config.reviewRateLimit, config });
  if (created) app.log.info({ keyId: signingKey.keyId }, 'created a signing key');
  // Subscribers need this key to trust the lists (give it to them out of band; this is a convenience).
  app.get('/v1/public-key', async () => publicPart(signingKey));
  const exportDir = config.exportDir;
  // The publication has committed whatever happens here: a failed export is logged, and the next
  // publication (or `export`) writes the directory again.
  const afterPublish = exportDir
    ? async () => {
        await exportLists(db, { dir: exportDir, key: publicPart(signingKey), config }).then(
          (result) => app.log.info({ files: result.files }, 'exported the published lists'),
          (error: Error) => app.log.error({ err: { message: error.message } }, 'export failed'),
        );
      }
    : undefined;
  await app.register(listRoutes, { prefix: '/v1/lists', db, rateLimit: config.reviewRateLimit, signingKey, ...(afterPublish ? { afterPublish } : {}) });
  await app.register(registerRoutes, { prefix: '/v1/lists', db, rateLimit: config.reviewRateLimit });
  await app.register(listFileRoutes, { prefix: '/lists', db });
  await app.register(reviewPageRoutes);
  return app;
}
