/**
 * One log line per answered request: method, route (the pattern, never the raw URL, so a query
 * string, say a token pasted where it does not belong, is not logged), status and time. Fastify's
 * default writes two lines per request with the raw URL.
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

export class HubLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const fields = {
      method: request.method,
      route: request.routeOptions.url ?? '(no route)',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...fields, err: { type: error.name, message: error.message } }, 'request failed');
    else reply.log.info(fields, 'request completed');
  }
}
