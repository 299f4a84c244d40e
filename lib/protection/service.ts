/**
 * The background's protection service: keeps the in-memory index, answers verdicts, keeps the
 * blocking rules in step with the stored lists, and lifts a block when a person chooses to.
 */
import { browser } from 'wxt/browser';
import { allowForSession, applyRuleChanges, syncListRules, warningPageUrl, type RuleSource } from '../blocking';
import { hostFromUrl } from '../domain';
import { counts, inForce, ListIndex, loadLists, removeOrphanChunks, type LoadedList, type PharmacheckDb } from '../lists';
import type { ContentHandlers, Handlers } from '../messaging/background';
import type { CautionView, ProceedResult, VerdictReport } from '../messaging';
import { verdictForUrl, withCaution, type Verdict } from '../verdict';
import type { CautionAssessment } from '../caution';
import { CautionTabs } from './caution-tabs';
import { EmbeddedSites, framingPage } from './frames';
import { warnOnCommit, type Commit } from './service-workers';
import { cautionNotice } from './caution-notice';
import { showBadge } from './badge';
import { ensureBundledLists } from './bundled';
import { ListsService } from './lists-service';
import { ReportsService } from './reports-service';
import { isFirstWakeOfSession, markSessionStarted } from './session';
import { refreshLists } from './refresh';
import { applyPolicy, readPolicy } from './policy';
import { describeVerdict } from './report';
import { fetchBytes } from '../updater';
import { ensureShippedDirectory, readDirectory, readShippedDirectory, readShippedRoot, syncVouches, type DirectoryRoot } from '../trust';

/** A stored list's domains cut along its chunks, each with the rule id it owns. */
function ruleSource({ stored, domains }: LoadedList): RuleSource {
  let start = 0;
  const chunks = stored.chunks.map((chunk) => {
    const part = { ruleId: chunk.ruleId, domains: domains.slice(start, start + chunk.count) };
    start += chunk.count;
    return part;
  });
  return { meta: stored.meta, vouch: stored.vouch, chunks };
}

function cautionView(a: CautionAssessment): CautionView | null {
  if (a.level === 'none') return null;
  return { level: a.level, signals: a.signals.map((s) => ({ id: s.id, key: s.reason.key, subs: s.reason.subs })), register: a.register };
}

/** For a tab showing the warning page, the URL it warns about; otherwise the URL itself. */
export function urlToCheck(tabUrl: string, warningUrl: string): string {
  const prefix = `${warningUrl}?url=`;
  return tabUrl.startsWith(prefix) ? tabUrl.slice(prefix.length) : tabUrl;
}

export class ProtectionService {
  private index: ListIndex = ListIndex.empty;
  /** The pinned keys of the directory of publishers shipped in the package (null if it is broken). */
  private root: DirectoryRoot | null = null;
  readonly ready: Promise<void>;
  readonly lists: ListsService;
  readonly reports: ReportsService;
  readonly caution = new CautionTabs();
  readonly embedded = new EmbeddedSites();

  constructor(
    private readonly db: PharmacheckDb,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.lists = new ListsService(db, {
      fetcher: fetchBytes,
      now,
      known: (id) => this.index.indexed().get(id),
      onListsChanged: () => this.refresh(),
      root: () => this.root,
    });
    this.reports = new ReportsService(db);
    this.ready = this.start();
  }

  private async start(): Promise<void> {
    const firstWake = await isFirstWakeOfSession();
    const fetchText = async (path: string) => (await fetch(browser.runtime.getURL(`/${path}` as '/warning.html'))).text();
    await ensureBundledLists(this.db, fetchText, this.now());
    await this.startDirectory(fetchText, firstWake);
    if (firstWake) await removeOrphanChunks(this.db);
    await this.reload(firstWake);
    if (firstWake) {
      void this.applyManagedPolicy();
      await markSessionStarted();
    }
    // On a new start, reports queued before the browser closed (or while offline) go out at once,
    // whatever their back-off said; on other wakes only those that are due.
    void this.reports.deliver(firstWake);
  }

