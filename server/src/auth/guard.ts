/**
 * Route guard: `Authorization: Bearer phc_…` with a role. A publisher may also review; a reviewer
 * may not publish. Missing, malformed, wrong and revoked tokens all get the same 401 `unauthorized`
 * (nothing to learn from the difference); an expired one gets 401 `token-expired` so its owner knows
 * to ask for a new one; the wrong role gets 403 `forbidden`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db';
import { HubError } from '../errors';
import { verifyToken, type Role, type TokenOwner } from './tokens';

declare module 'fastify' {
  interface FastifyRequest {
    owner: TokenOwner | null;
  }
}

const ALLOWED: Record<Role, readonly Role[]> = {
  reviewer: ['reviewer', 'publisher'],
  publisher: ['publisher'],
};

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer (\S{1,200})$/.exec(header);
  return match?.[1] ?? '';
}

export function requireRole(db: Database, role: Role) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const check = await verifyToken(db, bearer(request));
    if (!check.ok) {
      reply.header('www-authenticate', 'Bearer realm="pharmacheck-hub"');
      if (check.problem === 'expired') throw new HubError(401, 'token-expired', 'this token has expired; ask for a new one');
      throw new HubError(401, 'unauthorized', 'a valid access token is required');
    }
    if (!ALLOWED[role].includes(check.owner.role)) {
      throw new HubError(403, 'forbidden', `this needs the ${role} role`);
    }
    request.owner = check.owner;
  };
}

/** The owner set by requireRole; a route without the guard has none. */
export function ownerOf(request: FastifyRequest): TokenOwner {
  if (!request.owner) throw new HubError(401, 'unauthorized', 'a valid access token is required');
  return request.owner;
}
