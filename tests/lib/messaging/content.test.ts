/** Messages from Pharmacheck's own content script: the sender must be it, in a page's top frame. */
import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { dispatchContent, MessageRefused, ownContentScript, type ContentHandlers } from '../../../lib/messaging/background';

type Sender = Browser.runtime.MessageSender;
const ID = 'abcdefghijklmnopabcdefghijklmnop';
const TAB = { id: 7 } as Browser.tabs.Tab;
const TOP: Sender = { id: ID, url: 'https://shop.example/cart?x=1', frameId: 0, tab: TAB };

function handlers() {
  return {
    'cs-bg-notice': vi.fn<ContentHandlers['cs-bg-notice']>(async () => ({ notice: null })),
    'cs-bg-notice-dismiss': vi.fn<ContentHandlers['cs-bg-notice-dismiss']>(async () => ({ ok: true })),
    'cs-bg-open-guide': vi.fn<ContentHandlers['cs-bg-open-guide']>(async () => ({ ok: true })),
  } satisfies ContentHandlers;
}

describe('ownContentScript', () => {
  it('accepts this extension in the top frame of an http(s) page, with the browser’s tab and URL', () => {
    expect(ownContentScript(TOP, ID)).toEqual({ tabId: 7, url: 'https://shop.example/cart?x=1' });
    expect(ownContentScript({ ...TOP, url: 'http://shop.example/' }, ID)).toEqual({ tabId: 7, url: 'http://shop.example/' });
  });

  it.each<[string, Sender]>([
    ['another extension', { ...TOP, id: 'otherextensionidotherextensionid' }],
    ['a frame inside the page', { ...TOP, frameId: 3 }],
    ['no frame id', { ...TOP, frameId: undefined }],
    ['an extension page', { ...TOP, url: `chrome-extension://${ID}/popup.html` }],
    ['a file page', { ...TOP, url: 'file:///etc/passwd' }],
    ['no tab', { ...TOP, tab: undefined }],
    ['a tab without id', { ...TOP, tab: {} as Browser.tabs.Tab }],
    ['no URL', { ...TOP, url: undefined }],
    ['a URL that does not parse', { ...TOP, url: 'not a url' }],
  ])('refuses %s', (_, sender) => {
    expect(ownContentScript(sender, ID)).toBeNull();
  });
});

describe('dispatchContent', () => {
  it('passes a notice request to its handler with the checked sender', async () => {
    const h = handlers();
    await dispatchContent(h, { type: 'cs-bg-notice', payload: {} }, TOP, ID);
    expect(h['cs-bg-notice']).toHaveBeenCalledExactlyOnceWith({}, { tabId: 7, url: TOP.url });
    expect(h['cs-bg-notice-dismiss']).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['features (a page cannot hand the background what it should judge)', { features: { url: 'https://shop.example/', text: 'viagra' } }],
    ['an address of its own choosing', { url: 'https://other.example/' }],
    ['no payload', undefined],
    ['a string', 'notice'],
  ])('refuses a notice request with %s, running no handler', async (_, payload) => {
    const h = handlers();
    await expect(dispatchContent(h, { type: 'cs-bg-notice', payload }, TOP, ID)).rejects.toThrow(MessageRefused);
    expect(h['cs-bg-notice']).not.toHaveBeenCalled();
  });

  it('refuses a page message from a frame, and an extension-page message type from a content script', async () => {
    const h = handlers();
    await expect(dispatchContent(h, { type: 'cs-bg-notice-dismiss', payload: {} }, { ...TOP, frameId: 1 }, ID)).rejects.toThrow(/top frame/);
    await expect(dispatchContent(h, { type: 'ui-bg-proceed', payload: { url: 'https://shop.example/' } }, TOP, ID)).rejects.toThrow(/unknown message/);
    await expect(dispatchContent(h, { type: '__proto__', payload: {} }, TOP, ID)).rejects.toThrow(/unknown message/);
    expect(h['cs-bg-notice-dismiss']).not.toHaveBeenCalled();
  });
});
