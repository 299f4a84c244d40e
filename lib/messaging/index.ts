/** The page side of messaging: typed sending. The background side is in ./background. */
import { browser } from 'wxt/browser';
import type { MessageRequest, MessageResponses, MessageType } from './protocol';

export type * from './protocol';

export async function sendToBackground<T extends MessageType>(type: T, payload: MessageRequest<T>): Promise<MessageResponses[T]> {
  return (await browser.runtime.sendMessage({ type, payload })) as MessageResponses[T];
}

