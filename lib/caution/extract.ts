/**
 * From a document to its PageFeatures: the small, bounded summary the signal families read.
 * Pure DOM code, run by the features script (entrypoints/features.ts) on the browser's document and by the toolkit and the
 * tests on a document parsed in Node (linkedom): only DOM-standard calls, never layout, and every
 * URL resolved here against the document's base, so both give the same features for the same HTML.
 *
 * The text comes from two walks, both bounded (lib/caution/walk.ts): one from the top, which fills
 * `text`, and, when it stopped before the end, one from the bottom, which fills `textEnd` (where the
 * address and the licence usually are). Headings, links, images and forms come from the browser's
 * own queries (`querySelectorAll`, native code), taken from the top and, for links and images, also
 * from the end (the footer, where the EU common logo usually is), leaving out what is in a hidden
 * subtree: the walk in script visits only the few thousand nodes the text needs, however large the
 * page (bench/page-load.ts).
 */
import { collapse, cut } from './text';
import { FEATURE_LIMITS as L, type PageFeatures, type PageForm, type PageImage, type PageLink } from './types';
import { isBlock, isSkipped, SKIPPED_ELEMENTS, textOf, walk, type Visitor } from './walk';

export interface ExtractOptions {
  /** The page's address; defaults to `doc.URL` (a document parsed in Node may have none). */
  readonly url?: string;
  /** Nodes the walk from the top visits at most; the walk from the bottom gets a quarter more. */
  readonly nodeBudget?: number;
}

export const NODE_BUDGET = 20_000;
/** Links and images taken from the top of the page; the rest of L.links and L.images come from its end (the footer). */
const HEAD_LINKS = L.links - 80;
const HEAD_IMAGES = L.images - 20;
const FORM_BUDGET = 1_000;
const ANCESTORS = 64;
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

type Resolve = (raw: string | null) => string | null;

function resolver(doc: Document, pageUrl: string): Resolve {
  const parse = (raw: string, base?: string | URL): URL | null => {
    try {
      return new URL(raw, base);
    } catch {
      return null;
    }
  };
  const page = parse(pageUrl);
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href') ?? null;
  const base = (baseHref !== null && baseHref.length <= L.url ? parse(baseHref.trim(), page ?? undefined) : null) ?? page;
  return (raw) => {
    if (raw === null) return null;
    const value = raw.trim();
    if (value === '' || value.length > L.url) return null;
    const url = parse(value, base ?? undefined);
    return url && url.href.length <= L.url ? url.href : null;
  };
}

function imageSource(el: Element, resolve: Resolve): string {
  const src = el.getAttribute('src') ?? el.getAttribute('data-src') ?? el.getAttribute('data-lazy-src') ?? el.getAttribute('srcset')?.trim().split(/\s+/)[0] ?? '';
  // A data: URL can be megabytes; its first bytes say what it is.
  if (/^\s*data:/i.test(src)) return cut(src.trim(), 100);
  return resolve(src) ?? '';
}

function enclosingLink(el: Element, resolve: Resolve): string | null {
  let node: Element | null = el.parentElement;
  for (let i = 0; node && i < ANCESTORS; i++, node = node.parentElement) {
    if (node.localName === 'a' && node.hasAttribute('href')) return resolve(node.getAttribute('href'));
  }
  return null;
}

const size = (value: string | null): number => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 0 && n < 100_000 ? n : 0;
};

function imageOf(el: Element, resolve: Resolve): PageImage {
  return {
    src: imageSource(el, resolve),
    alt: cut(collapse(el.getAttribute('alt') ?? ''), L.imageText),
    title: cut(collapse(el.getAttribute('title') ?? ''), L.imageText),
    linkHref: enclosingLink(el, resolve),
    width: size(el.getAttribute('width')),
    height: size(el.getAttribute('height')),
  };
}

function linkOf(el: Element, resolve: Resolve): PageLink | null {
  const href = resolve(el.getAttribute('href'));
  if (!href || !LINK_SCHEMES.has(new URL(href).protocol)) return null;
  const text = el.localName === 'area' ? collapse(el.getAttribute('alt') ?? '') : textOf(el, L.linkText);
  return { href, text: cut(text, L.linkText) };
}

function fieldOf(el: Element): string | null {
  const name = el.localName;
  if (name !== 'input' && name !== 'select' && name !== 'textarea' && name !== 'button') return null;
  const type = name === 'input' ? (el.getAttribute('type') ?? 'text').trim().toLowerCase() || 'text' : name;
  const label =
    el.getAttribute('name') || el.getAttribute('id') || el.getAttribute('aria-label') || el.getAttribute('placeholder') ||
    (name === 'button' ? textOf(el, L.fieldText) : '') || (type === 'submit' ? el.getAttribute('value') ?? '' : '');
  return cut(`${cut(type, 20)}:${collapse(label)}`, L.fieldText);
}

function formOf(el: Element, resolve: Resolve): PageForm {
  const fields: string[] = [];
  const action = el.getAttribute('action');
  walk(el, FORM_BUDGET, {
    element: (child) => {
      const field = fieldOf(child);
      if (field !== null) fields.push(field);
      return true;
    },
    leave: () => {},
    text: () => {},
    done: () => fields.length >= L.formFields,
  });
  return {
    action: action === null || action.trim() === '' ? '' : resolve(action) ?? '',
    method: cut((el.getAttribute('method') ?? 'get').trim().toLowerCase(), 10),
    fields,
  };
}

