/**
 * A register's export becomes the draft of its allowlist. The export is the whole register, so the
 * draft follows it exactly: pharmacies new to it are added, those it no longer lists are removed
 * (an authorisation withdrawn), those whose details changed are updated. Like a decision, an import
 * is recorded in the audit log in its own transaction; like a blocklist's draft, the result is
 * published (signed, version N+1) only when a publisher publishes it, after reviewing the draft.
 */
import { createHash } from 'node:crypto';
import { recordAudit } from '../audit';
import type { Database } from '../db';
import { HubError } from '../errors';
import { getList } from '../lists/store';
import type { RegisterFile, RegisterRow } from './csv';

export interface ImportResult {
  readonly listId: string;
  /** Pharmacies in the draft after the import. */
  readonly entries: number;
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly unchanged: number;
  /** Bad lines skipped (only when asked to skip them). */
  readonly skipped: RegisterFile['problems'];
}

export interface ImportRequest {
  readonly listId: string;
  readonly file: RegisterFile;
  /** SHA-256 of the file as received, for the audit log. */
  readonly bytes: Uint8Array;
  readonly actor: string;
  readonly skipBadLines: boolean;
  readonly now?: Date;
}

/** Thrown when the file has bad lines and skipping them was not asked for: nothing changed. */
export class BadRegisterFile extends Error {
  constructor(readonly problems: RegisterFile['problems']) {
    super(`${problems.length} bad line${problems.length === 1 ? '' : 's'}; nothing changed`);
  }
}

interface DraftRow {
  domain: string;
  reference: string | null;
  note: string | null;
  added: string;
}

export async function importRegister(db: Database, request: ImportRequest): Promise<ImportResult> {
  const { file, listId } = request;
  const now = request.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const wanted = (row: RegisterRow) => ({ domain: row.domain, reference: row.number, note: row.name, added: row.date ?? today });
  return db.transaction(async (tx) => {
    const list = await getList(tx, listId, { forUpdate: true });
    if (!list) throw new HubError(404, 'not-found', `no list ${listId}`);
    if (list.meta.kind !== 'allow') throw new HubError(409, 'conflict', `list ${listId} is a blocklist; a register's export goes into an allowlist`);
    // A problem with the file as a whole (no header, no website column) is never skipped.
    if (file.problems.some((p) => p.line === 0) || file.rows.length === 0) throw new BadRegisterFile(file.problems);
    if (file.problems.length > 0 && !request.skipBadLines) throw new BadRegisterFile(file.problems);
    const { rows: current } = await tx.query<DraftRow>(
      `select domain, reference, note, to_char(added, 'YYYY-MM-DD') as added from draft_entries where list_id = $1`,
      [listId],
    );
    const before = new Map(current.map((r) => [r.domain, r]));
    const next = file.rows.map(wanted);
    const changedRows = next.filter((r) => {
      const old = before.get(r.domain);
      return !old || old.reference !== r.reference || old.note !== r.note || old.added !== r.added;
    });
    const keep = new Set(next.map((r) => r.domain));
    const removed = current.filter((r) => !keep.has(r.domain)).map((r) => r.domain);
    await tx.query('delete from draft_entries where list_id = $1 and domain = any($2::text[])', [listId, removed]);
    if (changedRows.length > 0) {
      await tx.query(
        `insert into draft_entries (list_id, domain, category, added, reference, note, report_ids, decision_ids, confirmed_by, confirmed_at)
         select $1::text, d, 'authorised-pharmacy', a::date, r, n, '{}'::int[], '{}'::int[], $6::text, $7::timestamptz
         from unnest($2::text[], $3::text[], $4::text[], $5::text[]) as t (d, a, r, n)
         on conflict (list_id, domain) do update set
           added = excluded.added, reference = excluded.reference, note = excluded.note,
           confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at`,
        [listId, changedRows.map((r) => r.domain), changedRows.map((r) => r.added), changedRows.map((r) => r.reference), changedRows.map((r) => r.note), request.actor, now],
      );
    }
    const added = changedRows.filter((r) => !before.has(r.domain)).length;
    const result: ImportResult = {
      listId,
      entries: next.length,
      added,
      removed: removed.length,
      changed: changedRows.length - added,
      unchanged: next.length - changedRows.length,
      skipped: file.problems,
    };
    await recordAudit(tx, {
      actor: request.actor,
      action: 'import-register',
      subject: listId,
      details: {
        sha256: createHash('sha256').update(request.bytes).digest('hex'),
        entries: result.entries,
        added: result.added,
        removed: result.removed,
        changed: result.changed,
        skippedLines: file.problems.map((p) => p.line).slice(0, 1000),
      },
    });
    return result;
  });
}
