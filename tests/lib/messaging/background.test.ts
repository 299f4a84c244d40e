import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { MAX_URL_LENGTH } from '../../../lib/domain';
import { dispatch, isOwnPage, MessageRefused, type Handlers } from '../../../lib/messaging/background';
import type { VerdictReport } from '../../../lib/messaging';

type Sender = Browser.runtime.MessageSender;

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const OWN_PAGE: Sender = { id: ID, url: `${ORIGIN}warning.html?url=https://rogue.example/` };

const REPORT: VerdictReport = { verdict: 'unknown', url: 'https://a.example/', host: 'a.example', matches: [] };

function handlers() {
  return {
    'ui-bg-verdict': vi.fn<Handlers['ui-bg-verdict']>(async () => REPORT),
    'ui-bg-tab-verdict': vi.fn<Handlers['ui-bg-tab-verdict']>(async () => REPORT),
    'ui-bg-frame-blocked': vi.fn<Handlers['ui-bg-frame-blocked']>(async () => ({ host: null })),
    'ui-bg-proceed': vi.fn<Handlers['ui-bg-proceed']>(async ({ url }) => ({ ok: true, url })),
    'ui-bg-subscriptions': vi.fn<Handlers['ui-bg-subscriptions']>(async () => []),
    'ui-bg-directory': vi.fn<Handlers['ui-bg-directory']>(async () => null),
    'ui-bg-subscribe': vi.fn<Handlers['ui-bg-subscribe']>(async () => ({ ok: true, id: 'x' })),
    'ui-bg-unsubscribe': vi.fn<Handlers['ui-bg-unsubscribe']>(async () => ({ ok: true })),
    'ui-bg-update-now': vi.fn<Handlers['ui-bg-update-now']>(async () => []),
    'ui-bg-report-send': vi.fn<Handlers['ui-bg-report-send']>(async () => ({ ok: false, reason: 'no-hub', message: '' })),
    'ui-bg-outbox': vi.fn<Handlers['ui-bg-outbox']>(async () => []),
    'ui-bg-outbox-delete': vi.fn<Handlers['ui-bg-outbox-delete']>(async () => ({ ok: true })),
    'ui-bg-outbox-retry': vi.fn<Handlers['ui-bg-outbox-retry']>(async () => []),
  } satisfies Handlers;
}

describe('isOwnPage', () => {
  it.each<[string, Sender]>([
    ['the warning page', OWN_PAGE],
    ['the popup', { id: ID, url: `${ORIGIN}popup.html` }],
    ['a page in a tab of its own', { id: ID, url: `${ORIGIN}popup.html?tab=3`, tab: { id: 3 } as Browser.tabs.Tab }],
  ])('accepts %s', (_, sender) => {
    expect(isOwnPage(sender, ID, ORIGIN)).toBe(true);
  });

  it('accepts Firefox extension pages', () => {
    const origin = 'moz-extension://0a1b2c3d-0000-4000-8000-000000000000/';
    expect(isOwnPage({ id: 'pharmacheck@example.org', url: `${origin}warning.html` }, 'pharmacheck@example.org', origin)).toBe(true);
  });

  it.each<[string, Sender]>([
    ['another extension', { id: 'otherextensionidotherextensionid', url: `chrome-extension://otherextensionidotherextensionid/x.html` }],
    ['another extension that claims our page URL', { id: 'otherextensionidotherextensionid', url: `${ORIGIN}popup.html` }],
    ['a content script on a web page', { id: ID, url: 'https://rogue.example/' }],
    ['a content script on an http page', { id: ID, url: 'http://rogue.example/' }],
    ['a page of another extension origin', { id: ID, url: 'chrome-extension://otherextensionidotherextensionid/popup.html' }],
    ['a web site whose host name is our id', { id: ID, url: `https://${ID}/popup.html` }],
    ['a Firefox page of another origin', { id: ID, url: 'moz-extension://0a1b2c3d-0000-4000-8000-000000000000/popup.html' }],
    ['a sender without url', { id: ID }],
    ['a sender without id', { url: `${ORIGIN}popup.html` }],
    ['an about:blank frame', { id: ID, url: 'about:blank' }],
    ['a data: frame', { id: ID, url: 'data:text/html,<script>1</script>' }],
    ['a blob: frame of a web page', { id: ID, url: 'blob:https://rogue.example/6f1c' }],
    ['a file: page', { id: ID, url: 'file:///tmp/x.html' }],
    ['a sender whose url does not parse', { id: ID, url: 'not a url' }],
    ['a sender whose url is the empty string', { id: ID, url: '' }],
    ['a sender whose url is not a string', { id: ID, url: 42 as unknown as string }],
  ])('refuses %s', (_, sender) => {
    expect(isOwnPage(sender, ID, ORIGIN)).toBe(false);
  });

  it('refuses everyone when the extension origin does not parse', () => {
    expect(isOwnPage(OWN_PAGE, ID, 'nonsense')).toBe(false);
  });
});

