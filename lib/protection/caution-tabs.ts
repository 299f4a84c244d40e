/**
 * The caution verdict per tab, kept by the background. A tab's assessment starts from its host name
 * when it navigates (lib/caution's name signals) and is completed when the page's features come
 * back from the features script (lib/protection/page-look.ts). It lives in `storage.session`: in memory, never on disk, gone when the
 * browser closes, and it survives the service worker going to sleep. Only the assessment is kept
 * (signal ids and reasons), never the page's features or text.
 */
import { browser } from 'wxt/browser';
import { judge, type CautionAssessment, type PageFeatures } from '../caution';
import { hostFromUrl } from '../domain';
import type { LookOutcome } from './page-look';
import { mirrored } from './session-mirror';

interface TabCaution {
  readonly host: string;
  readonly assessment: CautionAssessment;
}

/** How the last look at a tab's page ended, and the host it looked at (never the page's address or content). */
export interface TabLook {
  readonly host: string;
  readonly outcome: LookOutcome;
}

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const tabKey = (tabId: number) => `caution:${tabId}`;
const lookKey = (tabId: number) => `caution:look:${tabId}`;
const DISMISSED_KEY = 'caution:dismissed';
/** Sites whose notice a person dismissed this session: enough for any session, bounded. */
const MAX_DISMISSED = 1_000;

export class CautionTabs {
  constructor(
    private readonly area: SessionArea = mirrored(browser.storage.session as unknown as SessionArea),
    private readonly assess: typeof judge = judge,
  ) {}

  /** A new page in the tab: its host name alone decides, until the page's features arrive. */
  async navigated(tabId: number, url: string): Promise<CautionAssessment | null> {
    const host = hostFromUrl(url);
    if (!host || host.kind !== 'name') {
      await this.area.remove([tabKey(tabId), lookKey(tabId)]);
      return null;
    }
    const assessment = this.assess(host.name, null);
    await Promise.all([this.area.remove(lookKey(tabId)), this.area.set({ [tabKey(tabId)]: { host: host.name, assessment } satisfies TabCaution })]);
    return assessment;
  }

  /** The page's features, from the features script; the URL is the navigation's, not the page's. */
  async pageSeen(tabId: number, url: string, features: PageFeatures): Promise<CautionAssessment | null> {
    const host = hostFromUrl(url);
    if (!host || host.kind !== 'name') return null;
    const assessment = this.assess(host.name, features);
    await this.area.set({ [tabKey(tabId)]: { host: host.name, assessment } satisfies TabCaution });
    return assessment;
  }

  /** The tab's assessment, if it is about the host the tab shows now. */
  async forTab(tabId: number, url: string): Promise<CautionAssessment | null> {
    const host = hostFromUrl(url);
    if (!host) return null;
    const stored = (await this.area.get(tabKey(tabId)))[tabKey(tabId)] as TabCaution | undefined;
    if (stored?.host === host.name) return stored.assessment;
    return host.kind === 'name' ? this.navigated(tabId, url) : null;
  }

  /**
   * The look at the tab's page (lib/protection/page-look.ts) has ended: how, for its host. Kept until
   * the tab navigates, so that whoever waits on the look (the end-to-end tests) can tell "looked and
   * found nothing" from "not looked yet" without waiting for a fixed time. Nothing is kept for an
   * address that is not a web page (hostFromUrl gives no host).
   */
  async looked(tabId: number, url: string, outcome: LookOutcome): Promise<void> {
    const host = hostFromUrl(url);
    if (!host) return;
    await this.area.set({ [lookKey(tabId)]: { host: host.name, outcome } satisfies TabLook });
  }

  /** The last look's record for the tab, if any since it navigated. */
  async lastLook(tabId: number): Promise<TabLook | null> {
    const stored = (await this.area.get(lookKey(tabId)))[lookKey(tabId)] as TabLook | undefined;
    return stored ?? null;
  }

  async forget(tabId: number): Promise<void> {
    await this.area.remove([tabKey(tabId), lookKey(tabId)]);
  }

  /** "Dismiss" on the page notice: not again for this site (its registrable domain) this session. */
  async dismiss(url: string): Promise<boolean> {
    const site = hostFromUrl(url)?.registrableDomain;
    if (!site) return false;
    const dismissed = await this.dismissed();
    if (!dismissed.includes(site)) await this.area.set({ [DISMISSED_KEY]: [...dismissed, site].slice(-MAX_DISMISSED) });
    return true;
  }

  async isDismissed(url: string): Promise<boolean> {
    const site = hostFromUrl(url)?.registrableDomain;
    return site !== undefined && site !== null && (await this.dismissed()).includes(site);
  }

  private async dismissed(): Promise<string[]> {
    const value = (await this.area.get(DISMISSED_KEY))[DISMISSED_KEY];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }
}
