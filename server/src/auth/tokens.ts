/**
 * Access tokens for reviewers and publishers: `phc_<id>_<secret>`. The id is public (it names the
 * token in the audit log); only a SHA-256 of the 256-bit secret is stored, so a copy of the database
 * gives no usable token, and a secret is compared in constant time. A secret that high in entropy
 * needs no slow hash: nobody can guess it, SHA-256 only keeps it out of the database.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from '../db';

export const ROLES = ['reviewer', 'publisher'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export interface TokenOwner {
  readonly id: string;
  readonly role: Role;
  readonly label: string;
  readonly expiresAt: string;
}

export type TokenCheck =
  | { readonly ok: true; readonly owner: TokenOwner }
  | { readonly ok: false; readonly problem: 'missing' | 'malformed' | 'wrong' | 'expired' };

const TOKEN = /^phc_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
/** Compared against when the id is unknown, so that case takes as long as a wrong secret. */
const DUMMY_HASH = sha256('no such token');

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function formatToken(id: string, secret: string): string {
  return `phc_${id}_${secret}`;
}

export interface CreatedToken extends TokenOwner {
  /** The whole token: shown once, never stored. */
  readonly token: string;
}

export async function createToken(db: Queryable, role: Role, days: number, label: string, now = new Date()): Promise<CreatedToken> {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  await db.query('insert into tokens (id, secret_sha256, role, label, created_at, expires_at) values ($1, $2, $3, $4, $5, $6)', [
    id,
    sha256(secret),
    role,
    label,
    now,
    expiresAt,
  ]);
  return { id, role, label, expiresAt: expiresAt.toISOString(), token: formatToken(id, secret) };
}

interface TokenRow {
  id: string;
  secret_sha256: string;
  role: Role;
  label: string;
  expires_at: Date | string;
  revoked_at: Date | string | null;
}

/** Checks a presented token. A revoked token is "wrong": it no longer exists as far as callers know. */
export async function verifyToken(db: Queryable, presented: string | undefined, now = new Date()): Promise<TokenCheck> {
  if (!presented) return { ok: false, problem: 'missing' };
  const match = TOKEN.exec(presented);
  if (!match) return { ok: false, problem: 'malformed' };
  const [, id, secret] = match as unknown as [string, string, string];
  const { rows } = await db.query<TokenRow>('select id, secret_sha256, role, label, expires_at, revoked_at from tokens where id = $1', [id]);
  const row = rows[0];
  const expected = Buffer.from(row?.secret_sha256 ?? DUMMY_HASH, 'hex');
  const equal = timingSafeEqual(Buffer.from(sha256(secret), 'hex'), expected);
  if (!row || !equal || row.revoked_at !== null) return { ok: false, problem: 'wrong' };
  const expiresAt = new Date(row.expires_at);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, owner: { id: row.id, role: row.role, label: row.label, expiresAt: expiresAt.toISOString() } };
}

export async function revokeToken(db: Queryable, id: string, now = new Date()): Promise<boolean> {
  const result = await db.query('update tokens set revoked_at = $2 where id = $1 and revoked_at is null', [id, now]);
  return result.rowCount > 0;
}

export interface TokenSummary extends TokenOwner {
  readonly createdAt: string;
  readonly revoked: boolean;
}

export async function listTokens(db: Queryable): Promise<TokenSummary[]> {
  const { rows } = await db.query<TokenRow & { created_at: Date | string }>(
    'select id, secret_sha256, role, label, created_at, expires_at, revoked_at from tokens order by created_at',
  );
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    label: r.label,
    createdAt: new Date(r.created_at).toISOString(),
    expiresAt: new Date(r.expires_at).toISOString(),
    revoked: r.revoked_at !== null,
  }));
}

/** The name an audit entry gives a token's owner. */
export function actorName(owner: Pick<TokenOwner, 'id' | 'label'>): string {
  return `${owner.label} (token ${owner.id})`;
}
