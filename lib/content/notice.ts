/**
 * The notice on a page with strong signs of an illegal pharmacy: never a block, always dismissible.
 * It lives in a closed shadow root, so the page can neither restyle it nor read or fake it through
 * the DOM, and it is inserted at the top of the page's flow (not floating over it), so it hides
 * nothing the person is working with. Its strings come translated from the background.
 */
import type { CautionNotice } from '../messaging';

export interface NoticeActions {
  readonly dismiss: () => void;
  readonly guide: () => void;
}

const STYLE = `
:host { all: initial; display: block; }
.notice { box-sizing: border-box; margin: 0; padding: 16px 20px; border-block-end: 4px solid #B45309;
  background: #FFF8E6; color: #1F1B16; font: 16px/1.5 system-ui, sans-serif; text-align: start; }
h2 { margin: 0 0 4px; font-size: 1.125rem; font-weight: 700; }
p { margin: 0 0 8px; }
ul { margin: 0 0 12px; padding-inline-start: 1.25em; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; }
button { font: inherit; min-height: 44px; min-width: 44px; padding: 8px 16px; border-radius: 6px; cursor: pointer;
  border: 2px solid #7A3A00; background: #7A3A00; color: #FFFFFF; }
button.secondary { background: #FFFFFF; color: #7A3A00; }
button:focus-visible { outline: 3px solid #1F1B16; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .notice { background: #2B2115; color: #F5EDE1; border-block-end-color: #F0A54A; }
  button { background: #F0A54A; border-color: #F0A54A; color: #1F1B16; }
  button.secondary { background: #2B2115; color: #F0A54A; }
  button:focus-visible { outline-color: #F5EDE1; }
}
`;

export function showNotice(doc: Document, notice: CautionNotice, actions: NoticeActions): HTMLElement | null {
  if (!doc.body) return null;
  const host = doc.createElement('pharmacheck-notice');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const region = element(doc, 'section', { class: 'notice', role: 'region', 'aria-label': notice.label, lang: notice.lang, dir: notice.dir });
  const heading = element(doc, 'h2', {}, notice.heading);
  const list = element(doc, 'ul', {});
  for (const reason of notice.reasons) list.append(element(doc, 'li', {}, reason));
  const guide = element(doc, 'button', { type: 'button' }, notice.guide);
  const dismiss = element(doc, 'button', { type: 'button', class: 'secondary' }, notice.dismiss);
  const buttons = element(doc, 'div', { class: 'actions' });
  buttons.append(guide, dismiss);
  region.append(heading, element(doc, 'p', {}, notice.text), list, buttons);
  guide.addEventListener('click', () => actions.guide());
  dismiss.addEventListener('click', () => {
    host.remove();
    actions.dismiss();
  });
  root.append(style, region);
  doc.body.prepend(host);
  return host;
}

function element(doc: Document, tag: string, attributes: Record<string, string>, text?: string): HTMLElement {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (text !== undefined) el.textContent = text;
  return el;
}
