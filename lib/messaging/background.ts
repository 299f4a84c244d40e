/** The background's receiving end: checks every sender and every payload before a handler runs. */
import { browser, type Browser } from 'wxt/browser';
import type { MessageRequest, MessageResponses, MessageType } from './protocol';
import { envelopeSchema, requestSchemas } from './schemas';

export type Handlers = {
  [T in MessageType]: (payload: MessageRequest<T>, sender: Browser.runtime.MessageSender) => Promise<MessageResponses[T]>;
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

export class MessageRefused extends Error {}

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
export function listenInBackground(handlers: Handlers): void {
  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) =>
    dispatch(handlers, message, sender, browser.runtime.id, origin),
  );
}
