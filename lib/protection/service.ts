/**
 * The background's protection service: keeps the in-memory index, answers verdicts, keeps the
 * blocking rules in step with the stored lists (rules-sync.ts), and lifts a block when a person
 * chooses to.
 *
 * Start-up order, so that a woken worker answers at once: the index comes back from its snapshots
 * in one read (`ready`: verdicts from then on), and only then runs what can wait (`started`): the
 * bundled lists' check, on the first wake of a browser session the rule check and clean-up, the
 * managed policy and the reports' retry.
 */
import { browser } from 'wxt/browser';
import { allowForSession, warningPageUrl } from '../blocking';
import { hostFromUrl } from '../domain';
import { applyDeltaToStore, compactedBase, overlaySize, readForWake, removeOrphanChunks, restoreLists, storeBase, type PharmacheckDb, type StoredList } from '../lists';
import type { Handlers } from '../messaging/background';
import type { ProceedResult, VerdictReport } from '../messaging';
import { confirmedVerdictForUrl, verdictForUrl, type Verdict } from '../verdict';
import { showBadge } from './badge';
import { ensureBundledLists } from './bundled';
import { detailsSource } from './entry-sources';
import { ListsService } from './lists-service';
import { ReportsService } from './reports-service';
import { isFirstWakeOfSession, markSessionStarted } from './session';
import { applyPolicy, readPolicy } from './policy';
import { describeVerdict, type ConfirmedVerdict } from './report';
import { RulesSync } from './rules-sync';
import { applyInForce, applyStarted, applyStep, mark, recordTiming, SCRIPT_START, sinceScriptStart, wakeMarks } from './timings';
import { fetchBytes, type ListInstaller } from '../updater';

/** The one-shot alarm that folds the overlay into the dynamic rules, a while after the last delta. */
export const FOLD_ALARM = 'pharmacheck-fold';
const FOLD_DELAY_MINUTES = 1;

/** A list's overlay is compacted into a new base past 5% of the base (at least 2,000, at most 10,000 domains). */
export function needsCompaction(list: Pick<StoredList, 'baseCount'>, overlayDomains: number): boolean {
  return overlayDomains > Math.min(10_000, Math.max(2_000, list.baseCount * 0.05));
}

/** For a tab showing the warning page, the URL it warns about; otherwise the URL itself. */
export function urlToCheck(tabUrl: string, warningUrl: string): string {
  const prefix = `${warningUrl}?url=`;
  return tabUrl.startsWith(prefix) ? tabUrl.slice(prefix.length) : tabUrl;
}

export class ProtectionService {
  private readonly rules: RulesSync;
  /** The index is back: verdicts can be answered. */
  readonly ready: Promise<void>;
  /** Everything start-up does is done (updates wait for it). */
  readonly started: Promise<void>;
  readonly lists: ListsService;
  readonly reports: ReportsService;
  private unindexed: StoredList[] = [];
  private answered = { verdict: false, badge: false };

  constructor(
    private readonly db: PharmacheckDb,
    private readonly now: () => Date = () => new Date(),
  ) {
    mark('main');
    this.rules = new RulesSync({ db, now, warningPageUrl });
    this.lists = new ListsService(db, {
      fetcher: fetchBytes,
      now,
      installer: this.installer(),
      onDownloaded: applyStarted,
      onStep: applyStep,
      onListsChanged: () => this.refresh(),
    });
    this.reports = new ReportsService(db);
    this.ready = this.restore();
    this.started = this.start();
    // Whoever waits for it sees a failure; nobody waiting is no reason for an unhandled rejection.
    this.started.catch((error: unknown) => console.warn('Pharmacheck: start-up failed:', error));
  }

  private async restore(): Promise<void> {
    mark('restore');
    // Dexie opens meanwhile: the first verdict's details are read through it.
    void this.db.open().catch(() => undefined);
    const raw = await readForWake(this.db.name);
    const rows = raw?.rows ?? (await restoreLists(this.db));
    const state = raw ? raw.ruleState : await this.db.ruleState.get('overlay');
    mark('read');
    this.unindexed = await this.rules.restore(rows, state);
    mark('indexed');
  }

  private async start(): Promise<void> {
    await this.ready;
    const firstWake = await isFirstWakeOfSession();
    await this.lists.serial(async () => {
      const bundled = await ensureBundledLists(this.db, async (path) => (await fetch(browser.runtime.getURL(`/${path}` as '/warning.html'))).text(), this.now());
      if (firstWake) await removeOrphanChunks(this.db);
      // Lists stored without a snapshot (by an older version, or a write cut short) get a new base.
      for (const stored of this.unindexed) {
        try {
          const { newBase, entries } = await compactedBase(this.db, stored);
          await storeBase(this.db, stored.meta, stored.source, newBase, entries);
        } catch (error) {
          console.warn(`Pharmacheck: list ${stored.id} could not be read back, left out:`, error);
        }
      }
      if (firstWake) await this.rules.checkSession();
      else if (bundled.length > 0 || this.unindexed.length > 0) await this.rules.reconcile();
    });
    if (firstWake) {
      void this.applyManagedPolicy();
      await markSessionStarted();
    }
    // On a new start, reports queued before the browser closed (or while offline) go out at once,
    // whatever their back-off said; on other wakes only those that are due.
    void this.reports.deliver(firstWake);
  }

