import { describe, expect, it, vi } from 'vitest';
import { FEATURE_LIMITS, FIRST_LOOK_LIMITS, type PageFeatures } from '../../../lib/caution';
import { lookAtPage, type PageAccess, type PageLookOptions } from '../../../lib/protection/page-look';

const FEATURES: PageFeatures = { url: 'https://unlisted.example/', lang: 'en', title: 'Online pharmacy', headings: ['Buy tramadol'], text: 'No prescription needed', textEnd: '', links: [], images: [], forms: [] };
const medicine = { title: 'Online pharmacy', headings: ' Buy tramadol', text: 'No prescription needed' };
const ordinary = { title: 'Cycle lanes approved', headings: ' The vote', text: 'The council voted on Tuesday.' };

type Answer = unknown | (() => Promise<unknown>);
const answered = (answer: Answer) => async () => (typeof answer === 'function' ? (answer as () => Promise<unknown>)() : answer);

/**
 * A page access that answers the first look with `first` and the features script with `features`,
 * and records what ran; a judge that records what it was given and calls for a notice when told to.
 */
function setup(first: Answer, features: Answer = FEATURES, notice = false) {
  const ran: string[] = [];
  const judged: { tabId: number; url: string; features: PageFeatures }[] = [];
  const access: PageAccess = {
    firstLook: vi.fn(async (tabId: number) => (ran.push(`first-look:${tabId}`), answered(first)())),
    extract: vi.fn(async (tabId: number) => (ran.push(`extract:${tabId}`), answered(features)())),
    injectNotice: vi.fn(async (tabId: number) => void ran.push(`notice:${tabId}`)),
  };
  const options: PageLookOptions = {
    access,
    unlisted: async () => true,
    judge: vi.fn(async (tabId: number, url: string, f: PageFeatures) => (judged.push({ tabId, url, features: f }), notice)),
  };
  return { options, ran, judged };
}

describe('lookAtPage', () => {
  it('extracts the features of a loaded page about medicines, judges them, and injects nothing when no notice is called for', async () => {
    const { options, ran, judged } = setup(medicine);
    expect(await lookAtPage(7, 'https://unlisted.example/', options)).toBe('judged');
    expect(ran).toEqual(['first-look:7', 'extract:7']);
    expect(judged).toEqual([{ tabId: 7, url: 'https://unlisted.example/', features: FEATURES }]);
  });

  it('injects the notice content script, once, where the judgement calls for it', async () => {
    const { options, ran } = setup(medicine, FEATURES, true);
    expect(await lookAtPage(7, 'https://unlisted.example/', options)).toBe('noticed');
    expect(ran).toEqual(['first-look:7', 'extract:7', 'notice:7']);
  });

  it('judges the page under the address the navigation gave, whatever the page says its address is', async () => {
    const { options, judged } = setup(medicine, { ...FEATURES, url: 'https://www.boots.com/' });
    await lookAtPage(7, 'https://rogue.example/shop', options);
    expect(judged[0]!.url).toBe('https://rogue.example/shop');
    expect(judged[0]!.features.url).toBe('https://rogue.example/shop');
  });

  it('runs nothing more in an ordinary page', async () => {
    const { options, ran, judged } = setup(ordinary);
    expect(await lookAtPage(7, 'https://news.example/article', options)).toBe('passed-by');
    expect(ran).toEqual(['first-look:7']);
    expect(judged).toEqual([]);
  });

  it('never reads a page that a list has a verdict for, nor one that is not a web page', async () => {
    const { options, ran } = setup(medicine);
    expect(await lookAtPage(7, 'https://listed.example/', { ...options, unlisted: async () => false })).toBe('skipped');
    expect(await lookAtPage(7, 'https://broken-verdict.example/', { ...options, unlisted: async () => Promise.reject(new Error('db closed')) })).toBe('skipped');
    for (const url of ['chrome-extension://abc/warning.html', 'about:blank', 'file:///etc/passwd', 'data:text/html,pharmacy', 'not a url', '']) {
      expect(await lookAtPage(7, url, options), url).toBe('skipped');
    }
    expect(ran).toEqual([]);
  });

  it('takes a first look that cannot be read, or that answers out of shape, as unreadable and runs nothing more', async () => {
    const long = 'x'.repeat(FIRST_LOOK_LIMITS.text + 1);
    const answers: unknown[] = [
      undefined, null, 'pharmacy', 42, [], {}, { title: 'pharmacy' },
      { ...medicine, text: long }, { ...medicine, title: 'p'.repeat(FIRST_LOOK_LIMITS.title + 1) },
      { ...medicine, headings: 'h'.repeat(FIRST_LOOK_LIMITS.headings + 1) }, { ...medicine, extra: 'field' }, { ...medicine, text: 7 },
      () => Promise.reject(new Error('Frame with ID 0 was removed.')),
    ];
    for (const answer of answers) {
      const { options, ran } = setup(answer);
      expect(await lookAtPage(3, 'https://unlisted.example/', options), JSON.stringify(answer) ?? String(answer)).toBe('unreadable');
      expect(ran).toEqual(['first-look:3']);
    }
  });

  it('refuses features out of shape (too much text, too many links, unknown or missing fields, wrong types), judging nothing', async () => {
    const answers: unknown[] = [
      async () => undefined, null, 'features', [], {},
      { ...FEATURES, text: 'x'.repeat(FEATURE_LIMITS.text + 1) },
      { ...FEATURES, links: Array.from({ length: FEATURE_LIMITS.links + 1 }, () => ({ href: 'https://a.example/', text: '' })) },
      { ...FEATURES, cookies: 'a=b' },
      { ...FEATURES, title: undefined },
      { ...FEATURES, title: 5 },
      () => Promise.reject(new Error('Cannot access contents of the page.')),
    ];
    for (const answer of answers) {
      const { options, ran, judged } = setup(medicine, answer, true);
      expect(await lookAtPage(3, 'https://unlisted.example/', options), JSON.stringify(answer) ?? String(answer)).toBe('unreadable');
      expect(judged).toEqual([]);
      expect(ran).toEqual(['first-look:3', 'extract:3']);
    }
  });

  it('says so when the judgement or the notice injection fails (the tab closed meanwhile)', async () => {
    const failing = setup(medicine, FEATURES, true);
    expect(await lookAtPage(3, 'https://unlisted.example/', { ...failing.options, judge: async () => Promise.reject(new Error('storage gone')) })).toBe('unreadable');
    expect(failing.ran).toEqual(['first-look:3', 'extract:3']);
    const closed = setup(medicine, FEATURES, true);
    const access: PageAccess = { ...closed.options.access, injectNotice: async () => Promise.reject(new Error('No tab with id: 3')) };
    expect(await lookAtPage(3, 'https://unlisted.example/', { ...closed.options, access })).toBe('unreadable');
  });

  it('judges with the address too: a shop path passes with nothing read', async () => {
    const { options, ran } = setup({ title: '', headings: '', text: '' });
    expect(await lookAtPage(4, 'https://x.example/buy-kamagra-online/', options)).toBe('judged');
    expect(ran).toEqual(['first-look:4', 'extract:4']);
  });
});
