/**
 * The background's protection service: keeps the in-memory index, answers verdicts, keeps the
 * blocking rules in step with the stored lists (rules-sync.ts), and lifts a block when a person
 * chooses to.
 *
 * Start-up order, so that a woken worker answers at once: the index comes back from its snapshots
 * in one read (`ready`: verdicts from then on), and only then runs what can wait (`started`): the
 * bundled lists' check, the directory of publishers, on the first wake of a browser session the
 * rule check and clean-up, the managed policy and the reports' retry. The first wake of a session
 * is the exception: its verdicts wait for start-up, since the shipped directory may change who
 * vouches for a list.
 */
import { browser } from 'wxt/browser';
import { allowForSession, warningPageUrl } from '../blocking';
import { hostFromUrl } from '../domain';
import { applyDeltaToStore, compactedBase, dropOldRows, overlaySize, readForWake, removeOrphanChunks, restoreLists, storeBase, type PharmacheckDb, type StoredList } from '../lists';
import type { ContentHandlers, Handlers } from '../messaging/background';
import type { CautionView, ProceedResult, VerdictReport } from '../messaging';
import { confirmedVerdictForUrl, verdictForUrl, withCaution, type Verdict } from '../verdict';
import type { CautionAssessment, PageFeatures } from '../caution';
import { CautionTabs } from './caution-tabs';
import { EmbeddedSites, framingPage } from './frames';
import { warnOnCommit, type Commit } from './service-workers';
import { cautionNotice } from './caution-notice';
import { browserPageAccess } from '../platform/page-access';
import { untilOrAfter } from '../platform/until';
import { lookAtPage, type LookOutcome, type PageAccess } from './page-look';
import { showBadge } from './badge';
import { ensureBundledLists } from './bundled';
import { setAsideBroken } from './broken';
import { detailsSource } from './entry-sources';
import { ListsService } from './lists-service';
import { ReportsService } from './reports-service';
import { isFirstWakeOfSession, markSessionStarted } from './session';
import { readPolicy } from './policy';
import { describeVerdict, type ConfirmedVerdict } from './report';
import { RulesSync } from './rules-sync';
import { applyInForce, applyStarted, applyStep, mark, recordTiming, SCRIPT_START, sinceScriptStart, wakeMarks } from './timings';
import { fetchBytes, type ListInstaller } from '../updater';
import { ensureShippedDirectory, readDirectory, readShippedDirectory, readShippedRoot, syncVouches, type DirectoryRoot } from '../trust';

/** The one-shot alarm that folds the overlay into the dynamic rules, a while after the last delta. */
export const FOLD_ALARM = 'pharmacheck-fold';
const FOLD_DELAY_MINUTES = 1;

/**
 * How long a later wake's start-up work waits for the wake's first answer (a verdict, a badge)
 * before it runs anyway: a worker woken by an alarm or an event that asks nothing answers nobody.
 */
export const START_AFTER_ANSWER_MS = 200;

/** A list's overlay is compacted into a new base past 5% of the base (at least 2,000, at most 10,000 domains). */
export function needsCompaction(list: Pick<StoredList, 'baseCount'>, overlayDomains: number): boolean {
  return overlayDomains > Math.min(10_000, Math.max(2_000, list.baseCount * 0.05));
}

function cautionView(a: CautionAssessment): CautionView | null {
  if (a.level === 'none') return null;
  return { level: a.level, signals: a.signals.map((s) => ({ id: s.id, key: s.reason.key, subs: s.reason.subs })), register: a.register };
}

/** A file of the extension's package, as text (the bundled lists, the shipped directory). */
const fetchText = async (path: string): Promise<string> => (await fetch(browser.runtime.getURL(`/${path}` as '/warning.html'))).text();

/** For a tab showing the warning page, the URL it warns about; otherwise the URL itself. */
export function urlToCheck(tabUrl: string, warningUrl: string): string {
  const prefix = `${warningUrl}?url=`;
  return tabUrl.startsWith(prefix) ? tabUrl.slice(prefix.length) : tabUrl;
}

