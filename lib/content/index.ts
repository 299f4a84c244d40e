/**
 * What Pharmacheck's notice content script does in a web page's top frame. It is never declared:
 * the background injects it only into a loaded page whose features it judged to show strong signs
 * of an illegal pharmacy (lib/protection/page-look.ts), so it starts after load, in an isolated world
 * the page's scripts cannot reach. It asks the background for the notice, by message, and shows it;
 * it reads nothing of the page.
 */
import type { ContentMessageRequest, ContentMessageResponses, ContentMessageType } from '../messaging/protocol';
import { showNotice } from './notice';

/**
 * The content script sends with the browser's own runtime (promise-based in MV3 Chrome and in
 * Firefox), not through webextension-polyfill: every byte it brings is compiled in the page.
 */
function sendFromContent<T extends ContentMessageType>(type: T, payload: ContentMessageRequest<T>): Promise<ContentMessageResponses[T]> {
  const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
  return api.runtime.sendMessage({ type, payload }) as Promise<ContentMessageResponses[T]>;
}

/** Set in the content script's own world once it has run in a document: a second injection does nothing. */
const SHOWN = Symbol.for('pharmacheck.caution.notice');

export async function showPageNotice(win: Window = window): Promise<void> {
  if (win.top !== win) return; // Top frame only: frames are judged as part of their page.
  const self = win as unknown as Record<symbol, boolean>;
  if (self[SHOWN]) return;
  self[SHOWN] = true;
  let answer;
  try {
    answer = await sendFromContent('cs-bg-notice', {});
  } catch {
    return; // The extension was updated or reloaded under the page: nothing to show.
  }
  if (answer?.notice) showNotice(win.document, answer.notice, {
    dismiss: () => void sendFromContent('cs-bg-notice-dismiss', {}).catch(() => undefined),
    guide: () => void sendFromContent('cs-bg-open-guide', {}).catch(() => undefined),
  });
}
