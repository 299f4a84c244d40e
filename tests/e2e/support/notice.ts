/**
 * The caution notice lives in a closed shadow root, which page scripts (and Playwright's locators)
 * cannot enter. The DevTools protocol can: it pierces closed roots, so a test reads the notice as
 * the browser renders it, and runs axe-core on it, without the extension opening the root to pages.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CDPSession, Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

export interface NoticeSnapshot {
  readonly heading: string;
  readonly text: string;
  readonly reasons: readonly string[];
  readonly buttons: readonly string[];
  readonly region: { readonly role: string | null; readonly label: string | null; readonly lang: string | null };
}

function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}

const textOf = (node: DomNode): string =>
  [...walk(node)].filter((n) => n.nodeName === '#text').map((n) => n.nodeValue ?? '').join('').replace(/\s+/g, ' ').trim();

const attribute = (node: DomNode, name: string): string | null => {
  const a = node.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1] ?? null;
  return null;
};

async function noticeRoot(session: CDPSession): Promise<DomNode | null> {
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const host = [...walk(root)].find((n) => n.nodeName === 'PHARMACHECK-NOTICE');
  return host?.shadowRoots?.[0] ?? null;
}

/** The notice on the page, read through the closed shadow root; null when there is none. */
export async function readNotice(page: Page): Promise<NoticeSnapshot | null> {
  const session = await page.context().newCDPSession(page);
  try {
    const root = await noticeRoot(session);
    if (!root) return null;
    const nodes = [...walk(root)];
    const region = nodes.find((n) => n.nodeName === 'SECTION');
    return {
      heading: textOf(nodes.find((n) => n.nodeName === 'H2')!),
      text: textOf(nodes.find((n) => n.nodeName === 'P')!),
      reasons: nodes.filter((n) => n.nodeName === 'LI').map(textOf),
      buttons: nodes.filter((n) => n.nodeName === 'BUTTON').map(textOf),
      region: { role: region ? attribute(region, 'role') : null, label: region ? attribute(region, 'aria-label') : null, lang: region ? attribute(region, 'lang') : null },
    };
  } finally {
    await session.detach();
  }
}

/**
 * axe-core on the notice. axe cannot enter a closed root, so the test copies the root's content
 * (its style and markup, as rendered) into an open shadow root on the same page, runs axe-core on
 * that copy, and removes it.
 */
export async function noticeAxeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const session = await page.context().newCDPSession(page);
  try {
    const root = await noticeRoot(session);
    if (!root) throw new Error('no notice on the page');
    const { object } = (await session.send('DOM.resolveNode', { backendNodeId: root.backendNodeId })) as { object: { objectId: string } };
    const { result, exceptionDetails } = (await session.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      awaitPromise: true,
      returnByValue: true,
      functionDeclaration: `async function () {
        const host = document.createElement('pharmacheck-notice-copy');
        const open = host.attachShadow({ mode: 'open' });
        for (const node of this.childNodes) open.append(node.cloneNode(true));
        document.body.prepend(host);
        try {
          const r = await window.axe.run({ include: [['pharmacheck-notice-copy']] }, { resultTypes: ['violations'] });
          return r.violations.map((v) => v.id + ': ' + v.help);
        } finally {
          host.remove();
        }
      }`,
    })) as { result: { value?: string[] }; exceptionDetails?: { exception?: { description?: string }; text: string } };
    if (exceptionDetails) throw new Error(`axe-core failed on the notice: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value ?? [];
  } finally {
    await session.detach();
  }
}
