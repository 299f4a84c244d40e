/**
 * The retention policy (docs/hub.md, "Retention"): a reporter's e-mail address is kept while the
 * report is open and for a grace period after the decision on it (so a reviewer can still write
 * back), then deleted. Each run is recorded in the audit log, with how many addresses it deleted,
 * even when none: the log shows the policy is applied.
 */
import { recordAudit } from './audit';
import type { Database } from './db';

export const DEFAULT_RETENTION_DAYS = 90;

export interface RetentionResult {
  readonly graceDays: number;
  /** Addresses of reports decided before this instant were deleted. */
  readonly cutoff: string;
  readonly emailsDeleted: number;
}

export async function applyRetention(db: Database, { graceDays, actor, now = new Date() }: { graceDays: number; actor: string; now?: Date }): Promise<RetentionResult> {
  if (!Number.isInteger(graceDays) || graceDays < 0) throw new Error(`the grace period is a whole number of days, not ${graceDays}`);
  const cutoff = new Date(now.getTime() - graceDays * 86_400_000);
  return db.transaction(async (tx) => {
    const { rowCount } = await tx.query(
      `update reports r set contact_email = null
       from decisions d
       where r.decision_id = d.id and r.contact_email is not null and r.status <> 'open' and d.decided_at <= $1`,
      [cutoff],
    );
    const result = { graceDays, cutoff: cutoff.toISOString(), emailsDeleted: rowCount };
    await recordAudit(tx, { actor, action: 'retention', subject: 'reporters\' e-mail addresses', details: { ...result } });
    return result;
  });
}
