/** Tokens for tests, created straight in the database as the CLI does. */
import { createToken, type Role } from '../../../server/src/auth';
import type { Queryable } from '../../../server/src/db';

export async function tokenFor(db: Queryable, role: Role, label = `${role} test`): Promise<string> {
  return (await createToken(db, role, 1, label)).token;
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** GET or POST JSON with a token; returns status and parsed body. */
export async function call(url: string, path: string, token: string | null, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(token === null ? {} : bearer(token)),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as any) : null, headers: response.headers };
}