export class ProtectionService {
  private readonly rules: RulesSync;
  /** The pinned keys of the directory of publishers shipped in the package (null if it is broken). */
  private root: DirectoryRoot | null = null;
  /**
   * Verdicts can be answered: the index is back. On the first wake of a session (an install, an
   * update, a browser start) also the shipped directory's vouches and the rules that follow them.
   */
  readonly ready: Promise<void>;
  /** Everything start-up does is done (updates wait for it). */
  readonly started: Promise<void>;
  readonly lists: ListsService;
  readonly reports: ReportsService;
  readonly caution = new CautionTabs();
  readonly embedded = new EmbeddedSites();
  private unindexed: StoredList[] = [];
  private answered = { verdict: false, badge: false };
  private firstAnswer: () => void = () => undefined;
  /** The wake's first answer is given: a verdict in words (report) or a badge (updateBadge). */
  private readonly answeredOnce = new Promise<void>((resolve) => (this.firstAnswer = resolve));

  constructor(
    private readonly db: PharmacheckDb,
    private readonly now: () => Date = () => new Date(),
  ) {
    mark('main');
    this.rules = new RulesSync({ db, now, warningPageUrl, onUnreadable: (id, error) => this.setAside(id, error) });
    this.lists = new ListsService(db, {
      fetcher: fetchBytes,
      now,
      installer: this.installer(),
      onDownloaded: applyStarted,
      onStep: applyStep,
      onListsChanged: () => this.refresh(),
      root: () => this.root,
    });
    this.reports = new ReportsService(db);
    const firstWake = isFirstWakeOfSession();
    const restored = this.restore();
    this.started = this.start(restored, firstWake);
    // Whoever waits for it sees a failure; nobody waiting is no reason for an unhandled rejection.
    this.started.catch((error: unknown) => console.warn('Pharmacheck: start-up failed:', error));
    this.ready = this.whenReady(restored, firstWake);
  }

