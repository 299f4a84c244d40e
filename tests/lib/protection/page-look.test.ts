import { describe, expect, it, vi } from 'vitest';
import { FIRST_LOOK_LIMITS } from '../../../lib/caution';
import { lookAtPage, type PageAccess } from '../../../lib/protection/page-look';

/** A page access that answers the first look with `answer` and records injections. */
function access(answer: unknown | (() => Promise<unknown>)) {
  const injected: number[] = [];
  const page: PageAccess = {
    firstLook: vi.fn(async () => (typeof answer === 'function' ? (answer as () => Promise<unknown>)() : answer)),
    injectCaution: vi.fn(async (tabId: number) => void injected.push(tabId)),
  };
  return { page, injected };
}

const unlisted = async () => true;
const medicine = { title: 'Online pharmacy', headings: ' Buy tramadol', text: 'No prescription needed' };
const ordinary = { title: 'Cycle lanes approved', headings: ' The vote', text: 'The council voted on Tuesday.' };

describe('lookAtPage', () => {
  it('injects the caution content script into a loaded page about medicines, once', async () => {
    const { page, injected } = access(medicine);
    expect(await lookAtPage(7, 'https://unlisted.example/', { access: page, unlisted })).toBe('looked-closely');
    expect(injected).toEqual([7]);
  });

  it('runs nothing more in an ordinary page', async () => {
    const { page, injected } = access(ordinary);
    expect(await lookAtPage(7, 'https://news.example/article', { access: page, unlisted })).toBe('passed-by');
    expect(injected).toEqual([]);
  });

  it('never reads a page that a list has a verdict for, nor one that is not a web page', async () => {
    const { page } = access(medicine);
    expect(await lookAtPage(7, 'https://listed.example/', { access: page, unlisted: async () => false })).toBe('skipped');
    expect(await lookAtPage(7, 'https://broken-verdict.example/', { access: page, unlisted: async () => Promise.reject(new Error('db closed')) })).toBe('skipped');
    for (const url of ['chrome-extension://abc/warning.html', 'about:blank', 'file:///etc/passwd', 'data:text/html,pharmacy', 'not a url', '']) {
      expect(await lookAtPage(7, url, { access: page, unlisted }), url).toBe('skipped');
    }
    expect(page.firstLook).not.toHaveBeenCalled();
  });

  it('takes a page that cannot be read, or that answers out of shape, as unreadable and injects nothing', async () => {
    const long = 'x'.repeat(FIRST_LOOK_LIMITS.text + 1);
    const answers: unknown[] = [
      undefined, null, 'pharmacy', 42, [], {}, { title: 'pharmacy' },
      { ...medicine, text: long }, { ...medicine, title: 'p'.repeat(FIRST_LOOK_LIMITS.title + 1) },
      { ...medicine, headings: 'h'.repeat(FIRST_LOOK_LIMITS.headings + 1) }, { ...medicine, extra: 'field' }, { ...medicine, text: 7 },
      () => Promise.reject(new Error('Frame with ID 0 was removed.')),
    ];
    for (const answer of answers) {
      const { page, injected } = access(answer);
      expect(await lookAtPage(3, 'https://unlisted.example/', { access: page, unlisted }), JSON.stringify(answer) ?? String(answer)).toBe('unreadable');
      expect(injected).toEqual([]);
    }
  });

  it('says so when the injection itself fails (the tab closed meanwhile)', async () => {
    const page: PageAccess = { firstLook: async () => medicine, injectCaution: async () => Promise.reject(new Error('No tab with id: 3')) };
    expect(await lookAtPage(3, 'https://unlisted.example/', { access: page, unlisted })).toBe('unreadable');
  });

  it('judges with the address too: a shop path passes with nothing read', async () => {
    const { page, injected } = access({ title: '', headings: '', text: '' });
    expect(await lookAtPage(4, 'https://x.example/buy-kamagra-online/', { access: page, unlisted })).toBe('looked-closely');
    expect(injected).toEqual([4]);
  });
});