describe('dispatch', () => {
  it.each<[string, unknown, keyof Handlers, unknown]>([
    ['ui-bg-verdict', { type: 'ui-bg-verdict', payload: { url: 'https://rogue.example/' } }, 'ui-bg-verdict', { url: 'https://rogue.example/' }],
    ['ui-bg-tab-verdict', { type: 'ui-bg-tab-verdict', payload: { tabId: 7 } }, 'ui-bg-tab-verdict', { tabId: 7 }],
    ['ui-bg-tab-verdict for tab 0', { type: 'ui-bg-tab-verdict', payload: { tabId: 0 } }, 'ui-bg-tab-verdict', { tabId: 0 }],
    ['ui-bg-frame-blocked', { type: 'ui-bg-frame-blocked', payload: { url: 'https://rogue.example/shop' } }, 'ui-bg-frame-blocked', { url: 'https://rogue.example/shop' }],
    ['ui-bg-proceed', { type: 'ui-bg-proceed', payload: { url: 'https://rogue.example/x?a=1&b=2' } }, 'ui-bg-proceed', { url: 'https://rogue.example/x?a=1&b=2' }],
    ['ui-bg-subscriptions', { type: 'ui-bg-subscriptions', payload: {} }, 'ui-bg-subscriptions', {}],
    ['ui-bg-subscribe', { type: 'ui-bg-subscribe', payload: { url: 'https://lists.example/a/latest.json', publicKey: 'k' } }, 'ui-bg-subscribe', { url: 'https://lists.example/a/latest.json', publicKey: 'k' }],
    ['ui-bg-unsubscribe', { type: 'ui-bg-unsubscribe', payload: { id: 'a' } }, 'ui-bg-unsubscribe', { id: 'a' }],
    ['ui-bg-update-now for one list', { type: 'ui-bg-update-now', payload: { id: 'a' } }, 'ui-bg-update-now', { id: 'a' }],
    ['ui-bg-update-now for all lists', { type: 'ui-bg-update-now', payload: {} }, 'ui-bg-update-now', {}],
    ['ui-bg-report-send', { type: 'ui-bg-report-send', payload: { report: { any: 'thing' } } }, 'ui-bg-report-send', { report: { any: 'thing' } }],
    ['ui-bg-outbox', { type: 'ui-bg-outbox', payload: {} }, 'ui-bg-outbox', {}],
    ['ui-bg-directory', { type: 'ui-bg-directory', payload: {} }, 'ui-bg-directory', {}],
    ['ui-bg-outbox-delete', { type: 'ui-bg-outbox-delete', payload: { key: '6f1c2b1e-9a51-4a52-8f1e-0b8f6e1c2d3a' } }, 'ui-bg-outbox-delete', { key: '6f1c2b1e-9a51-4a52-8f1e-0b8f6e1c2d3a' }],
    ['ui-bg-outbox-retry', { type: 'ui-bg-outbox-retry', payload: {} }, 'ui-bg-outbox-retry', {}],
  ])('passes a valid %s message to its handler only, with the sender', async (_, message, type, payload) => {
    const h = handlers();
    await dispatch(h, message, OWN_PAGE, ID, ORIGIN);
    expect(h[type]).toHaveBeenCalledExactlyOnceWith(payload, OWN_PAGE);
    for (const other of Object.keys(h) as (keyof Handlers)[]) if (other !== type) expect(h[other]).not.toHaveBeenCalled();
  });

  it("returns the handler's answer", async () => {
    await expect(dispatch(handlers(), { type: 'ui-bg-proceed', payload: { url: 'https://a.example/' } }, OWN_PAGE, ID, ORIGIN)).resolves.toEqual({
      ok: true,
      url: 'https://a.example/',
    });
  });

  it('accepts a URL of exactly MAX_URL_LENGTH characters', async () => {
    const url = `https://rogue.example/${'a'.repeat(MAX_URL_LENGTH - 22)}`;
    expect(url).toHaveLength(MAX_URL_LENGTH);
    const h = handlers();
    await dispatch(h, { type: 'ui-bg-verdict', payload: { url } }, OWN_PAGE, ID, ORIGIN);
    expect(h['ui-bg-verdict']).toHaveBeenCalledOnce();
  });

  it.each<[string, Sender]>([
    ['another extension', { id: 'otherextensionidotherextensionid', url: 'chrome-extension://otherextensionidotherextensionid/x.html' }],
    ['a web page', { id: ID, url: 'https://rogue.example/' }],
    ['a sender without url', { id: ID }],
    ['another extension origin', { id: ID, url: 'chrome-extension://otherextensionidotherextensionid/popup.html' }],
  ])('refuses a valid message from %s, running no handler', async (_, sender) => {
    const h = handlers();
    await expect(dispatch(h, { type: 'ui-bg-proceed', payload: { url: 'https://rogue.example/' } }, sender, ID, ORIGIN)).rejects.toThrow(
      new MessageRefused('sender is not a page of this extension'),
    );
    expect(h['ui-bg-proceed']).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['an unknown type', { type: 'bg-ui-lift-all-blocks', payload: {} }],
    ['the type __proto__', { type: '__proto__', payload: { url: 'https://a.example/' } }],
    ['the type constructor', { type: 'constructor', payload: { url: 'https://a.example/' } }],
    ['the type toString', { type: 'toString', payload: {} }],
    ['the type hasOwnProperty', { type: 'hasOwnProperty', payload: {} }],
    ['an empty type', { type: '', payload: {} }],
    ['a type that differs in case', { type: 'UI-BG-VERDICT', payload: { url: 'https://a.example/' } }],
    ['an over-long type', { type: `ui-bg-verdict${' '.repeat(64)}`, payload: { url: 'https://a.example/' } }],
    ['a numeric type', { type: 1, payload: {} }],
    ['no type', { payload: { url: 'https://a.example/' } }],
    ['an extra envelope key', { type: 'ui-bg-verdict', payload: { url: 'https://a.example/' }, from: 'background' }],
    ['a string message', 'ui-bg-verdict'],
    ['null', null],
    ['undefined', undefined],
    ['an array', ['ui-bg-verdict', { url: 'https://a.example/' }]],
  ])('refuses %s as an unknown message', async (_, message) => {
    const h = handlers();
    await expect(dispatch(h, message, OWN_PAGE, ID, ORIGIN)).rejects.toThrow(new MessageRefused('unknown message'));
    for (const handler of Object.values(h)) expect(handler).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['ui-bg-verdict', { url: 'https://a.example/', tabId: 1 }],
    ['ui-bg-verdict', { url: 42 }],
    ['ui-bg-verdict', { url: '' }],
    ['ui-bg-verdict', { url: `https://a.example/${'a'.repeat(MAX_URL_LENGTH)}` }],
    ['ui-bg-verdict', {}],
    ['ui-bg-verdict', undefined],
    ['ui-bg-verdict', 'https://a.example/'],
    ['ui-bg-verdict', JSON.parse('{"url": "https://a.example/", "__proto__": {"polluted": true}}')],
    ['ui-bg-frame-blocked', { url: '' }],
    ['ui-bg-frame-blocked', { url: 'https://rogue.example/', tabId: 3 }],
    ['ui-bg-tab-verdict', { tabId: -1 }],
    ['ui-bg-tab-verdict', { tabId: 1.5 }],
    ['ui-bg-tab-verdict', { tabId: '3' }],
    ['ui-bg-tab-verdict', { tabId: Number.NaN }],
    ['ui-bg-tab-verdict', { tabId: Number.POSITIVE_INFINITY }],
    ['ui-bg-tab-verdict', { url: 'https://a.example/' }],
    ['ui-bg-proceed', { url: null }],
    ['ui-bg-proceed', { url: ['https://a.example/'] }],
    ['ui-bg-proceed', { url: 'https://a.example/', host: 'a.example' }],
  ])('refuses a %s payload that fails its schema (%j)', async (type, payload) => {
    const h = handlers();
    await expect(dispatch(h, { type, payload }, OWN_PAGE, ID, ORIGIN)).rejects.toThrow(new MessageRefused(`bad ${type} payload`));
    for (const handler of Object.values(h)) expect(handler).not.toHaveBeenCalled();
  });

  it('refuses with a MessageRefused error', async () => {
    await expect(dispatch(handlers(), null, OWN_PAGE, ID, ORIGIN)).rejects.toBeInstanceOf(MessageRefused);
  });
});
