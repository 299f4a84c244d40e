import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { watchSiteAccess } from '../../../lib/protection';

type Listener = () => void;

describe('watchSiteAccess', () => {
  const changes: Listener[] = [];
  let openOptions: ReturnType<typeof vi.fn<() => Promise<void>>>;

  beforeEach(() => {
    changes.length = 0;
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation((l) => void changes.push(l as Listener));
    vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation((l) => void changes.push(l as Listener));
    openOptions = vi.fn<() => Promise<void>>(async () => undefined);
    vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockImplementation(openOptions);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("updates every tab's badge when access is granted or revoked", async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    const one = await fakeBrowser.tabs.create({ url: 'https://rogue.example/' });
    const two = await fakeBrowser.tabs.create({ url: 'https://safe.example/' });
    const updated: [number, string | undefined][] = [];
    watchSiteAccess(async (tabId, url) => void updated.push([tabId, url]));
    expect(changes).toHaveLength(2);
    changes[1]!();
    const tabs = await fakeBrowser.tabs.query({});
    await vi.waitFor(() => expect(updated).toHaveLength(tabs.length));
    expect(updated).toEqual(tabs.map((tab) => [tab.id, tab.url]));
    expect(updated).toEqual(expect.arrayContaining([[one.id, 'https://rogue.example/'], [two.id, 'https://safe.example/']]));
  });

  it('opens the options page on install when access to sites is missing', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    watchSiteAccess(async () => undefined);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(openOptions).toHaveBeenCalledTimes(1));
  });

  it('opens nothing on install when access is there', async () => {
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    watchSiteAccess(async () => undefined);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(contains).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 0));
    expect(openOptions).not.toHaveBeenCalled();
  });
});
