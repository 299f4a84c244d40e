/** The background's receiving end: checks every sender and every payload before a handler runs. */
import { browser, type Browser } from 'wxt/browser';
import type { ContentMessageRequest, ContentMessageResponses, ContentMessageType, MessageRequest, MessageResponses, MessageType } from './protocol';
import { contentRequestSchemas, envelopeSchema, requestSchemas } from './schemas';

export type Handlers = {
  [T in MessageType]: (payload: MessageRequest<T>, sender: Browser.runtime.MessageSender) => Promise<MessageResponses[T]>;
};

/** A content script's message comes with the tab and page it runs in, as the browser says. */
export interface ContentSender {
  readonly tabId: number;
  /** The page's address as the browser reports it (never what the page says about itself). */
  readonly url: string;
}

export type ContentHandlers = {
  [T in ContentMessageType]: (payload: ContentMessageRequest<T>, sender: ContentSender) => Promise<ContentMessageResponses[T]>;
};

/**
 * True for the extension's own pages only. Content scripts and other extensions never get an
 * answer: no page a person visits can ask for a verdict or lift a block.
 */
export function isOwnPage(sender: Browser.runtime.MessageSender, runtimeId: string, extensionOrigin: string): boolean {
  if (sender.id !== runtimeId || typeof sender.url !== 'string') return false;
  try {
    // Not URL.origin: for chrome-extension: and moz-extension: (not special schemes in the URL
    // standard) it is the opaque "null", equal for every extension and for about:, data: and file:.
    const page = new URL(sender.url);
    const own = new URL(extensionOrigin);
    return own.host !== '' && page.protocol === own.protocol && page.host === own.host;
  } catch {
    return false;
  }
}

/**
 * The content script of this extension in the top frame of an http(s) page: the only sender of
 * `cs-bg-…` messages. Frames, other extensions and extension pages are refused; the tab id and the
 * page URL are the browser's, from the sender.
 */
export function ownContentScript(sender: Browser.runtime.MessageSender, runtimeId: string): ContentSender | null {
  if (sender.id !== runtimeId || sender.frameId !== 0 || typeof sender.url !== 'string') return null;
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return null;
  try {
    const protocol = new URL(sender.url).protocol;
    return protocol === 'http:' || protocol === 'https:' ? { tabId, url: sender.url } : null;
  } catch {
    return null;
  }
}

export class MessageRefused extends Error {}

/** Validates a content script's message and its sender, then runs the handler. */
export async function dispatchContent(handlers: ContentHandlers, message: unknown, sender: Browser.runtime.MessageSender, runtimeId: string): Promise<unknown> {
  const from = ownContentScript(sender, runtimeId);
  if (!from) throw new MessageRefused('sender is not this extension in the top frame of a web page');
  const envelope = envelopeSchema.safeParse(message);
  if (!envelope.success || !Object.hasOwn(contentRequestSchemas, envelope.data.type)) throw new MessageRefused('unknown message');
  const type = envelope.data.type as ContentMessageType;
  const payload = contentRequestSchemas[type].safeParse(envelope.data.payload);
  if (!payload.success) throw new MessageRefused(`bad ${type} payload`);
  const handler = handlers[type] as (p: unknown, s: ContentSender) => Promise<unknown>;
  return handler(payload.data, from);
}

/** Content scripts' messages are named `cs-bg-…`; everything else comes from extension pages. */
const isContentMessage = (message: unknown) =>
  typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string' && (message as { type: string }).type.startsWith('cs-bg-');

/** Validates a raw message and its sender, then runs the handler. */
export async function dispatch(
  handlers: Handlers,
  message: unknown,
  sender: Browser.runtime.MessageSender,
  runtimeId: string,
  extensionOrigin: string,
): Promise<unknown> {
  if (!isOwnPage(sender, runtimeId, extensionOrigin)) throw new MessageRefused('sender is not a page of this extension');
  const envelope = envelopeSchema.safeParse(message);
  if (!envelope.success || !Object.hasOwn(requestSchemas, envelope.data.type)) throw new MessageRefused('unknown message');
  const type = envelope.data.type as MessageType;
  const payload = requestSchemas[type].safeParse(envelope.data.payload);
  if (!payload.success) throw new MessageRefused(`bad ${type} payload`);
  const handler = handlers[type] as (p: unknown, s: Browser.runtime.MessageSender) => Promise<unknown>;
  return handler(payload.data, sender);
}

/** Registers the background's handlers. */
export function listenInBackground(handlers: Handlers, contentHandlers: ContentHandlers): void {
  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) =>
    isContentMessage(message) ? dispatchContent(contentHandlers, message, sender, browser.runtime.id) : dispatch(handlers, message, sender, browser.runtime.id, origin),
  );
}
