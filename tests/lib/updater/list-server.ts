/**
 * An in-memory list server for update tests: the files publishFiles makes, served by path as a
 * static web server would (ETags and 304s), with a log of every request. Tests change what it
 * serves to play a broken or hostile publisher.
 */
import { createHash } from 'node:crypto';
import { loadLists, openDatabase, publishFiles, readBaseEntries, readOverlay, type PharmacheckDb, type PublishInput } from '../../../lib/lists';
import { sign, signatureText, type SecretKeyFile } from '../../../lib/signing';
import { FetchFailed, type FetchBytes, type FetchFailure } from '../../../lib/updater';

export const ROOT = 'https://lists.example/';
export const NOW = new Date('2026-06-01T12:00:00.000Z');
export const MINUTE = 60_000;

export interface ListRequest {
  readonly path: string;
  readonly maxBytes: number;
  readonly etag: string | null;
}

const encoder = new TextEncoder();

export class ListServer {
  readonly files = new Map<string, Uint8Array>();
  readonly log: ListRequest[] = [];
  /** Paths that answer with a failure instead of their file (a server error, a reset). */
  readonly failing = new Map<string, FetchFailure>();
  /** When false, the server sends no ETags (so never a 304). */
  etags = true;
  /** Runs before every answer: a test delays answers with it. */
  beforeAnswer: (() => Promise<void>) | null = null;
  private inFlight = 0;
  /** The most requests that were ever being answered at the same time. */
  maxInFlight = 0;

  url(path: string): string {
    return `${ROOT}${path}`;
  }

  etagOf(path: string): string {
    const bytes = this.files.get(path);
    if (!bytes) throw new Error(`no file ${path}`);
    return `"${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}"`;
  }

  async publish(input: PublishInput): Promise<void> {
    for (const [path, bytes] of await publishFiles(input)) this.files.set(path, bytes);
  }

  /** Serves bytes with a valid signature by `key`, as a publisher who signs anything would. */
  async putSigned(path: string, content: string | Uint8Array, key: SecretKeyFile): Promise<void> {
    const bytes = typeof content === 'string' ? encoder.encode(content) : content;
    this.files.set(path, bytes);
    this.files.set(`${path}.sig`, encoder.encode(signatureText(await sign(bytes, key))));
  }

  /** Changes a signed JSON file and signs it again. */
  async rewriteJson(path: string, change: (value: Record<string, unknown>) => Record<string, unknown>, key: SecretKeyFile): Promise<void> {
    const value = JSON.parse(new TextDecoder().decode(this.file(path))) as Record<string, unknown>;
    await this.putSigned(path, JSON.stringify(change(value)), key);
  }

  /** Changes one byte of a file and keeps its signature, as an attacker on the way would. */
  tamper(path: string): void {
    const bytes = this.file(path).slice();
    const at = bytes.indexOf('"'.charCodeAt(0), bytes.length >> 1);
    if (at < 0) throw new Error(`nothing to tamper with in ${path}`);
    bytes[at] = 'x'.charCodeAt(0);
    this.files.set(path, bytes);
  }

  /** Serves the file (and its signature) at `from` under the path `to` as well. */
  copy(from: string, to: string): void {
    this.files.set(to, this.file(from));
    this.files.set(`${to}.sig`, this.file(`${from}.sig`));
  }

  file(path: string): Uint8Array {
    const bytes = this.files.get(path);
    if (!bytes) throw new Error(`no file ${path}`);
    return bytes;
  }

  requested(): string[] {
    return this.log.map((r) => r.path);
  }

  readonly fetcher: FetchBytes = async (url, { maxBytes, etag }) => {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (!url.startsWith(ROOT)) throw new FetchFailed('network', url);
      const path = url.slice(ROOT.length);
      this.log.push({ path, maxBytes, etag: etag ?? null });
      await this.beforeAnswer?.();
      const failure = this.failing.get(path);
      if (failure) throw new FetchFailed(failure, url);
      const bytes = this.files.get(path);
      if (!bytes) throw new FetchFailed('http-404', url);
      const tag = this.etags ? this.etagOf(path) : null;
      if (tag !== null && etag === tag) return { notModified: true };
      // fetchBytes never returns more than maxBytes; neither does this server.
      if (bytes.byteLength > maxBytes) throw new FetchFailed('too-large', url);
      return { notModified: false, bytes: bytes.slice(), etag: tag };
    } finally {
      this.inFlight--;
    }
  };
}

/** A database of its own for every test; `closeDatabases` deletes them all. */
const open: PharmacheckDb[] = [];
let opened = 0;

export function freshDb(prefix: string): PharmacheckDb {
  const db = openDatabase(`${prefix}-${++opened}-${crypto.randomUUID()}`);
  open.push(db);
  return db;
}

export async function closeDatabases(): Promise<void> {
  for (const db of open.splice(0)) await db.delete();
}

/** The lists in force, as the index (loadLists: domains) and the details (entries) both read them. */
export async function inForce(db: PharmacheckDb): Promise<{ id: string; version: number; domains: string[] }[]> {
  const loaded = await loadLists(db);
  const out: { id: string; version: number; domains: string[] }[] = [];
  for (const { stored, domains } of loaded) {
    const { overlay, entries: added } = await readOverlay(db, stored);
    const entries = [...(await readBaseEntries(db, stored)).filter((e) => !overlay.removes.has(e.domain)), ...added.values()];
    if (entries.map((e) => e.domain).sort().join('\n') !== [...domains].sort().join('\n')) throw new Error(`list ${stored.id}: entries and domains disagree`);
    out.push({ id: stored.id, version: stored.meta.version, domains: [...domains].sort() });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** How many chunk rows the database holds (a refused update must write none). */
export async function chunkCount(db: PharmacheckDb): Promise<number> {
  return (await db.domainChunks.count()) + (await db.entryChunks.count());
}
