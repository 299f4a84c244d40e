/**
 * Listed sites a page tried to show in a frame. The redirect rule sends such a frame to the warning
 * page (lib/blocking/resource-types.ts), which, inside a frame, shows a short explanation and tells
 * the background; the badge and popup of the tab that framed it then say so. Kept per tab in
 * session storage (the service worker sleeps; nothing of it outlives the browser session), and only
 * for the page that framed the site: a tab that moves on to another page starts again.
 */
import { browser, type Browser } from 'wxt/browser';
import { mirrored, type MirrorableArea } from './session-mirror';

/** At most this many sites per page (a page could frame thousands). */
export const MAX_EMBEDDED = 5;

export interface Embedded {
  /** The framing page's address, without its fragment. */
  readonly page: string;
  readonly hosts: readonly string[];
}

const withoutFragment = (url: string) => url.split('#', 1)[0]!;

/** The record after a page framed `host`: a new page replaces what an earlier page framed. */
export function withEmbedded(current: Embedded | undefined, page: string, host: string): Embedded {
  const key = withoutFragment(page);
  const hosts = current?.page === key ? current.hosts : [];
  if (hosts.includes(host) || hosts.length >= MAX_EMBEDDED) return { page: key, hosts };
  return { page: key, hosts: [...hosts, host] };
}

/** The listed sites the page a tab shows now tried to frame (none when the tab moved on). */
export function embeddedOn(current: Embedded | undefined, page: string): readonly string[] {
  return current?.page === withoutFragment(page) ? current.hosts : [];
}

/**
 * The tab and the page around a framed warning page, as the browser says (never what the page
 * says); null unless the sender is a frame (not a top-level page) in a tab showing a web page.
 */
export function framingPage(sender: Browser.runtime.MessageSender): { tabId: number; page: string } | null {
  const tabId = sender.tab?.id;
  const page = sender.tab?.url;
  if (typeof sender.frameId !== 'number' || sender.frameId <= 0) return null;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0 || typeof page !== 'string') return null;
  try {
    const { protocol } = new URL(page);
    return protocol === 'http:' || protocol === 'https:' ? { tabId, page } : null;
  } catch {
    return null;
  }
}

type SessionArea = Pick<Browser.storage.StorageArea, 'get' | 'set' | 'remove'>;

export class EmbeddedSites {
  /** Records one after another: two frames of one page must not overwrite each other. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly area: SessionArea = mirrored(browser.storage.session as unknown as MirrorableArea) as unknown as SessionArea) {}

  private key(tabId: number): string {
    return `embedded:${tabId}`;
  }

  private async read(tabId: number): Promise<Embedded | undefined> {
    const value = (await this.area.get(this.key(tabId)))[this.key(tabId)] as Embedded | undefined;
    return value && typeof value.page === 'string' && Array.isArray(value.hosts) ? value : undefined;
  }

  record(tabId: number, page: string, host: string): Promise<void> {
    const next = this.queue.then(async () => this.area.set({ [this.key(tabId)]: withEmbedded(await this.read(tabId), page, host) }));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async forTab(tabId: number, page: string): Promise<readonly string[]> {
    return embeddedOn(await this.read(tabId), page);
  }

  async forget(tabId: number): Promise<void> {
    await this.area.remove(this.key(tabId));
  }
}
