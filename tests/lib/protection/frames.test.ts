import { describe, expect, it } from 'vitest';
import { embeddedOn, EmbeddedSites, framingPage, MAX_EMBEDDED, withEmbedded } from '../../../lib/protection/frames';

describe('withEmbedded and embeddedOn', () => {
  it('remembers each listed site a page framed once, for that page only (its fragment aside)', () => {
    let record = withEmbedded(undefined, 'https://blog.example/post#top', 'rogue.example');
    record = withEmbedded(record, 'https://blog.example/post', 'rogue.example');
    record = withEmbedded(record, 'https://blog.example/post', 'pills.example');
    expect(embeddedOn(record, 'https://blog.example/post#comments')).toEqual(['rogue.example', 'pills.example']);
    expect(embeddedOn(record, 'https://blog.example/other')).toEqual([]);
    expect(embeddedOn(undefined, 'https://blog.example/post')).toEqual([]);
  });

  it('starts again when the tab shows another page', () => {
    const first = withEmbedded(undefined, 'https://a.example/', 'rogue.example');
    expect(withEmbedded(first, 'https://b.example/', 'pills.example')).toEqual({ page: 'https://b.example/', hosts: ['pills.example'] });
  });

  it('keeps at most MAX_EMBEDDED sites a page', () => {
    let record;
    for (let i = 0; i < MAX_EMBEDDED + 10; i++) record = withEmbedded(record, 'https://a.example/', `s${i}.example`);
    expect(record!.hosts).toHaveLength(MAX_EMBEDDED);
  });
});

describe('framingPage', () => {
  const tab = { id: 7, url: 'https://blog.example/post' } as never;

  it('gives the tab and its page for a frame of a web page', () => {
    expect(framingPage({ frameId: 3, tab })).toEqual({ tabId: 7, page: 'https://blog.example/post' });
  });

  it('refuses a top-level page, a sender without a tab, and a tab that is not a web page', () => {
    expect(framingPage({ frameId: 0, tab })).toBeNull();
    expect(framingPage({ tab })).toBeNull();
    expect(framingPage({ frameId: 3 })).toBeNull();
    expect(framingPage({ frameId: 3, tab: { id: 7, url: 'chrome://newtab/' } as never })).toBeNull();
    expect(framingPage({ frameId: 3, tab: { id: 7 } as never })).toBeNull();
    expect(framingPage({ frameId: 3, tab: { id: -1, url: 'https://a.example/' } as never })).toBeNull();
    expect(framingPage({ frameId: 3, tab: { id: 7, url: 'not a url' } as never })).toBeNull();
  });
});

describe('EmbeddedSites', () => {
  function memoryArea() {
    const data: Record<string, unknown> = {};
    return {
      data,
      get: async (key: string) => (key in data ? { [key]: data[key] } : {}),
      set: async (items: Record<string, unknown>) => void Object.assign(data, items),
      remove: async (key: string) => void delete data[key],
    };
  }

  it('keeps two frames recorded at once, per tab, and forgets a closed tab', async () => {
    const area = memoryArea();
    const sites = new EmbeddedSites(area as never);
    await Promise.all([sites.record(1, 'https://a.example/', 'rogue.example'), sites.record(1, 'https://a.example/', 'pills.example')]);
    expect(await sites.forTab(1, 'https://a.example/')).toEqual(['rogue.example', 'pills.example']);
    expect(await sites.forTab(2, 'https://a.example/')).toEqual([]);
    await sites.forget(1);
    expect(await sites.forTab(1, 'https://a.example/')).toEqual([]);
  });

  it('ignores a stored value of the wrong shape', async () => {
    const area = memoryArea();
    area.data['embedded:1'] = { page: 42, hosts: 'rogue.example' };
    expect(await new EmbeddedSites(area as never).forTab(1, 'https://a.example/')).toEqual([]);
  });
});
