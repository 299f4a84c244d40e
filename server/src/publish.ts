/**
 * Publishing a list: its draft becomes version N+1 in lib/lists' format (validated by `listSchema`),
 * signed, with deltas from recent versions, `latest.json` and `index.json` (lib/lists publishFiles),
 * written to the database in one transaction with the list's new version and the audit entry. So a
 * publication is whole or absent, in every hub process at once, whatever kills a process half way.
 *
 * Publications of every list take one advisory lock in turn: each rewrites index.json, which names
 * them all, and none may lose another's. What the database holds is read back and checked as a
 * subscriber would check it (lib/publishing) before the commit: what is served is what verifies.
 */
import { DEFAULT_DELTA_COUNT, listSchema, publishedList, publishedListSchema, publishFiles, publishIndexBytes, type Entry, type List } from '../../lib/lists';
import { verifyPublication } from '../../lib/publishing';
import type { SecretKeyFile } from '../../lib/signing';
import { recordAudit } from './audit';
import { LOCKS, type Database, type Queryable } from './db';
import { HubError } from './errors';
import { highestPublishedVersion, readBack, recentVersions, writePublishedFiles } from './lists/published-files';
import { getList, type HubListMeta } from './lists/store';
import { getDraft, type DraftEntry } from './review/draft';

export interface PublishResult {
  readonly listId: string;
  readonly version: number;
  readonly issued: string;
  readonly expires: string;
  readonly entryCount: number;
  /** Paths of the files written, relative to /lists/. */
  readonly files: string[];
}

export interface PublishRequest {
  readonly listId: string;
  /** Who publishes, as the audit log names them. */
  readonly actor: string;
  /** The hub's signing key (server/src/signing-key.ts). */
  readonly key: SecretKeyFile;
  readonly now?: Date;
}

function entryOf(meta: HubListMeta, draft: DraftEntry): Entry {
  const reference = draft.reference ?? `Pharmacheck hub decision ${draft.evidence.decisionIds.at(-1)}`;
  return {
    domain: draft.domain,
    category: draft.category,
    added: draft.added,
    evidence: { source: meta.publisher.name, reference },
    ...(draft.note ? { note: draft.note } : {}),
  };
}

/** Version N+1 of a list, from its metadata and draft. */
export function buildVersion(meta: HubListMeta, version: number, validityDays: number, entries: readonly DraftEntry[], now: Date): List {
  const parsed = listSchema.safeParse({
    format: 1,
    ...meta,
    version,
    issued: now.toISOString(),
    expires: new Date(now.getTime() + validityDays * 86_400_000).toISOString(),
    entries: [...entries].sort((a, b) => (a.domain < b.domain ? -1 : 1)).map((e) => entryOf(meta, e)),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HubError(409, 'conflict', `the draft is not a valid list: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid'}`);
  }
  return parsed.data;
}

async function indexBytes(tx: Queryable, now: Date): Promise<Uint8Array> {
  const { rows } = await tx.query<{ entry: unknown }>('select index_entry as entry from lists where index_entry is not null order by id');
  const entries = rows.map((r) => publishedListSchema.parse(typeof r.entry === 'string' ? JSON.parse(r.entry) : r.entry));
  return publishIndexBytes(entries, `${now.toISOString().slice(0, 19)}Z`);
}

export async function publishList(db: Database, request: PublishRequest): Promise<PublishResult> {
  const { listId: id, key } = request;
  const now = request.now ?? new Date();
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [LOCKS.publish]);
    const hubList = await getList(tx, id, { forUpdate: true });
    if (!hubList) throw new HubError(404, 'not-found', `no list ${id}`);
    // Never reuse a version number: one written (even by hand, outside the hub) may be held somewhere.
    const version = Math.max(hubList.version, await highestPublishedVersion(tx, id)) + 1;
    const list = buildVersion(hubList.meta, version, hubList.validityDays, await getDraft(tx, id), now);
    const history = await recentVersions(tx, id, version, DEFAULT_DELTA_COUNT);
    const files = await publishFiles({ list, history, key, deltaCount: DEFAULT_DELTA_COUNT });
    const entry = publishedList(list, list.entries.length, key.keyId);
    await tx.query('update lists set version = $2, published_at = $3, index_entry = $4 where id = $1', [id, version, list.issued, JSON.stringify(entry)]);
    files.set('index.json', await indexBytes(tx, now));
    await writePublishedFiles(tx, files, version);
    const stored = await readBack(tx, [...files.keys()]);
    stored.delete('index.json');
    await verifyPublication(stored, list, key, now);
    await recordAudit(tx, {
      actor: request.actor,
      action: 'publish',
      subject: `${id} v${version}`,
      details: { listId: id, version, entries: list.entries.length, files: [...files.keys()] },
    });
    return { listId: id, version, issued: list.issued, expires: list.expires, entryCount: list.entries.length, files: [...files.keys()] };
  });
}
