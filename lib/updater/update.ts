/**
 * One update of one subscription: latest.json first (a 304 or the same version ends it), then the
 * delta from the version in force if the publisher offers one, the full list otherwise or when the
 * delta fails. Every file is verified (lib/lists/download.ts) before anything is stored, and a
 * store switches versions atomically, so after any failure the last good version stays in force.
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
} from '../lists';
import { fetchSigned, FetchFailed, type FetchBytes } from './fetch';
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
  applyDelta(delta: Delta): Promise<StoredList>;
  /** A list checked as far as its domains (its entries' other fields are checked here). */
  installFull(checked: CheckedDomains, source: ListSource): Promise<StoredList>;
}

export function storeOnly(db: PharmacheckDb): ListInstaller {
  return {
    applyDelta: async (delta) => (await applyDeltaToStore(db, delta)).stored,
    installFull: async (checked, source) => {
      let newBase;
      try {
        newBase = await prepareBase(db, checked.domains);
      } catch (error) {
        if (error instanceof RangeError) throw new Refused('invalid', `the list: ${error.message}`);
        throw error;
      }
      return storeBase(db, checked.meta, source, newBase, inBaseOrder(newBase, checked.entries()));
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

async function download(db: PharmacheckDb, sub: Subscription & { url: string; key: NonNullable<Subscription['key']> }, deps: UpdateDeps): Promise<UpdateOutcome & { etag?: string | null; interval?: number }> {
  const installer = deps.installer ?? storeOnly(db);
  const current = await db.lists.get(sub.id);
  const expect = { id: sub.id, key: sub.key, currentVersion: current?.meta.version ?? null, now: deps.now() };
  // A stored ETag is only trusted while the list it was processed with is still stored.
  const latestFile = await fetchSigned(deps.fetcher, sub.url, LIMITS.latestBytes, current ? sub.etag : null);
  // Not modified: the list in force says how often to look again.
  if (latestFile.notModified) return { id: sub.id, status: 'unchanged', version: expect.currentVersion, interval: current?.meta.updateIntervalMinutes };
  const latest = await checkLatest(latestFile.bytes, latestFile.signature, expect);
  const base = { etag: latestFile.etag, interval: latest.updateIntervalMinutes };
  if (latest.version === expect.currentVersion) return { id: sub.id, status: 'unchanged', version: latest.version, ...base };

  let deltaError: UpdateError | undefined;
  const offered = current ? latest.deltas.find((d) => d.from === current.meta.version) : undefined;
  if (offered) {
    try {
      const file = await fetchSigned(deps.fetcher, new URL(offered.file, sub.url).href, LIMITS.deltaBytes);
      if (file.notModified) throw new FetchFailed('http-304', offered.file);
      deps.onDownloaded?.('delta');
      const delta = await checkDelta(file.bytes, file.signature, expect, deps.onStep);
      if (delta.to !== latest.version) throw new Refused('invalid', `the delta leads to version ${delta.to}, latest.json says ${latest.version}`);
      const stored = await installer.applyDelta(delta);
      return { id: sub.id, status: 'updated', via: 'delta', version: stored.meta.version, ...base };
    } catch (error) {
      deltaError = describeError(error, deps.now());
    }
  }
  const file = await fetchSigned(deps.fetcher, new URL(latest.list, sub.url).href, LIMITS.listBytes);
  if (file.notModified) throw new FetchFailed('http-304', latest.list);
  deps.onDownloaded?.('full');
  const checked = await checkListDomains(file.bytes, file.signature, expect, deps.onStep);
  if (checked.meta.version !== latest.version) throw new Refused('invalid', `the list is version ${checked.meta.version}, latest.json says ${latest.version}`);
  await installer.installFull(checked, { type: 'url', url: sub.url });
  return { id: sub.id, status: 'updated', via: 'full', version: checked.meta.version, ...base, ...(deltaError ? { deltaError } : {}) };
}

/** Runs one update and records its outcome on the subscription. Never throws. */
export async function updateSubscription(db: PharmacheckDb, sub: Subscription, deps: UpdateDeps): Promise<UpdateOutcome> {
  if (sub.url === null || sub.key === null) return { id: sub.id, status: 'skipped' };
  const started = deps.now();
  try {
    const { etag, interval, ...outcome } = await download(db, { ...sub, url: sub.url, key: sub.key }, deps);
    const finished = deps.now();
    await db.subscriptions.update(sub.id, {
      lastCheck: finished.toISOString(),
      lastSuccess: finished.toISOString(),
      lastError: null,
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
