/**
 * The background's protection service: keeps the in-memory index, answers verdicts, keeps the
 * blocking rules in step with the stored lists, and lifts a block when a person chooses to.
 */
import { browser } from 'wxt/browser';
import { allowForSession, applyRuleChanges, syncListRules, warningPageUrl, type RuleSource } from '../blocking';
import { hostFromUrl } from '../domain';
import { counts, ListIndex, loadLists, removeOrphanChunks, type LoadedList, type PharmacheckDb } from '../lists';
import type { Handlers } from '../messaging/background';
import type { ProceedResult, VerdictReport } from '../messaging';
import { verdictForUrl, type Verdict } from '../verdict';
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

  async updateBadge(tabId: number, url: string | undefined): Promise<void> {
    await showBadge(tabId, url ? await this.verdict(url) : null);
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
        return this.report(tab.url ?? '');
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
