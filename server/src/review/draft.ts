/**
 * The draft of a list: its whole next content, entry by entry, with the evidence the hub keeps
 * behind each one (which reports, which decisions, who confirmed it and when). Publishing turns it
 * into version N+1; the evidence that fits the list format goes into the published entry.
 */
import type { Category } from '../../../lib/lists';
import type { Queryable } from '../db';

export interface DraftEvidence {
  readonly reportIds: number[];
  readonly decisionIds: number[];
  readonly confirmedBy: string;
  readonly confirmedAt: string;
}

export interface DraftEntry {
  readonly domain: string;
  readonly category: Category;
  /** ISO date the domain entered the draft (kept when later reports are merged in). */
  readonly added: string;
  readonly reference: string | null;
  readonly note: string | null;
  readonly evidence: DraftEvidence;
}

interface DraftRow {
  domain: string;
  category: Category;
  added: Date | string;
  reference: string | null;
  note: string | null;
  report_ids: number[];
  decision_ids: number[];
  confirmed_by: string;
  confirmed_at: Date | string;
}

/** A `date` column comes back as a Date at UTC midnight (pg) or as text; either way, YYYY-MM-DD. */
function isoDate(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

export async function getDraft(db: Queryable, listId: string): Promise<DraftEntry[]> {
  const { rows } = await db.query<DraftRow>(
    `select domain, category, to_char(added, 'YYYY-MM-DD') as added, reference, note, report_ids, decision_ids, confirmed_by, confirmed_at
     from draft_entries where list_id = $1 order by domain`,
    [listId],
  );
  return rows.map((r) => ({
    domain: r.domain,
    category: r.category,
    added: isoDate(r.added),
    reference: r.reference,
    note: r.note,
    evidence: {
      reportIds: r.report_ids,
      decisionIds: r.decision_ids,
      confirmedBy: r.confirmed_by,
      confirmedAt: new Date(r.confirmed_at).toISOString(),
    },
  }));
}