/** Collects text into pieces, a line break per block, until `max` characters. */
class TextSink {
  readonly pieces: string[] = [];
  length = 0;
  /** The last text node taken: the walk from the bottom stops there. */
  last: Text | null = null;
  constructor(private readonly max: number) {}
  get full(): boolean {
    return this.length >= this.max;
  }
  add(node: Text): void {
    if (this.full) return;
    const data = node.data.replace(/\s+/g, ' ');
    if (data === '' ) return;
    const room = this.max - this.length;
    this.pieces.push(data.length > room ? cut(data, room) : data);
    this.length += Math.min(data.length, room);
    this.last = node;
  }
  lineBreak(): void {
    if (!this.full && this.pieces.length > 0 && this.pieces[this.pieces.length - 1] !== '\n') {
      this.pieces.push('\n');
      this.length++;
    }
  }
  text(backward = false): string {
    const ordered = backward ? [...this.pieces].reverse() : this.pieces;
    return cut(ordered.join('').replace(/ *\n[\s]*/g, '\n').replace(/ {2,}/g, ' ').trim(), this.max);
  }
}

/** Fills `sink` with the visible text, a line break per block, until it is full or `stopAt` is reached. */
function textCollector(sink: TextSink, stopAt: Text | null): Visitor {
  let reachedStop = false;
  return {
    element(el: Element): boolean {
      if (isBlock(el)) sink.lineBreak();
      return true;
    },
    leave(el: Element): void {
      if (isBlock(el)) sink.lineBreak();
    },
    text(node: Text): void {
      if (node === stopAt) reachedStop = true;
      else sink.add(node);
    },
    done: () => reachedStop || sink.full,
  };
}

/** Subtrees the walk leaves out, as a selector, so that one native `closest` finds the nearest candidate. */
const SKIPPED_SELECTOR = [...SKIPPED_ELEMENTS, '[hidden]', '[style]'].join(',');

/** True when `el` is in (or is) a subtree the walk leaves out: what a person does not see as the page. */
function inSkipped(el: Element): boolean {
  for (let candidate = el.closest(SKIPPED_SELECTOR); candidate; candidate = candidate.parentElement?.closest(SKIPPED_SELECTOR) ?? null) {
    if (isSkipped(candidate)) return true;
  }
  return false;
}

/**
 * The visible elements that match `selector`, found by the browser's own query (native code, not
 * a walk in script): the first `fromTop` in document order, then from the end of the page until
 * `max` in all (the footer's links and images, where the address and the EU common logo usually
 * are), each one once. Each end looks at `max * 2` candidates at most, so a page of thousands of
 * hidden links costs a bounded number of checks and still shows the visible ones at its end.
 */
function visibleEnds<T>(root: ParentNode, selector: string, fromTop: number, max: number, take: (el: Element) => T | null): T[] {
  const all = root.querySelectorAll(selector);
  const visible = (el: Element) => (inSkipped(el) ? null : take(el));
  const top: T[] = [];
  const end: T[] = [];
  let i = 0;
  for (let checks = max * 2; i < all.length && top.length < fromTop && checks > 0; i++, checks--) push(top, visible(all[i]!));
  for (let j = all.length - 1, checks = max * 2; j >= i && top.length + end.length < max && checks > 0; j--, checks--) push(end, visible(all[j]!));
  return [...top, ...end];
}

function push<T>(into: T[], item: T | null): void {
  if (item !== null) into.push(item);
}

function firstVisible<T>(root: ParentNode, selector: string, max: number, take: (el: Element) => T | null): T[] {
  return visibleEnds(root, selector, max, max, take);
}

/** The body, or the document element; null for a document with neither (DOM implementations differ on what `body` then does). */
export function rootOf(doc: Document): Element | null {
  try {
    return doc.body ?? doc.documentElement ?? null;
  } catch {
    return doc.documentElement ?? null;
  }
}

export function extractFeatures(doc: Document, options: ExtractOptions = {}): PageFeatures {
  const url = cut(options.url ?? (typeof doc.URL === 'string' ? doc.URL : ''), L.url);
  const budget = Math.max(1, Math.floor(options.nodeBudget ?? NODE_BUDGET));
  const resolve = resolver(doc, url);
  const root = rootOf(doc);
  const head = new TextSink(L.text);
  let textEnd = '';
  let headings: string[] = [];
  let links: PageLink[] = [];
  let images: PageImage[] = [];
  let forms: PageForm[] = [];
  if (root) {
    const complete = walk(root, budget, textCollector(head, null));
    if (!complete) {
      const tail = new TextSink(L.textEnd);
      walk(root, Math.ceil(budget / 4), textCollector(tail, head.last), true);
      textEnd = tail.text(true);
    }
    headings = firstVisible(root, 'h1, h2, h3', L.headings, (el) => textOf(el, L.heading) || null);
    links = visibleEnds(root, 'a[href], area[href]', HEAD_LINKS, L.links, (el) => linkOf(el, resolve));
    images = visibleEnds(root, 'img', HEAD_IMAGES, L.images, (el) => imageOf(el, resolve));
    forms = firstVisible(root, 'form', L.forms, (el) => formOf(el, resolve));
  }
  const lang = doc.documentElement?.getAttribute('lang') ?? '';
  return {
    url,
    lang: cut(lang.trim().toLowerCase(), L.lang),
    title: cut(collapse(doc.title ?? ''), L.title),
    headings,
    text: head.text(),
    textEnd,
    links,
    images,
    forms,
  };
}