  /**
   * Later wakes answer from the restored index at once. The first wake of a session waits for
   * start-up: a release's directory may revoke a key or vouch for a list anew, and no verdict is
   * given from the standing before it (the rules follow it in the same step).
   */
  private async whenReady(restored: Promise<void>, firstWake: Promise<boolean>): Promise<void> {
    await restored;
    if (await firstWake) await this.started.catch(() => undefined);
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

  private async start(restored: Promise<void>, isFirstWake: Promise<boolean>): Promise<void> {
    await restored;
    const firstWake = await isFirstWake;
    // A later wake answers first. Its start-up work (the bundled lists' check, the directory, the
    // reports due) fetches and parses on the thread that answers, and would hold back the verdict
    // the worker was woken for while that verdict's own reads are under way. The first wake of a
    // session runs it at once: its verdicts wait for it (whenReady).
    if (!firstWake) await untilOrAfter(this.answeredOnce, START_AFTER_ANSWER_MS);
    await this.lists.serial(async () => {
      if (firstWake) await this.rules.restoreSession();
      // Lists stored without a snapshot (by an older version, or a write cut short) get a new base;
      // one that cannot be read back is set aside (before the bundled lists' check, which then
      // installs a bundled one again from the package).
      for (const stored of this.unindexed) {
        try {
          const { newBase, entries } = await compactedBase(this.db, stored);
          await storeBase(this.db, stored.meta, stored.source, newBase, entries);
        } catch (error) {
          await this.setAside(stored.id, error);
        }
      }
      const bundled = await ensureBundledLists(this.db, fetchText, this.now());
      await this.startDirectory(fetchText, firstWake);
      if (firstWake) await removeOrphanChunks(this.db);
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

  /**
   * A list whose stored copy cannot be read back: set aside (broken.ts), the others untouched, and
   * fetched again once the work in progress is done: a bundled list from the package, another by
   * its update (which then backs off as any failed update does, and the next alarm tries again).
   */
  private async setAside(id: string, error: unknown): Promise<void> {
    console.warn(`Pharmacheck: list ${id} could not be read back; set aside and fetched again:`, error);
    await setAsideBroken(this.db, id, error, this.now());
    void this.started
      .catch(() => undefined)
      .then(() => this.refetch(id))
      .catch((failure: unknown) => console.warn(`Pharmacheck: list ${id} could not be fetched again:`, failure));
  }

  private async refetch(id: string): Promise<void> {
    const sub = await this.db.subscriptions.get(id);
    if (!sub || (await this.db.lists.get(id))) return;
    if (sub.url !== null) {
      await this.lists.updateNow(id);
      return;
    }
    await this.lists.serial(async () => {
      if ((await ensureBundledLists(this.db, fetchText, this.now())).length > 0) await this.rules.reconcile();
    });
  }

  /** Deltas and full lists go through the reconciler, which puts them in force. */
  private installer(): ListInstaller {
    return {
      applyDelta: async (delta, vouch) => {
        applyStep('checked');
        const { stored, overlay } = await applyDeltaToStore(this.db, delta, this.rules.index.indexed().get(delta.id), vouch);
        applyStep('stored');
        await this.rules.applyOverlay(stored, overlay);
        applyInForce('delta');
        if (this.rules.needsFold) void browser.alarms.create(FOLD_ALARM, { delayInMinutes: FOLD_DELAY_MINUTES });
        return stored;
      },
      installFull: async (checked, source, vouch) => {
        applyStep('checked');
        const stored = await this.rules.installFull(checked, source, vouch);
        applyInForce('full');
        return stored;
      },
    };
  }

  /**
   * The directory of publishers. On the first wake of a session (which every install, update and
   * browser start is): the shipped one unless a newer one that still verifies with the shipped
   * pinned keys is stored, then every list's vouch from it, so a release's revocation applies
   * before the first verdict (`ready` waits for it; the rule check that follows puts the rules in
   * step with the new vouches). Later wakes only read the pinned keys. A broken shipped directory
   * leaves the stored one in force, without updates.
   */
  private async startDirectory(fetchText: (path: string) => Promise<string>, firstWake: boolean): Promise<void> {
    let directory;
    try {
      if (!firstWake) {
        this.root = await readShippedRoot(fetchText);
        return;
      }
      const shipped = await readShippedDirectory(fetchText);
      directory = await ensureShippedDirectory(this.db, shipped, this.now());
      this.root = shipped.root;
    } catch (error) {
      console.error('Pharmacheck: the shipped directory of publishers is unusable', error);
      directory = await readDirectory(this.db);
    }
    await syncVouches(this.db, directory);
  }

  /** Subscriptions an organisation set through managed storage (none on most browsers). */
  async applyManagedPolicy(): Promise<void> {
    let raw: unknown = {};
    try {
      raw = await browser.storage.managed.get('subscriptions');
    } catch {
      return; // No managed storage here (e.g. no policy schema support): nothing to apply.
    }
    await this.lists.applyPolicy(readPolicy(raw));
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
      const compacted: string[] = [];
      for (const indexed of this.rules.index.indexed().values()) {
        if (!needsCompaction(indexed.list, overlaySize(indexed.overlay))) continue;
        const { newBase, entries } = await compactedBase(this.db, indexed.list);
        // The index answers from the old base until the fold below: its rows stay until then.
        await storeBase(this.db, indexed.list.meta, indexed.list.source, newBase, entries, undefined, true);
        compacted.push(indexed.list.id);
      }
      if (compacted.length > 0 || this.rules.needsFold) await this.rules.fold();
      for (const id of compacted) await dropOldRows(this.db, id);
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
    const verdict = await this.confirmedVerdict(target);
    const subs = verdict?.hits.length ? await this.db.subscriptions.bulkGet(verdict.hits.map((h) => h.list.id)) : [];
    const keyIds = new Map(subs.flatMap((s) => (s?.key ? [[s.id, s.key.keyId] as const] : [])));
    const report = describeVerdict(target, verdict, this.now(), keyIds);
    if (!this.answered.verdict) {
      this.answered.verdict = true;
      recordTiming({ wake: { scriptStartMs: SCRIPT_START, scriptToVerdictMs: sinceScriptStart(), marks: wakeMarks() } });
    }
    this.firstAnswer();
    return report;
  }

  /** The verdict for what a tab shows: a list's, or else the caution signals' for that tab's page. */
  async tabVerdict(tabId: number, url: string): Promise<{ verdict: Verdict | null; caution: CautionAssessment | null }> {
    const verdict = await this.verdict(url);
    if (!verdict || verdict.kind !== 'unknown') return { verdict, caution: null };
    const caution = await this.caution.forTab(tabId, urlToCheck(url, warningPageUrl()));
    return { verdict: withCaution(verdict, caution?.level ?? null), caution };
  }

  /** `eventAt`: performance.now() when the tab event came, for the timings. */
  async updateBadge(tabId: number, url: string | undefined, eventAt?: number): Promise<void> {
    try {
      await showBadge(tabId, url ? (await this.tabVerdict(tabId, url)).verdict : null, url ? await this.embedded.forTab(tabId, url) : []);
    } finally {
      this.firstAnswer();
    }
    if (eventAt !== undefined && !this.answered.badge) {
      this.answered.badge = true;
      recordTiming({ badge: { eventToBadgeMs: performance.now() - eventAt, scriptToBadgeMs: sinceScriptStart() } });
    }
  }

  /**
   * A page finished loading in a tab's top frame: the caution verdict's first look, and the closer
   * look where it passes (lib/protection/page-look.ts). Never for a page a list has a verdict for.
   */
  async pageLoaded(tabId: number, url: string, access: PageAccess = browserPageAccess()): Promise<LookOutcome> {
    const outcome = await lookAtPage(tabId, url, { access, unlisted: (page) => this.unlisted(page), judge: (tab, page, features) => this.pageJudged(tab, page, features) });
    await this.caution.looked(tabId, url, outcome).catch(() => undefined);
    return outcome;
  }

  /** A page's checked features: its caution assessment for the tab, the badge, and whether it gets the notice. */
  private async pageJudged(tabId: number, url: string, features: PageFeatures): Promise<boolean> {
    // A list that gained the site meanwhile wins: no caution, no notice.
    if (!(await this.unlisted(url))) return false;
    const assessment = await this.caution.pageSeen(tabId, url, features);
    await this.updateBadge(tabId, url);
    return assessment?.level === 'strong' && !(await this.caution.isDismissed(url));
  }

  /** No list has a verdict for `url` (neither listed nor verified): only then may caution judge it. */
  private async unlisted(url: string): Promise<boolean> {
    return (await this.verdict(url))?.kind === 'unknown';
  }

  /**
   * A tab went to a new page: its caution starts again from the host name. A same-document
   * navigation (a fragment, pushState) keeps the page, and with it the page's caution.
   */
  async navigated(tabId: number, url: string | undefined, eventAt?: number, sameDocument = false): Promise<void> {
    if (url && !sameDocument) await this.caution.navigated(tabId, urlToCheck(url, warningPageUrl()));
    await this.updateBadge(tabId, url, eventAt);
  }

  /**
   * A page committed in a tab: a listed site that a service worker served goes to the warning page.
   * Confirmed against the stored entries, as the rules are: a fingerprint collision never redirects.
   */
  async committed(commit: Commit): Promise<boolean> {
    return warnOnCommit(commit, async (url) => (await this.confirmedVerdict(url))?.kind ?? null, warningPageUrl());
  }

  /** The handlers for Pharmacheck's own content script (lib/messaging/background.ts checks the sender). */
  contentHandlers(): ContentHandlers {
    return {
      // The notice for the page the tab shows now, as the browser reports it: only what the
      // background itself judged there (pageJudged), never for a listed or verified site.
      'cs-bg-notice': async (_, { tabId, url }) => {
        if (!(await this.unlisted(url))) return { notice: null };
        const assessment = await this.caution.forTab(tabId, url);
        if (assessment?.level !== 'strong' || (await this.caution.isDismissed(url))) return { notice: null };
        return { notice: await cautionNotice(assessment) };
      },
      'cs-bg-notice-dismiss': async (_, { url }) => ({ ok: await this.caution.dismiss(url) }),
      'cs-bg-open-guide': async (_, { tabId }) => {
        await browser.tabs.create({ url: browser.runtime.getURL('/guide.html'), openerTabId: tabId });
        return { ok: true };
      },
    };
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
        const url = tab.url ?? '';
        const [found, { caution }, embedded] = await Promise.all([this.report(url), this.tabVerdict(tabId, url), this.embedded.forTab(tabId, url)]);
        const report = { ...found, embedded };
        if (!caution || report.verdict !== 'unknown') return report;
        const view = cautionView(caution);
        return { ...report, verdict: view ? 'caution' : 'unknown', caution: view, register: caution.register };
      },
      'ui-bg-frame-blocked': async ({ url }, sender) => {
        const around = framingPage(sender);
        const verdict = await this.confirmedVerdict(url);
        if (!around || verdict?.kind !== 'listed') return { host: null };
        await this.embedded.record(around.tabId, around.page, verdict.host.name);
        await this.updateBadge(around.tabId, around.page);
        return { host: verdict.host.name };
      },
      'ui-bg-proceed': async ({ url }) => this.proceed(url),
      'ui-bg-subscriptions': async () => this.lists.view(),
      'ui-bg-directory': async () => {
        await this.started;
        return this.lists.directory();
      },
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
