/**
 * The audit log: who confirmed, rejected and published what, and when; also who created and
 * revoked tokens and lists, imported a register, exported the lists, and when the retention
 * policy ran. Written in the same transaction as the change it records, so the log
 * and the data never disagree. Rows are only ever inserted.
 */
import type { Queryable } from './db';

export const AUDIT_ACTIONS = ['confirm', 'reject', 'publish', 'create-token', 'revoke-token', 'create-list', 'import-register', 'export', 'retention',
  'keep-page', 'subscribe-peer', 'refresh-peer', 'prepare-notice', 'notice-sent', 'rdap-check', 'update-rdap-bootstrap'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly action: AuditAction;
  readonly subject: string;
  readonly details: Record<string, unknown>;
}

export async function recordAudit(
  tx: Queryable,
  entry: { actor: string; action: AuditAction; subject: string; details?: Record<string, unknown> },
): Promise<void> {
  await tx.query('insert into audit_log (actor, action, subject, details) values ($1, $2, $3, $4)', [
    entry.actor,
    entry.action,
    entry.subject,
    JSON.stringify(entry.details ?? {}),
  ]);
}

interface AuditRow {
  id: number;
  at: Date | string;
  actor: string;
  action: AuditAction;
  subject: string;
  details: Record<string, unknown> | string;
}

export async function listAudit(db: Queryable, limit: number): Promise<AuditEntry[]> {
  const { rows } = await db.query<AuditRow>('select id, at, actor, action, subject, details from audit_log order by id desc limit $1', [limit]);
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    details: typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details,
  }));
}