  /** Deltas and full lists go through the reconciler, which puts them in force. */
  private installer(): ListInstaller {
    return {
      applyDelta: async (delta) => {
        applyStep('checked');
        const { stored, overlay } = await applyDeltaToStore(this.db, delta, this.rules.index.indexed().get(delta.id));
        applyStep('stored');
        await this.rules.applyOverlay(stored, overlay);
        applyInForce('delta');
        if (this.rules.needsFold) void browser.alarms.create(FOLD_ALARM, { delayInMinutes: FOLD_DELAY_MINUTES });
        return stored;
      },
      installFull: async (checked, source) => {
        applyStep('checked');
        const stored = await this.rules.installFull(checked, source);
        applyInForce('full');
        return stored;
      },
    };
  }

  /** Subscriptions an organisation set through managed storage (none on most browsers). */
  async applyManagedPolicy(): Promise<void> {
    let raw: unknown = {};
    try {
      raw = await browser.storage.managed.get('subscriptions');
    } catch {
      return; // No managed storage here (e.g. no policy schema support): nothing to apply.
    }
    await applyPolicy(this.db, readPolicy(raw), {
      subscribe: (url, publicKey) => this.lists.subscribe(url, publicKey, 'policy'),
      onListsChanged: () => this.refresh(),
    });
  }

  /** After lists changed in the database outside an update: the index and the rules follow. */
  async refresh(): Promise<void> {
    await this.rules.reconcile();
  }

  /**
   * Folds the overlay into the dynamic rules (the fold alarm, and the periodic one as a catch-all),
   * compacting first every list whose overlay grew past its share.
   */
  async fold(): Promise<void> {
    await this.started;
    await this.lists.serial(async () => {
      let compacted = false;
      for (const indexed of this.rules.index.indexed().values()) {
        if (!needsCompaction(indexed.list, overlaySize(indexed.overlay))) continue;
        const { newBase, entries } = await compactedBase(this.db, indexed.list);
        await storeBase(this.db, indexed.list.meta, indexed.list.source, newBase, entries);
        compacted = true;
      }
      if (compacted || this.rules.needsFold) await this.rules.fold();
    });
  }

  /**
   * Called from the periodic alarm: when a list's standing changed since the index was built (an
   * allowlist expired while stored), its rules and verdicts follow.
   */
  async enforceExpiry(): Promise<boolean> {
    await this.started;
    if (!this.rules.index.standingChanged(this.now())) return false;
    await this.lists.serial(() => this.rules.reconcile());
    return true;
  }

  /** The verdict by fingerprint, for the badge. */
  async verdict(url: string): Promise<Verdict | null> {
    await this.ready;
    return verdictForUrl(this.rules.index, urlToCheck(url, warningPageUrl()));
  }

  /** The verdict confirmed against the stored entries, for what a person is told in words. */
  async confirmedVerdict(url: string): Promise<ConfirmedVerdict | null> {
    await this.ready;
    const target = urlToCheck(url, warningPageUrl());
    const host = hostFromUrl(target);
    if (host) await this.rules.settled(host);
    return confirmedVerdictForUrl(this.rules.index, target, detailsSource(this.db));
  }

  async report(url: string): Promise<VerdictReport> {
    mark('asked');
    const target = urlToCheck(url, warningPageUrl());
    const report = describeVerdict(target, await this.confirmedVerdict(target), this.now());
    if (!this.answered.verdict) {
      this.answered.verdict = true;
      recordTiming({ wake: { scriptStartMs: SCRIPT_START, scriptToVerdictMs: sinceScriptStart(), marks: wakeMarks() } });
    }
    return report;
  }

  /** `eventAt`: performance.now() when the tab event came, for the timings. */
  async updateBadge(tabId: number, url: string | undefined, eventAt?: number): Promise<void> {
    await showBadge(tabId, url ? await this.verdict(url) : null);
    if (eventAt !== undefined && !this.answered.badge) {
      this.answered.badge = true;
      recordTiming({ badge: { eventToBadgeMs: performance.now() - eventAt, scriptToBadgeMs: sinceScriptStart() } });
    }
  }

  /** "Proceed anyway": only for a web URL whose site is listed; the page then goes to it. */
  async proceed(url: string): Promise<ProceedResult> {
    const host = hostFromUrl(url);
    if (!host) return { ok: false, reason: 'not-web-url' };
    const verdict = await this.confirmedVerdict(url);
    if (verdict?.kind !== 'listed') return { ok: false, reason: 'not-listed' };
    await allowForSession(host.name);
    return { ok: true, url };
  }

  handlers(): Handlers {
    return {
      'ui-bg-verdict': async ({ url }) => this.report(url),
      'ui-bg-tab-verdict': async ({ tabId }) => {
        const tab = await browser.tabs.get(tabId);
        return this.report(tab.url ?? '');
      },
      'ui-bg-proceed': async ({ url }) => this.proceed(url),
      'ui-bg-subscriptions': async () => this.lists.view(),
      'ui-bg-subscribe': async ({ url, publicKey }) => {
        await this.started;
        return this.lists.subscribe(url, publicKey);
      },
      'ui-bg-unsubscribe': async ({ id }) => ({ ok: await this.lists.unsubscribe(id) }),
      'ui-bg-report-send': async ({ report }) => this.reports.send(report),
      'ui-bg-outbox': async () => this.reports.items(),
      'ui-bg-outbox-delete': async ({ key }) => ({ ok: await this.reports.remove(key) }),
      'ui-bg-outbox-retry': async () => {
        await this.reports.deliver(true);
        return this.reports.items();
      },
      'ui-bg-update-now': async ({ id }) => {
        await this.started;
        return this.lists.updateNow(id);
      },
    };
  }
}
