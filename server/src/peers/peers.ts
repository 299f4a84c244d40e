/**
 * Other authorities' published lists, to which this hub subscribes: the URL of a list's
 * latest.json and its publisher's public key, verified exactly as the extension verifies a
 * subscription (lib/updater fetchSigned, lib/lists checkLatest and checkList: size, signature over
 * the exact bytes, UTF-8, JSON, schema, list id, no rollback, not expired). The hub keeps each
 * verified list's entries, so a report group or a draft entry can show which other authorities
 * list the domain and since when. The format is the list format as it is: a hub subscribes to
 * another hub's `/lists/<id>/latest.json`, or to any publisher's, and the other way round.
 */
import { z } from 'zod';
import { checkLatest, checkList, LIMITS, type List, type Publisher } from '../../../lib/lists';
import { describeError, fetchBytes, fetchSigned, parsePublicKey, subscriptionUrlSchema, type FetchBytes } from '../../../lib/updater';
import type { PublicKeyFile } from '../../../lib/signing';
import { recordAudit } from '../audit';
import type { Database, Queryable } from '../db';
import { HubError } from '../errors';

export const peerRequestSchema = z.strictObject({
  url: subscriptionUrlSchema,
  /** The 44-character base64 key, or the public key file as JSON text. */
  publicKey: z.string().min(1).max(2048),
});

export interface PeerList {
  readonly id: number;
  readonly url: string;
  readonly keyId: string;
  readonly listId: string | null;
  readonly name: string | null;
  readonly publisher: Publisher | null;
  readonly kind: 'block' | 'allow' | null;
  readonly version: number | null;
  readonly entries: number;
  readonly addedBy: string;
  readonly lastCheck: string | null;
  readonly lastSuccess: string | null;
  readonly lastError: string | null;
}

/** One other authority's listing of a domain. */
export interface PeerListing {
  readonly peerId: number;
  readonly listId: string;
  readonly name: string;
  readonly publisher: Publisher;
  readonly kind: 'block' | 'allow';
  readonly category: string;
  /** The date the other authority gives for the entry. */
  readonly since: string;
  /** When this hub first saw the domain on that list. */
  readonly firstSeen: string;
  readonly reference: string | null;
  readonly version: number;
}

interface PeerRow {
  id: number;
  url: string;
  public_key: PublicKeyFile | string;
  list_id: string | null;
  meta: (Omit<List, 'entries'>) | string | null;
  version: number | null;
  etag: string | null;
  added_by: string;
  last_check: Date | null;
  last_success: Date | null;
  last_error: string | null;
  entries: number;
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function fromRow(r: PeerRow): PeerList {
  const meta = r.meta === null ? null : json(r.meta);
  return {
    id: r.id,
    url: r.url,
    keyId: json(r.public_key).keyId,
    listId: r.list_id,
    name: meta?.name ?? null,
    publisher: meta?.publisher ?? null,
    kind: meta?.kind ?? null,
    version: r.version,
    entries: r.entries,
    addedBy: r.added_by,
    lastCheck: iso(r.last_check),
    lastSuccess: iso(r.last_success),
    lastError: r.last_error,
  };
}

const SELECT = `select p.*, (select count(*)::int from peer_entries e where e.peer_id = p.id) as entries from peer_lists p`;

export async function listPeers(db: Queryable): Promise<PeerList[]> {
  const { rows } = await db.query<PeerRow>(`${SELECT} order by p.id`);
  return rows.map(fromRow);
}

export interface PeerDeps {
  readonly fetcher?: FetchBytes;
  readonly now?: () => Date;
}

type Checked = { changed: false } | { changed: true; list: List; etag: string | null };

/** latest.json, then the full list it names, each verified before anything is kept. */
async function download(row: PeerRow, deps: Required<PeerDeps>): Promise<Checked> {
  const key = json(row.public_key);
  const now = deps.now();
  const latestFile = await fetchSigned(deps.fetcher, row.url, LIMITS.latestBytes, row.version === null ? null : row.etag);
  if (latestFile.notModified) return { changed: false };
  // The first download learns the list id from the signed file the key verifies (as the extension does).
  let id = row.list_id;
  if (id === null) {
    const peek = z.looseObject({ id: z.string() }).safeParse(JSON.parse(new TextDecoder().decode(latestFile.bytes)));
    id = peek.success ? peek.data.id : '';
  }
  const expect = { id, key, currentVersion: row.version, now };
  const latest = await checkLatest(latestFile.bytes, latestFile.signature, expect);
  if (latest.version === row.version) return { changed: false };
  const file = await fetchSigned(deps.fetcher, new URL(latest.list, row.url).href, LIMITS.listBytes);
  if (file.notModified) throw new Error(`${latest.list} answered 304 to a first request`);
  const list = await checkList(file.bytes, file.signature, expect);
  if (list.version !== latest.version) throw new Error(`the list is version ${list.version}, latest.json says ${latest.version}`);
  return { changed: true, list, etag: latestFile.etag };
}

async function store(db: Database, row: PeerRow, checked: Checked, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    if (!checked.changed) {
      await tx.query('update peer_lists set last_check = $2, last_success = $2, last_error = null where id = $1', [row.id, at]);
      return;
    }
    const { entries, ...meta } = checked.list;
    await tx.query('update peer_lists set list_id = $2, meta = $3, version = $4, etag = $5, last_check = $6, last_success = $6, last_error = null where id = $1', [
      row.id, meta.id, JSON.stringify(meta), meta.version, checked.etag, at,
    ]);
    const domains = entries.map((e) => e.domain);
    await tx.query('delete from peer_entries where peer_id = $1 and not (domain = any($2::text[]))', [row.id, domains]);
    // first_seen stays what it was for a domain the list already held.
    await tx.query(
      `insert into peer_entries (peer_id, domain, category, added, source, reference, first_seen)
       select $1, e.domain, e.category, e.added::date, e.source, e.reference, $3
       from jsonb_to_recordset($2::jsonb) as e(domain text, category text, added text, source text, reference text)
       on conflict (peer_id, domain) do update set category = excluded.category, added = excluded.added, source = excluded.source, reference = excluded.reference`,
      [row.id, JSON.stringify(entries.map((e) => ({ domain: e.domain, category: e.category, added: e.added, source: e.evidence.source, reference: e.evidence.reference ?? null }))), at],
    );
  });
}

