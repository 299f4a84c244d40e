/**
 * One update of one subscription: latest.json first (a 304 or the same version ends it), then the
 * delta from the version in force if the publisher offers one, the full list otherwise or when the
 * delta fails. Every file is verified (lib/lists/download.ts) before anything is stored, and a
 * store switches versions atomically, so after any failure the last good version stays in force.
 * The keys a file may be signed with come from the directory of publishers and the subscription
 * (lib/trust/keys.ts); a latest.json signed by another key makes the subscriber look for the
 * publisher's rotation statement (rotation.ts).
 */
import {
  applyDeltaToStore,
  checkDelta,
  checkLatest,
  checkListDomains,
  DeltaMismatch,
  inBaseOrder,
  LIMITS,
  prepareBase,
  Refused,
  storeBase,
  type CheckedDomains,
  type Delta,
  type ListSource,
  type PharmacheckDb,
  type StoredList,
  type Subscription,
  type UpdateError,
  type Vouch,
} from '../lists';
import { signatureFileSchema } from '../signing';
import { acceptedKeys, isRetired, readDirectory, revocationOf, vouchFor } from '../trust';
import { fetchSigned, FetchFailed, type FetchBytes } from './fetch';
import { followRotations } from './rotation';
import { failureDelayMs, successDelayMs } from './schedule';

export type UpdateOutcome =
  | { readonly id: string; readonly status: 'unchanged'; readonly version: number | null }
  | { readonly id: string; readonly status: 'updated'; readonly via: 'delta' | 'full'; readonly version: number; readonly deltaError?: UpdateError }
  | { readonly id: string; readonly status: 'failed'; readonly error: UpdateError }
  | { readonly id: string; readonly status: 'skipped' };

/**
 * What stores a verified download and puts it in force. The background's puts the blocking rules
 * in step too (lib/protection/rules-sync.ts); `storeOnly` (tests, tools) writes the database only.
 */
export interface ListInstaller {
  /** `vouch`: who vouches for the list now (lib/trust/keys.ts, from the key that signed the delta). */
  applyDelta(delta: Delta, vouch: Vouch): Promise<StoredList>;
  /** A list checked as far as its domains (its entries' other fields are checked here). */
  installFull(checked: CheckedDomains, source: ListSource, vouch: Vouch): Promise<StoredList>;
}

export function storeOnly(db: PharmacheckDb): ListInstaller {
  return {
    applyDelta: async (delta, vouch) => (await applyDeltaToStore(db, delta, undefined, vouch)).stored,
    installFull: async (checked, source, vouch) => {
      let newBase;
      try {
        newBase = await prepareBase(db, checked.domains);
      } catch (error) {
        if (error instanceof RangeError) throw new Refused('invalid', `the list: ${error.message}`);
        throw error;
      }
      return storeBase(db, checked.meta, source, newBase, inBaseOrder(newBase, checked.entries()), vouch);
    },
  };
}

export interface UpdateDeps {
  readonly fetcher: FetchBytes;
  /** Default: storeOnly. */
  readonly installer?: ListInstaller;
  readonly now: () => Date;
  readonly random?: () => number;
  /** Called when a list's or a delta's bytes have arrived, before they are checked (for timings). */
  readonly onDownloaded?: (what: 'delta' | 'full') => void;
  /** Called after each check of a download (for timings). */
  readonly onStep?: (step: string) => void;
}

export function describeError(error: unknown, at: Date): UpdateError {
  if (error instanceof Refused) return { reason: error.reason, message: error.message, at: at.toISOString() };
  if (error instanceof FetchFailed) return { reason: error.reason, message: error.message, at: at.toISOString() };
  if (error instanceof DeltaMismatch) return { reason: 'delta-mismatch', message: error.message, at: at.toISOString() };
  return { reason: 'internal', message: error instanceof Error ? error.message : String(error), at: at.toISOString() };
}

/** The key id a signature file names, or null (the check then says what is wrong with it). */
function signerOf(signature: string): string | null {
  try {
    return signatureFileSchema.safeParse(JSON.parse(signature)).data?.keyId ?? null;
  } catch {
    return null;
  }
}

type Keyed = Subscription & { url: string; key: NonNullable<Subscription['key']> };
type Downloaded = UpdateOutcome & { etag?: string | null; interval?: number; key?: Subscription['key'] };