  /**
   * The directory of publishers. On the first wake of a session (which every install, update and
   * browser start is): the shipped one unless a newer one that still verifies with the shipped
   * pinned keys is stored, then every list's vouch from it, so a release's revocation applies
   * before the first verdict. Later wakes only read the pinned keys. A broken shipped directory
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
    await applyPolicy(this.db, readPolicy(raw), {
      subscribe: (url, publicKey) => this.lists.subscribe(url, publicKey, 'policy'),
      onListsChanged: () => this.refresh(),
    });
  }

  /**
   * Rebuilds the index from the database; with `checkRules` (the first wake of a session), also
   * checks every installed rule against the stored lists and mends what differs.
   */
  async reload(checkRules = true): Promise<void> {
    const lists = await loadLists(this.db);
    const now = this.now();
    this.index = ListIndex.build(lists, now);
    // A list that does not count has no rules (lib/lists/standing.ts: an expired or unvouched
    // allowlist, a revoked key).
    if (checkRules) await syncListRules(lists.filter((l) => counts(l.stored, now)).map(ruleSource));
  }

  /** After a change to the lists: updates the index and the rules of the chunks that changed. */
  async refresh(): Promise<void> {
    const { lists, removeRuleIds, addRules } = await refreshLists(this.db, this.index.indexed(), warningPageUrl(), this.now());
    // Rules first: the badge and the warning page then never name a list the browser does not block.
    await applyRuleChanges(removeRuleIds, addRules);
    this.index = ListIndex.of(lists);
  }

  /**
   * Called from the periodic alarm: when a list's standing changed since the index was built (an
   * allowlist expired while stored), its rules and verdicts follow.
   */
  async enforceExpiry(): Promise<boolean> {
    await this.ready;
    if (!this.index.standingChanged(this.now())) return false;
    await this.lists.serial(() => this.refresh());
    return true;
  }

  async verdict(url: string): Promise<Verdict | null> {
    await this.ready;
    return verdictForUrl(this.index, urlToCheck(url, warningPageUrl()));
  }

  async report(url: string): Promise<VerdictReport> {
    const target = urlToCheck(url, warningPageUrl());
    return describeVerdict(this.db, target, await this.verdict(target), this.now());
  }

  /** The verdict for what a tab shows: a list's, or else the caution signals' for that tab's page. */
  async tabVerdict(tabId: number, url: string): Promise<{ verdict: Verdict | null; caution: CautionAssessment | null }> {
    const verdict = await this.verdict(url);
    if (!verdict || verdict.kind !== 'unknown') return { verdict, caution: null };
    const caution = await this.caution.forTab(tabId, urlToCheck(url, warningPageUrl()));
    return { verdict: withCaution(verdict, caution?.level ?? null), caution };
  }

  async updateBadge(tabId: number, url: string | undefined): Promise<void> {
    await showBadge(tabId, url ? (await this.tabVerdict(tabId, url)).verdict : null, url ? await this.embedded.forTab(tabId, url) : []);
  }

  /** A tab went to a new page: its caution starts again from the host name. */
  async navigated(tabId: number, url: string | undefined): Promise<void> {
    if (url) await this.caution.navigated(tabId, urlToCheck(url, warningPageUrl()));
    await this.updateBadge(tabId, url);
  }

  /** A page committed in a tab: a listed site that a service worker served goes to the warning page. */
  async committed(commit: Commit): Promise<boolean> {
    return warnOnCommit(commit, async (url) => (await this.verdict(url))?.kind ?? null, warningPageUrl());
  }

  /** The handlers for Pharmacheck's own content script (lib/messaging/background.ts checks the sender). */
  contentHandlers(): ContentHandlers {
    return {
      'cs-bg-page-features': async ({ features }, { tabId, url }) => {
        const verdict = await this.verdict(url);
        // A listed or verified site never gets the caution verdict, nor a notice.
        if (!verdict || verdict.kind !== 'unknown') return { notice: null };
        const assessment = await this.caution.pageSeen(tabId, url, features);
        await this.updateBadge(tabId, url);
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
    const verdict = await this.verdict(url);
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
        const verdict = await this.verdict(url);
        if (!around || verdict?.kind !== 'listed') return { host: null };
        await this.embedded.record(around.tabId, around.page, verdict.host.name);
        await this.updateBadge(around.tabId, around.page);
        return { host: verdict.host.name };
      },
      'ui-bg-proceed': async ({ url }) => this.proceed(url),
      'ui-bg-subscriptions': async () => this.lists.view(),
      'ui-bg-directory': async () => {
        await this.ready;
        return this.lists.directory();
      },
      'ui-bg-subscribe': async ({ url, publicKey }) => {
        await this.ready;
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
        await this.ready;
        return this.lists.updateNow(id);
      },
    };
  }
}
