/**
 * Every refusal is JSON `{ error, message, issues? }` with a machine-readable `error` (the codes are
 * in lib/reports, shared with the extension, whose outbox shows a 4xx and stops retrying).
 * Nothing of the request body is echoed back or logged.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { PublishError } from '../../lib/publishing';
import type { HubErrorBody, HubErrorCode } from '../../lib/reports';

export class HubError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: HubErrorCode,
    message: string,
    readonly issues?: HubErrorBody['issues'],
  ) {
    super(message);
  }
}

/** Parses untrusted input or throws a 400 naming each problem's path (never its value). */
export function parseOrRefuse<S extends z.ZodType>(schema: S, value: unknown, code: HubErrorCode = 'invalid-request'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  throw new HubError(400, code, 'the request does not match the expected shape', issues);
}

const FASTIFY_CODES: Record<string, [number, HubErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body-too-large', 'the request body is larger than this hub accepts'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported-media-type', 'send application/json'],
  FST_ERR_CTP_INVALID_TYPE: [415, 'unsupported-media-type', 'send application/json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed-json', 'the body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed-json', 'the body is not valid JSON'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid-request', 'the content length does not match the body'],
};

function describe(error: FastifyError | HubError | PublishError): { status: number; body: HubErrorBody } {
  if (error instanceof HubError) {
    return { status: error.statusCode, body: { error: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
  }
  // A publication subscribers would refuse, or one that clashes with what is published: the
  // publisher's to resolve. An I/O failure is the hub's.
  if (error instanceof PublishError) {
    if (error.problem === 'io') return { status: 500, body: { error: 'internal', message: 'the hub failed; retry later' } };
    return { status: 409, body: { error: 'conflict', message: error.message } };
  }
  const known = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (known) return { status: known[0], body: { error: known[1], message: known[2] } };
  // The JSON parser's errors (syntax, `__proto__` or `constructor.prototype` keys) are SyntaxErrors.
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return { status: 400, body: { error: 'malformed-json', message: 'the body is not acceptable JSON' } };
  }
  if (error.statusCode === 429) return { status: 429, body: { error: 'rate-limited', message: 'too many requests; retry later' } };
  if (error.statusCode === 503) return { status: 503, body: { error: 'unavailable', message: 'the hub is shutting down; retry later' } };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, body: { error: 'invalid-request', message: 'the request was refused' } };
  }
  return { status: 500, body: { error: 'internal', message: 'the hub failed; retry later' } };
}

export function sendError(reply: FastifyReply, status: number, body: HubErrorBody): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HubError | PublishError, request, reply) => {
    const { status, body } = describe(error);
    // Only the error's own text: database errors can carry row values in their other fields.
    if (status >= 500) request.log.error({ err: { type: error.name, code: (error as { code?: unknown }).code, message: error.message, stack: error.stack } }, 'request failed');
    else request.log.info({ refused: body.error, status }, 'request refused');
    return sendError(reply, status, body);
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, { error: 'not-found', message: 'no such resource' }));
}
