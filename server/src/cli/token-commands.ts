/** `create-token`, `list-tokens`, `revoke-token`: reviewers' and publishers' access. */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createToken, listTokens, revokeToken, roleSchema } from '../auth';
import { recordAudit } from '../audit';
import type { Database } from '../db';

const createOptions = z.strictObject({
  role: roleSchema,
  days: z.coerce.number().int().min(1).max(366).default(30),
  label: z.string().min(1).max(100).default('unnamed'),
});

export async function createTokenCommand(db: Database, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { role: { type: 'string' }, days: { type: 'string' }, label: { type: 'string' } } });
  const options = createOptions.parse(values);
  const created = await db.transaction(async (tx) => {
    const token = await createToken(tx, options.role, options.days, options.label);
    await recordAudit(tx, { actor: 'cli', action: 'create-token', subject: token.id, details: { role: token.role, label: token.label, expiresAt: token.expiresAt } });
    return token;
  });
  console.log(`Created a ${created.role} token for "${created.label}", valid until ${created.expiresAt}.`);
  console.log('Keep it secret; it is shown only now:\n');
  console.log(created.token);
}

export async function listTokensCommand(db: Database): Promise<void> {
  for (const t of await listTokens(db)) {
    const state = t.revoked ? 'revoked' : Date.parse(t.expiresAt) <= Date.now() ? 'expired' : 'active';
    console.log(`${t.id}  ${t.role.padEnd(9)}  ${state.padEnd(7)}  until ${t.expiresAt}  ${t.label}`);
  }
}

export async function revokeTokenCommand(db: Database, args: string[]): Promise<void> {
  const id = z.string().regex(/^[0-9a-f]{16}$/, 'a token id is 16 hex digits').parse(args[0]);
  const revoked = await db.transaction(async (tx) => {
    const done = await revokeToken(tx, id);
    if (done) await recordAudit(tx, { actor: 'cli', action: 'revoke-token', subject: id });
    return done;
  });
  console.log(revoked ? `Revoked token ${id}.` : `No active token ${id}.`);
}