export interface RefreshOutcome {
  readonly peerId: number;
  readonly url: string;
  readonly status: 'updated' | 'unchanged' | 'failed';
  readonly version: number | null;
  readonly error?: string;
}

/** Downloads one subscription; a failure is recorded on it and the last good version stays. */
export async function refreshPeer(db: Database, peerId: number, actor: string, deps: PeerDeps = {}): Promise<RefreshOutcome> {
  const full = { fetcher: deps.fetcher ?? fetchBytes, now: deps.now ?? (() => new Date()) };
  const { rows } = await db.query<PeerRow>(`${SELECT} where p.id = $1`, [peerId]);
  const row = rows[0];
  if (!row) throw new HubError(404, 'not-found', `no subscription ${peerId}`);
  const at = full.now();
  try {
    const checked = await download(row, full);
    await store(db, row, checked, at);
    const outcome: RefreshOutcome = { peerId, url: row.url, status: checked.changed ? 'updated' : 'unchanged', version: checked.changed ? checked.list.version : row.version };
    if (checked.changed) {
      await recordAudit(db, { actor, action: 'refresh-peer', subject: row.url, details: { peerId, listId: checked.list.id, version: checked.list.version, entries: checked.list.entries.length } });
    }
    return outcome;
  } catch (error) {
    const message = describeError(error, at).message;
    await db.query('update peer_lists set last_check = $2, last_error = $3 where id = $1', [peerId, at, message]);
    return { peerId, url: row.url, status: 'failed', version: row.version, error: message };
  }
}

export async function refreshPeers(db: Database, actor: string, deps: PeerDeps = {}): Promise<RefreshOutcome[]> {
  const outcomes: RefreshOutcome[] = [];
  for (const peer of await listPeers(db)) outcomes.push(await refreshPeer(db, peer.id, actor, deps));
  return outcomes;
}

/**
 * Subscribes to another authority's list: its latest.json and the list it names must verify with
 * the key first (nothing is kept otherwise), as a person adding a list in the extension.
 */
export async function subscribePeer(db: Database, input: z.infer<typeof peerRequestSchema>, actor: string, deps: PeerDeps = {}): Promise<{ peer: PeerList; created: boolean }> {
  const key = await parsePublicKey(input.publicKey);
  if (!key) throw new HubError(400, 'invalid-request', 'the public key must be a 44-character base64 Ed25519 key or a public key file');
  const existing = await db.query<{ id: number }>('select id from peer_lists where url = $1', [input.url]);
  if (existing.rows[0]) throw new HubError(409, 'conflict', 'this hub already subscribes to that address');
  const probe: PeerRow = { id: 0, url: input.url, public_key: key, list_id: null, meta: null, version: null, etag: null, added_by: actor, last_check: null, last_success: null, last_error: null, entries: 0 };
  const full = { fetcher: deps.fetcher ?? fetchBytes, now: deps.now ?? (() => new Date()) };
  let checked: Checked;
  try {
    checked = await download(probe, full);
  } catch (error) {
    throw new HubError(409, 'conflict', `not subscribed: ${describeError(error, full.now()).message}`);
  }
  if (!checked.changed) throw new HubError(409, 'conflict', 'not subscribed: the server answered 304 to a first request');
  const { rows } = await db.query<{ id: number }>('insert into peer_lists (url, public_key, added_by) values ($1, $2, $3) returning id', [input.url, JSON.stringify(key), actor]);
  const row = { ...probe, id: rows[0]!.id };
  await store(db, row, checked, full.now());
  await recordAudit(db, { actor, action: 'subscribe-peer', subject: input.url, details: { peerId: row.id, listId: checked.list.id, keyId: key.keyId, version: checked.list.version, entries: checked.list.entries.length } });
  const peer = (await listPeers(db)).find((p) => p.id === row.id)!;
  return { peer, created: true };
}

/** Which other authorities list each of `domains` (an entry for that very domain). */
export async function peerListings(db: Queryable, domains: readonly string[]): Promise<Map<string, PeerListing[]>> {
  const out = new Map<string, PeerListing[]>();
  if (domains.length === 0) return out;
  const { rows } = await db.query<{ domain: string; peer_id: number; meta: Omit<List, 'entries'> | string; category: string; added: string; first_seen: Date; reference: string | null; version: number }>(
    `select e.domain, e.peer_id, p.meta, e.category, to_char(e.added, 'YYYY-MM-DD') as added, e.first_seen, e.reference, p.version
     from peer_entries e join peer_lists p on p.id = e.peer_id where e.domain = any($1::text[]) order by e.added, e.peer_id`,
    [domains],
  );
  for (const r of rows) {
    const meta = json(r.meta);
    const listing: PeerListing = { peerId: r.peer_id, listId: meta.id, name: meta.name, publisher: meta.publisher, kind: meta.kind, category: r.category, since: r.added, firstSeen: new Date(r.first_seen).toISOString(), reference: r.reference, version: r.version };
    out.set(r.domain, [...(out.get(r.domain) ?? []), listing]);
  }
  return out;
}
