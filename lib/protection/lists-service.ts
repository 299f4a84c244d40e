/**
 * The background's subscription work: scheduled and on-demand updates, subscribing and
 * unsubscribing, and the view the options page shows. Updates run one at a time; after any change
 * the protection service rebuilds its index and rules, so verdicts switch to the new version at
 * once and never see a half-applied one.
 */
import { counts, effectiveRank, vouchedType, type PharmacheckDb } from '../lists';
import type { DirectoryView, SubscriptionView, UpdateResult } from '../messaging';
import { readDirectory, syncVouches, type DirectoryRoot } from '../trust';
import { applyPolicy, type Policy } from './policy';
import { directoryDue, isDue, subscribe, unsubscribe, updateDirectory, updateSubscription, type FetchBytes, type ListInstaller, type SubscribeResult, type UpdateOutcome } from '../updater';

export interface ListsServiceDeps {
  readonly fetcher: FetchBytes;
  /** Stores updates and puts them in force (rules and index); without one, onListsChanged follows each. */
  readonly installer?: ListInstaller;
  readonly now: () => Date;
  readonly onDownloaded?: (what: 'delta' | 'full') => void;
  readonly onStep?: (step: string) => void;
  /** Called after lists changed outside the installer (index and rules follow). */
  readonly onListsChanged: () => Promise<void>;
  /** The extension's pinned keys for the directory of publishers (none: the directory is not updated). */
  readonly root?: () => DirectoryRoot | null;
}

export class ListsService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: PharmacheckDb,
    private readonly deps: ListsServiceDeps,
  ) {}

  /** Runs jobs one after another, whatever called them (an alarm, "update now", a subscribe). */
  serial<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * The directory first, so that a revocation it brings applies to the lists updated next (and to
   * the lists already stored, whose vouches change at once).
   */
  private async runDirectory(force: boolean): Promise<boolean> {
    const root = this.deps.root?.();
    if (!root || !(force || (await directoryDue(this.db, this.deps.now())))) return false;
    const outcome = await updateDirectory(this.db, root, this.deps);
    return outcome.status === 'updated' && (await syncVouches(this.db, outcome.directory)).length > 0;
  }

  private async run(ids: readonly string[] | 'due', withDirectory: boolean): Promise<UpdateOutcome[]> {
    const vouchesChanged = withDirectory && (await this.runDirectory(ids !== 'due'));
    // An installer puts each update in force against the lists as they stand: new vouches first.
    if (vouchesChanged && this.deps.installer) await this.deps.onListsChanged();
    const subs = await this.db.subscriptions.toArray();
    const now = this.deps.now();
    const chosen = subs.filter((s) => (ids === 'due' ? isDue(s.nextCheck, now) : ids.includes(s.id)));
    const outcomes: UpdateOutcome[] = [];
    for (const sub of chosen) outcomes.push(await updateSubscription(this.db, sub, this.deps));
    const updated = outcomes.some((o) => o.status === 'updated');
    if (!this.deps.installer && (vouchesChanged || updated)) await this.deps.onListsChanged();
    return outcomes;
  }

  updateDue(): Promise<UpdateOutcome[]> {
    return this.serial(() => this.run('due', true));
  }

  /** One list now, or every list and the directory of publishers. */
  async updateNow(id?: string): Promise<UpdateResult[]> {
    const ids = id ? [id] : (await this.db.subscriptions.toArray()).map((s) => s.id);
    const outcomes = await this.serial(() => this.run(ids, id === undefined));
    return outcomes.map((o) => ({
      id: o.id,
      status: o.status,
      ...(o.status === 'updated' || o.status === 'unchanged' ? { version: o.version } : {}),
      ...(o.status === 'failed' ? { reason: o.error.reason } : {}),
    }));
  }

  subscribe(url: string, publicKey: string, addedBy: 'person' | 'policy' = 'person'): Promise<SubscribeResult> {
    return this.serial(() => this.subscribeNow(url, publicKey, addedBy));
  }

  /**
   * Brings the policy's subscriptions in line (policy.ts) as one job in the same queue as updates:
   * an update never stores a list the policy has just dropped, nor the policy removes one midway.
   */
  applyPolicy(wanted: Policy['subscriptions']): Promise<string[]> {
    return this.serial(() => applyPolicy(this.db, wanted, { subscribe: (url, key) => this.subscribeNow(url, key, 'policy'), onListsChanged: this.deps.onListsChanged }));
  }

  private async subscribeNow(url: string, publicKey: string, addedBy: 'person' | 'policy'): Promise<SubscribeResult> {
    const result = await subscribe(this.db, { url, publicKey, addedBy }, this.deps);
    if (result.ok) {
      const sub = await this.db.subscriptions.get(result.id);
      if (sub && (await updateSubscription(this.db, sub, this.deps)).status === 'updated' && !this.deps.installer) await this.deps.onListsChanged();
    }
    return result;
  }

  unsubscribe(id: string): Promise<boolean> {
    return this.serial(async () => {
      const removed = await unsubscribe(this.db, id);
      if (removed) await this.deps.onListsChanged();
      return removed;
    });
  }

  async view(): Promise<SubscriptionView[]> {
    const [subs, lists] = await Promise.all([this.db.subscriptions.toArray(), this.db.lists.toArray()]);
    const byId = new Map(lists.map((l) => [l.id, l]));
    const now = this.deps.now();
    return subs.map((s) => {
      const list = byId.get(s.id);
      return {
        vouch: list?.vouch ?? null,
        rankedAs: list && effectiveRank(list) > 0 ? vouchedType(list) : null,
        counts: list ? counts(list, now) : false,
        id: s.id,
        name: list?.meta.name ?? null,
        publisher: list?.meta.publisher ?? null,
        kind: list?.meta.kind ?? null,
        version: list?.meta.version ?? null,
        entryCount: list?.entryCount ?? 0,
        url: s.url,
        addedBy: s.addedBy,
        keyId: s.key?.keyId ?? null,
        lastSuccess: s.lastSuccess ?? (s.addedBy === 'bundled' ? (list?.installedAt ?? null) : null),
        lastCheck: s.lastCheck,
        lastError: s.lastError,
        broken: s.broken ?? null,
        nextCheck: s.url ? s.nextCheck : null,
        expires: list?.meta.expires ?? null,
        removable: s.addedBy === 'person',
      };
    });
  }

  /** The directory of publishers in force, as the options page shows it. */
  async directory(): Promise<DirectoryView | null> {
    const [row, directory] = await Promise.all([this.db.directory.get('directory'), readDirectory(this.db)]);
    if (!row || !directory) return null;
    return {
      version: row.version,
      source: row.source,
      publishers: directory.publishers.length,
      revoked: directory.revoked.length,
      updates: directory.updateUrl !== undefined,
      lastSuccess: row.lastSuccess,
      lastError: row.lastError,
      expires: directory.expires,
    };
  }
}
