/**
 * The background's subscription work: scheduled and on-demand updates, subscribing and
 * unsubscribing, and the view the options page shows. Updates run one at a time; after any change
 * the protection service rebuilds its index and rules, so verdicts switch to the new version at
 * once and never see a half-applied one.
 */
import type { PharmacheckDb } from '../lists';
import type { SubscriptionView, UpdateResult } from '../messaging';
import { isDue, subscribe, unsubscribe, updateSubscription, type FetchBytes, type ListInstaller, type SubscribeResult, type UpdateOutcome } from '../updater';

export interface ListsServiceDeps {
  readonly fetcher: FetchBytes;
  /** Stores updates and puts them in force (rules and index); without one, onListsChanged follows each. */
  readonly installer?: ListInstaller;
  readonly now: () => Date;
  readonly onDownloaded?: (what: 'delta' | 'full') => void;
  readonly onStep?: (step: string) => void;
  /** Called after lists changed outside the installer (index and rules follow). */
  readonly onListsChanged: () => Promise<void>;
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

  private async run(ids: readonly string[] | 'due'): Promise<UpdateOutcome[]> {
    const subs = await this.db.subscriptions.toArray();
    const now = this.deps.now();
    const chosen = subs.filter((s) => (ids === 'due' ? isDue(s.nextCheck, now) : ids.includes(s.id)));
    const outcomes: UpdateOutcome[] = [];
    for (const sub of chosen) outcomes.push(await updateSubscription(this.db, sub, this.deps));
    if (outcomes.some((o) => o.status === 'updated') && !this.deps.installer) await this.deps.onListsChanged();
    return outcomes;
  }

  updateDue(): Promise<UpdateOutcome[]> {
    return this.serial(() => this.run('due'));
  }

  async updateNow(id?: string): Promise<UpdateResult[]> {
    const ids = id ? [id] : (await this.db.subscriptions.toArray()).map((s) => s.id);
    const outcomes = await this.serial(() => this.run(ids));
    return outcomes.map((o) => ({
      id: o.id,
      status: o.status,
      ...(o.status === 'updated' || o.status === 'unchanged' ? { version: o.version } : {}),
      ...(o.status === 'failed' ? { reason: o.error.reason } : {}),
    }));
  }

  subscribe(url: string, publicKey: string, addedBy: 'person' | 'policy' = 'person'): Promise<SubscribeResult> {
    return this.serial(async () => {
      const result = await subscribe(this.db, { url, publicKey, addedBy }, this.deps);
      if (result.ok) {
        const sub = await this.db.subscriptions.get(result.id);
        if (sub && (await updateSubscription(this.db, sub, this.deps)).status === 'updated' && !this.deps.installer) await this.deps.onListsChanged();
      }
      return result;
    });
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
    return subs.map((s) => {
      const list = byId.get(s.id);
      return {
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
        nextCheck: s.url ? s.nextCheck : null,
        expires: list?.meta.expires ?? null,
        removable: s.addedBy === 'person',
      };
    });
  }
}
