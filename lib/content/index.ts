/**
 * What Pharmacheck's content script does in a web page's top frame. It is never declared: the
 * background injects it only into a loaded page that passed the first look (lib/protection/
 * page-look.ts), so it starts after load. In idle time it extracts the page's bounded features and
 * sends them to the background, by message, and nowhere else. The background answers with a notice
 * to show, or nothing.
 */
// Straight from the module, so the content script bundles only what runs in the page.
import { extractFeatures } from '../caution/extract';
import type { ContentMessageRequest, ContentMessageResponses, ContentMessageType } from '../messaging/protocol';
import { showNotice } from './notice';

/**
 * The content script sends with the browser's own runtime (promise-based in MV3 Chrome and in
 * Firefox), not through webextension-polyfill: it loads into every page, so every byte counts.
 */
function sendFromContent<T extends ContentMessageType>(type: T, payload: ContentMessageRequest<T>): Promise<ContentMessageResponses[T]> {
  const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
  return api.runtime.sendMessage({ type, payload }) as Promise<ContentMessageResponses[T]>;
}

/** How long the browser may keep the look waiting for idle time after load. */
const IDLE_TIMEOUT_MS = 3_000;

/** Set in the content script's own world once it has run in a document: a second injection does nothing. */
const LOOKED = Symbol.for('pharmacheck.caution.looked');

export function watchPage(win: Window = window): void {
  if (win.top !== win) return; // Top frame only: frames are judged as part of their page.
  const self = win as unknown as Record<symbol, boolean>;
  if (self[LOOKED]) return;
  self[LOOKED] = true;
  const start = () => idle(win, () => void look(win.document));
  if (win.document.readyState === 'complete') start();
  else win.addEventListener('load', start, { once: true });
}

function idle(win: Window, job: () => void): void {
  if ('requestIdleCallback' in win) win.requestIdleCallback(job, { timeout: IDLE_TIMEOUT_MS });
  else (win as Window).setTimeout(job, 0);
}

async function look(doc: Document): Promise<void> {
  const features = extractFeatures(doc);
  let answer;
  try {
    answer = await sendFromContent('cs-bg-page-features', { features });
  } catch {
    return; // The extension was updated or reloaded under the page: nothing to show.
  }
  if (answer?.notice) showNotice(doc, answer.notice, {
    dismiss: () => void sendFromContent('cs-bg-notice-dismiss', {}).catch(() => undefined),
    guide: () => void sendFromContent('cs-bg-open-guide', {}).catch(() => undefined),
  });
}