async function download(db: PharmacheckDb, subscribed: Keyed, deps: UpdateDeps): Promise<Downloaded> {
  const installer = deps.installer ?? storeOnly(db);
  let sub = subscribed;
  const current = await db.lists.get(sub.id);
  const directory = await readDirectory(db);
  const now = deps.now();
  let ring = acceptedKeys(sub, directory, now);
  if (ring.keys.length === 0) throw new Refused('revoked-key', `the directory revoked every key of list "${sub.id}"`);
  const expectFor = () => ({ id: sub.id, key: ring.keys, currentVersion: current?.meta.version ?? null, now });
  // A stored ETag is only trusted while the list it was processed with is still stored.
  const latestFile = await fetchSigned(deps.fetcher, sub.url, LIMITS.latestBytes, current ? sub.etag : null);
  // Not modified: the list in force says how often to look again.
  if (latestFile.notModified) return { id: sub.id, status: 'unchanged', version: current?.meta.version ?? null, interval: current?.meta.updateIntervalMinutes };
  const signer = signerOf(latestFile.signature);
  if (signer !== null && !ring.keys.some((k) => k.keyId === signer)) {
    if (revocationOf(directory, signer)) throw new Refused('revoked-key', `latest.json is signed by ${signer}, which the directory revoked`);
    // The directory's key list wins over rotation statements for the lists it names.
    if (ring.from === 'subscription') {
      sub = await followRotations(db, sub, signer, directory, deps);
      ring = acceptedKeys(sub, directory, now);
    }
    if (isRetired(sub, signer, now)) throw new Refused('retired-key', `latest.json is signed by ${signer}, which this list left and whose rollover has passed`);
  }
  const expect = expectFor();
  const latest = await checkLatest(latestFile.bytes, latestFile.signature, expect);
  const base = { etag: latestFile.etag, interval: latest.updateIntervalMinutes };
  if (latest.version === expect.currentVersion) return { id: sub.id, status: 'unchanged', version: latest.version, ...base };
  // The key of the version in force: for a list the directory names, whichever of its keys signed
  // it; otherwise the subscription's current key (an older one it still accepts is not taken back).
  const keyOf = (signature: string) => (ring.from === 'directory' ? ring.keys.find((k) => k.keyId === signerOf(signature)) : undefined) ?? sub.key;

  let deltaError: UpdateError | undefined;
  const offered = current ? latest.deltas.find((d) => d.from === current.meta.version) : undefined;
  if (offered) {
    try {
      const file = await fetchSigned(deps.fetcher, new URL(offered.file, sub.url).href, LIMITS.deltaBytes);
      if (file.notModified) throw new FetchFailed('http-304', offered.file);
      deps.onDownloaded?.('delta');
      const delta = await checkDelta(file.bytes, file.signature, expect, deps.onStep);
      if (delta.to !== latest.version) throw new Refused('invalid', `the delta leads to version ${delta.to}, latest.json says ${latest.version}`);
      const key = keyOf(file.signature);
      const stored = await installer.applyDelta(delta, vouchFor({ ...sub, key }, directory));
      return { id: sub.id, status: 'updated', via: 'delta', version: stored.meta.version, ...base, key };
    } catch (error) {
      deltaError = describeError(error, deps.now());
    }
  }
  const file = await fetchSigned(deps.fetcher, new URL(latest.list, sub.url).href, LIMITS.listBytes);
  if (file.notModified) throw new FetchFailed('http-304', latest.list);
  deps.onDownloaded?.('full');
  const checked = await checkListDomains(file.bytes, file.signature, expect, deps.onStep);
  if (checked.meta.version !== latest.version) throw new Refused('invalid', `the list is version ${checked.meta.version}, latest.json says ${latest.version}`);
  const key = keyOf(file.signature);
  await installer.installFull(checked, { type: 'url', url: sub.url }, vouchFor({ ...sub, key }, directory));
  return { id: sub.id, status: 'updated', via: 'full', version: checked.meta.version, ...base, key, ...(deltaError ? { deltaError } : {}) };
}

/** Runs one update and records its outcome on the subscription. Never throws. */
export async function updateSubscription(db: PharmacheckDb, sub: Subscription, deps: UpdateDeps): Promise<UpdateOutcome> {
  if (sub.url === null || sub.key === null) return { id: sub.id, status: 'skipped' };
  const started = deps.now();
  try {
    const { etag, interval, key, ...outcome } = await download(db, { ...sub, url: sub.url, key: sub.key }, deps);
    const finished = deps.now();
    await db.subscriptions.update(sub.id, {
      ...(key ? { key } : {}),
      lastCheck: finished.toISOString(),
      lastSuccess: finished.toISOString(),
      lastError: null,
      broken: null,
      failures: 0,
      nextCheck: new Date(finished.getTime() + successDelayMs(interval)).toISOString(),
      ...(etag !== undefined ? { etag } : {}),
    });
    return outcome;
  } catch (error) {
    const failures = sub.failures + 1;
    const lastError = describeError(error, started);
    await db.subscriptions.update(sub.id, {
      lastCheck: started.toISOString(),
      lastError,
      failures,
      nextCheck: new Date(started.getTime() + failureDelayMs(failures, deps.random)).toISOString(),
    });
    return { id: sub.id, status: 'failed', error: lastError };
  }
}
