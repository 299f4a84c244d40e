/** CautionTabs: the caution verdict per tab, kept in session storage (in memory), never page content. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CautionAssessment, PageFeatures } from '../../../lib/caution';
import { CautionTabs, type SessionArea } from '../../../lib/protection/caution-tabs';

function memoryArea(): SessionArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))),
    remove: async (keys) => {
      for (const key of typeof keys === 'string' ? [keys] : keys) data.delete(key);
    },
  };
}

const features = (text: string): PageFeatures => ({ url: 'https://ignored.example/', lang: 'en', title: 't', headings: [], text, textEnd: '', links: [], images: [], forms: [] });
const CAUTION: CautionAssessment = { level: 'caution', signals: [{ id: 'page.price-per-pill', family: 'page', weight: 1, reason: { key: 'cautionPagePricePerPill', subs: [] } }], register: null };
const NONE: CautionAssessment = { level: 'none', signals: [], register: null };

let area: ReturnType<typeof memoryArea>;
let judge: ReturnType<typeof vi.fn<(host: string, page: PageFeatures | null) => CautionAssessment>>;
let tabs: CautionTabs;

beforeEach(() => {
  area = memoryArea();
  judge = vi.fn((_host: string, page: PageFeatures | null) => (page?.text.includes('per pill') ? CAUTION : NONE));
  tabs = new CautionTabs(area, judge);
});

describe('CautionTabs', () => {
  it('judges a new page by its host name first, then by its features, with the browser’s URL', async () => {
    expect(await tabs.navigated(3, 'https://www.shop.example/a')).toEqual(NONE);
    expect(judge).toHaveBeenLastCalledWith('www.shop.example', null);
    expect(await tabs.pageSeen(3, 'https://www.shop.example/a', features('$1 per pill'))).toEqual(CAUTION);
    expect(judge).toHaveBeenLastCalledWith('www.shop.example', expect.objectContaining({ text: '$1 per pill' }));
    expect(await tabs.forTab(3, 'https://www.shop.example/b')).toEqual(CAUTION);
  });

  it('keeps only the assessment, never the page’s features', async () => {
    await tabs.pageSeen(3, 'https://shop.example/', features('$1 per pill, secret words of the page'));
    expect(JSON.stringify([...area.data.values()])).not.toContain('secret words');
  });

  it('starts again when the tab navigates, and does not carry an assessment to another host', async () => {
    await tabs.pageSeen(3, 'https://shop.example/', features('$1 per pill'));
    expect(await tabs.forTab(3, 'https://other.example/')).toEqual(NONE);
    await tabs.pageSeen(3, 'https://shop.example/', features('$1 per pill'));
    await tabs.navigated(3, 'https://shop.example/other');
    expect(await tabs.forTab(3, 'https://shop.example/other')).toEqual(NONE);
  });

  it('records how the last look at the tab’s page ended, for its host only, until the tab navigates or closes', async () => {
    expect(await tabs.lastLook(6)).toBeNull();
    await tabs.looked(6, 'https://www.shop.example/secret/path?q=private', 'judged');
    expect(await tabs.lastLook(6)).toEqual({ host: 'www.shop.example', outcome: 'judged' });
    expect(JSON.stringify([...area.data.values()])).not.toMatch(/secret|private/);
    await tabs.looked(6, 'https://www.shop.example/', 'noticed');
    expect(await tabs.lastLook(6)).toEqual({ host: 'www.shop.example', outcome: 'noticed' });
    await tabs.navigated(6, 'https://www.shop.example/next');
    expect(await tabs.lastLook(6)).toBeNull();
    await tabs.looked(6, 'http://10.0.0.1/', 'passed-by');
    expect(await tabs.lastLook(6)).toEqual({ host: '10.0.0.1', outcome: 'passed-by' });
    await tabs.navigated(6, 'chrome://settings');
    expect(await tabs.lastLook(6)).toBeNull();
    await tabs.looked(6, 'not a url', 'unreadable');
    expect(await tabs.lastLook(6)).toBeNull();
    await tabs.looked(7, 'https://shop.example/', 'skipped');
    await tabs.forget(7);
    expect(await tabs.lastLook(7)).toBeNull();
  });

  it('gives nothing for addresses that are not web pages or not host names, and forgets a closed tab', async () => {
    expect(await tabs.navigated(4, 'chrome://settings')).toBeNull();
    expect(await tabs.pageSeen(4, 'http://10.0.0.1/', features('$1 per pill'))).toBeNull();
    expect(await tabs.forTab(4, 'not a url')).toBeNull();
    await tabs.pageSeen(5, 'https://shop.example/', features('$1 per pill'));
    await tabs.forget(5);
    expect(area.data.has('caution:5')).toBe(false);
  });

  it('remembers a dismissed notice per registrable domain for the session, bounded', async () => {
    expect(await tabs.isDismissed('https://www.shop.example/')).toBe(false);
    expect(await tabs.dismiss('https://www.shop.example/x')).toBe(true);
    expect(await tabs.isDismissed('https://cart.shop.example/')).toBe(true);
    expect(await tabs.isDismissed('https://other.example/')).toBe(false);
    expect(await tabs.dismiss('http://10.0.0.1/')).toBe(false);
    for (let i = 0; i < 1_100; i++) await tabs.dismiss(`https://s${i}.example/`);
    expect((area.data.get('caution:dismissed') as string[]).length).toBe(1_000);
    area.data.set('caution:dismissed', 'garbage');
    expect(await tabs.isDismissed('https://s1099.example/')).toBe(false);
  });
});
