/**
 * What Pharmacheck's content script does in a web page's top frame: nothing on the critical path.
 * After the page has loaded, in idle time, a cheap first look (lib/caution's `firstLook`: medicine
 * words in the title, headings or first text) decides whether the page is worth a closer look; only
 * then are the page's bounded features extracted and sent to the background, by message, and
 * nowhere else. The background answers with a notice to show, or nothing.
 */
// Straight from the module, so the content script bundles only what runs in the page.
import { extractFeatures } from '../caution/extract';
import { firstLook } from '../caution/first-look';
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

export function watchPage(win: Window = window): void {
  if (win.top !== win) return; // Top frame only: frames are judged as part of their page.
  const start = () => idle(win, () => void look(win.document));
  if (win.document.readyState === 'complete') start();
  else win.addEventListener('load', start, { once: true });
}

function idle(win: Window, job: () => void): void {
  if ('requestIdleCallback' in win) win.requestIdleCallback(job, { timeout: IDLE_TIMEOUT_MS });
  else (win as Window).setTimeout(job, 0);
}

async function look(doc: Document): Promise<void> {
  if (!firstLook(doc)) return;
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
