/** `GET /health`: 200 when the database answers within two seconds, 503 otherwise. */
import type { FastifyInstance } from 'fastify';
import type { Database } from './db';

const TIMEOUT_MS = 2000;

export async function healthRoutes(app: FastifyInstance, { db }: { db: Database }): Promise<void> {
  app.get('/health', async (request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('database did not answer in time')), TIMEOUT_MS);
    });
    try {
      await Promise.race([db.query('select 1'), timeout]);
      return { status: 'ok', database: db.kind };
    } catch (error) {
      request.log.warn({ err: { message: (error as Error).message } }, 'health check failed');
      return reply.code(503).send({ status: 'unavailable', database: db.kind });
    } finally {
      clearTimeout(timer);
    }
  });
}
