/**
 * Graceful close, the HTTP part. Fastify closes idle keep-alive connections when it starts closing
 * and answers new requests with 503, but a connection whose request is in flight becomes idle only
 * after its answer, and would then stay open until its keep-alive timeout, holding the shutdown.
 * So once closing, every answer says `Connection: close`: the request finishes, then its socket.
 */
import type { FastifyInstance } from 'fastify';

export function closeConnectionsAfterAnswers(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
}
