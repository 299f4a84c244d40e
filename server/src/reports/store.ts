/**
 * Storing a report exactly once. The idempotency key is unique in the table: the first request
 * inserts, and any repeat (a retry after a lost answer, a thousand duplicates at once) finds the
 * stored row and gets the same receipt. `on conflict do nothing` waits for a concurrent insert of
 * the same key to commit, so exactly one request creates the row. The answer is sent only after the
 * insert committed: an acknowledged report is on disk.
 */
import { createHash } from 'node:crypto';
import type { Report, ReportReceipt, ReportTarget } from '../../../lib/reports';
import type { Queryable } from '../db';
import { HubError } from '../errors';

export interface StoreResult {
  readonly receipt: ReportReceipt;
  /** False when the key was already stored (a retry): 200 instead of 201. */
  readonly created: boolean;
}

/** JSON with keys sorted at every level, so the same report always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function reportHash(report: Report): string {
  return createHash('sha256').update(canonicalJson(report)).digest('hex');
}

interface ReceiptRow {
  id: number;
  body_hash: string;
  domain: string;
  received_at: Date | string;
}

function receipt(report: Report, row: ReceiptRow): ReportReceipt {
  return { id: row.id, idempotencyKey: report.idempotencyKey, domain: row.domain, receivedAt: new Date(row.received_at).toISOString() };
}

export async function storeReport(db: Queryable, report: Report, target: ReportTarget): Promise<StoreResult> {
  const hash = reportHash(report);
  const inserted = await db.query<ReceiptRow>(
    `insert into reports (idempotency_key, body_hash, kind, page, host, domain, reasons, comment, contact_email, extension_version, created_at, signals)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     on conflict (idempotency_key) do nothing
     returning id, body_hash, domain, received_at`,
    [
      report.idempotencyKey,
      hash,
      report.kind,
      report.page,
      target.host,
      target.domain,
      report.reasons,
      report.comment ?? null,
      report.contact?.email ?? null,
      report.extensionVersion,
      report.createdAt,
      // Every field of the schema is stored: signals too (a hub that dropped them would lose evidence).
      report.signals ?? [],
    ],
  );
  if (inserted.rows[0]) return { receipt: receipt(report, inserted.rows[0]), created: true };
  const existing = await db.query<ReceiptRow>('select id, body_hash, domain, received_at from reports where idempotency_key = $1', [
    report.idempotencyKey,
  ]);
  const row = existing.rows[0];
  if (!row) throw new Error('a report key conflicted but no row holds it');
  if (row.body_hash !== hash) {
    throw new HubError(409, 'idempotency-key-reused', 'this idempotency key was already used for a different report');
  }
  return { receipt: receipt(report, row), created: false };
}
