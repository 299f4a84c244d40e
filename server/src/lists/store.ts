/**
 * The lists this hub publishes: their metadata (lib/lists' format, less what each publication sets:
 * version and dates), how long a published version stays valid, and the last version published.
 * Blocklists grow from reviewed reports; allowlists (a register's authorised online pharmacies)
 * from the register's own export (../registers/).
 */
import { z } from 'zod';
import { listMetaSchema } from '../../../lib/lists';
import type { Queryable } from '../db';

export const hubListMetaSchema = listMetaSchema.omit({ format: true, version: true, issued: true, expires: true });
export type HubListMeta = z.infer<typeof hubListMetaSchema>;

export const hubListSettingsSchema = z.strictObject({
  meta: hubListMetaSchema,
  /** A published version expires this many days after it is issued (subscribers then refuse it). */
  validityDays: z.number().int().min(1).max(366),
});
export type HubListSettings = z.infer<typeof hubListSettingsSchema>;

export interface HubList extends HubListSettings {
  readonly version: number;
  readonly publishedAt: string | null;
  readonly draftEntries: number;
}

interface ListRow {
  id: string;
  meta: unknown;
  validity_days: number;
  version: number;
  published_at: Date | string | null;
  draft_entries: number;
}

function fromRow(row: ListRow): HubList {
  const meta = typeof row.meta === 'string' ? JSON.parse(row.meta) : row.meta;
  return {
    // Stored rows go through the schema too: an older hub may have written them.
    meta: hubListMetaSchema.parse(meta),
    validityDays: row.validity_days,
    version: row.version,
    publishedAt: row.published_at === null ? null : new Date(row.published_at).toISOString(),
    draftEntries: row.draft_entries,
  };
}

const SELECT = `select l.id, l.meta, l.validity_days, l.version, l.published_at,
  (select count(*)::int from draft_entries d where d.list_id = l.id) as draft_entries
  from lists l`;

/**
 * Creates the list, or updates its metadata (never its version). A list never changes kind: its
 * draft and its published versions hold entries of that kind only ('kind-differs', nothing saved).
 */
export async function saveList(db: Queryable, settings: HubListSettings): Promise<'created' | 'updated' | 'kind-differs'> {
  const { rows } = await db.query<{ created: boolean }>(
    `insert into lists (id, meta, validity_days) values ($1, $2, $3)
     on conflict (id) do update set meta = excluded.meta, validity_days = excluded.validity_days
       where lists.meta->>'kind' = excluded.meta->>'kind'
     returning (xmax = 0) as created`,
    [settings.meta.id, JSON.stringify(settings.meta), settings.validityDays],
  );
  const row = rows[0];
  return row === undefined ? 'kind-differs' : row.created ? 'created' : 'updated';
}

export async function getList(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<HubList | null> {
  const { rows } = await db.query<ListRow>(`${SELECT} where l.id = $1${options.forUpdate ? ' for update of l' : ''}`, [id]);
  return rows[0] ? fromRow(rows[0]) : null;
}

export async function listLists(db: Queryable): Promise<HubList[]> {
  const { rows } = await db.query<ListRow>(`${SELECT} order by l.id`);
  return rows.map(fromRow);
}
