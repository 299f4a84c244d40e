/**
 * A bounded walk over a document's visible nodes, forward (document order) or backward (from the
 * end), without recursion: deeply nested markup costs no stack, and `budget` caps the nodes
 * visited whatever the page. Only DOM-standard properties (nodeType, localName, firstChild,
 * nextSibling, getAttribute…), and never layout: a browser's document and one parsed in Node give
 * the same walk. Small on purpose: the features script bundles it.
 */

/** Subtrees a person does not read as the page's text. */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'audio', 'video']);

/** Elements that start a new line of text. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'option', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'button', 'label', 'legend', 'caption', 'center',
]);

const DISPLAY_NONE = /display\s*:\s*none/i;

export function isSkipped(el: Element): boolean {
  if (SKIPPED_ELEMENTS.has(el.localName)) return true;
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && DISPLAY_NONE.test(style);
}

export function isBlock(el: Element): boolean {
  return BLOCKS.has(el.localName);
}

export interface Visitor {
  /** An element being entered; return false to leave its subtree out. */
  element(el: Element): boolean;
  /** An element whose subtree has been walked (or that has none). */
  leave(el: Element): void;
  text(node: Text): void;
  /** True when the visitor has all it wants: the walk stops. */
  done(): boolean;
}

/** Walks `root`'s descendants; returns true when it reached the end (neither budget nor `done` stopped it). */
export function walk(root: Node, budget: number, visitor: Visitor, backward = false): boolean {
  const first = (n: Node) => (backward ? n.lastChild : n.firstChild);
  const next = (n: Node) => (backward ? n.previousSibling : n.nextSibling);
  let node: Node | null = first(root);
  let visited = 0;
  while (node) {
    if (visited >= budget || visitor.done()) return false;
    visited++;
    let entered = false;
    if (node.nodeType === 1) {
      const el = node as Element;
      entered = !isSkipped(el) && visitor.element(el);
    } else if (node.nodeType === 3) {
      visitor.text(node as Text);
    }
    const child = entered ? first(node) : null;
    if (child) {
      node = child;
      continue;
    }
    if (entered) visitor.leave(node as Element);
    // Up until a sibling is found; every ancestor climbed out of was entered.
    let sibling: Node | null = next(node);
    while (!sibling) {
      const parent: Node | null = node.parentNode;
      if (!parent || parent === root) return true;
      node = parent;
      if (node.nodeType === 1) visitor.leave(node as Element);
      sibling = next(node);
    }
    node = sibling;
  }
  return true;
}

/** The visible text of one element, whitespace collapsed, at most `max` characters and `budget` nodes. */
export function textOf(el: Element, max: number, budget = 400): string {
  let text = '';
  walk(el, budget, {
    element: (child) => {
      if (isBlock(child)) text += ' ';
      return true;
    },
    leave: (child) => {
      if (isBlock(child)) text += ' ';
    },
    text: (node) => {
      text += node.data;
    },
    done: () => text.length > max * 2 + 200,
  });
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length <= max ? collapsed : collapsed.slice(0, /[\uD800-\uDBFF]/.test(collapsed[max - 1] ?? '') ? max - 1 : max);
}
