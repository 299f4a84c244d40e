/**
 * The background's protection service: keeps the in-memory index, answers verdicts, keeps the
 * blocking rules in step with the stored lists, and lifts a block when a person chooses to.
 */
import { browser } from 'wxt/browser';
import { allowForSession, syncListRules, warningPageUrl } from '../blocking';
import { hostFromUrl } from '../domain';
import { ListIndex, loadLists, removeOrphanChunks, type PharmacheckDb } from '../lists';
import type { Handlers } from '../messaging/background';
import type { ProceedResult, VerdictReport } from '../messaging';
import { verdictForUrl, type Verdict } from '../verdict';
import { showBadge } from './badge';
import { ensureBundledLists } from './bundled';
import { describeVerdict } from './report';

/** For a tab showing the warning page, the URL it warns about; otherwise the URL itself. */
export function urlToCheck(tabUrl: string, warningUrl: string): string {
  const prefix = `${warningUrl}?url=`;
  return tabUrl.startsWith(prefix) ? tabUrl.slice(prefix.length) : tabUrl;
}

export class ProtectionService {
  private index: ListIndex = new ListIndex([]);
  readonly ready: Promise<void>;

  constructor(private readonly db: PharmacheckDb) {
    this.ready = this.start();
  }

  private async start(): Promise<void> {
    await ensureBundledLists(this.db, async (path) => (await fetch(browser.runtime.getURL(`/${path}` as '/warning.html'))).text());
    await removeOrphanChunks(this.db);
    await this.reload();
  }

  /** Rebuilds the index from the database and brings the rules in line with it. */
  async reload(): Promise<void> {
    const lists = await loadLists(this.db);
    this.index = new ListIndex(lists);
    await syncListRules(lists.map(({ stored, domains }) => ({ meta: stored.meta, domains })));
  }

  async verdict(url: string): Promise<Verdict | null> {
    await this.ready;
    return verdictForUrl(this.index, urlToCheck(url, warningPageUrl()));
  }

  async report(url: string): Promise<VerdictReport> {
    const target = urlToCheck(url, warningPageUrl());
    return describeVerdict(this.db, target, await this.verdict(target));
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
    };
  }
}
