/**
 * From a document to its PageFeatures: the small, bounded summary the signal families read.
 * Pure DOM code, run by the content script on the browser's document and by the toolkit and the
 * tests on a document parsed in Node (linkedom): only DOM-standard calls, never layout, and every
 * URL resolved here against the document's base, so both give the same features for the same HTML.
 *
 * Two walks, both bounded (lib/caution/walk.ts): one from the top, which fills `text` and most of
 * the links, images and forms; and, when it stopped before the end, one from the bottom, which
 * fills `textEnd` and keeps a share of the links and images for the footer (where the address,
 * the licence and the EU common logo usually are).
 */
import { collapse, cut } from './text';
import { FEATURE_LIMITS as L, type PageFeatures, type PageForm, type PageImage, type PageLink } from './types';
import { isBlock, isSkipped, textOf, walk, type Visitor } from './walk';

export interface ExtractOptions {
  /** The page's address; defaults to `doc.URL` (a document parsed in Node may have none). */
  readonly url?: string;
  /** Nodes the walk from the top visits at most; the walk from the bottom gets a quarter more. */
  readonly nodeBudget?: number;
}

export const NODE_BUDGET = 20_000;
/** What the walk from the top may take, so the one from the bottom still finds room. */
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

interface Collected {
  readonly headings: string[];
  readonly links: PageLink[];
  readonly images: PageImage[];
  readonly forms: PageForm[];
  /** Elements already taken, so the walk from the bottom does not take them twice. */
  readonly taken: Set<Element>;
}

function collector(sink: TextSink, got: Collected, resolve: Resolve, limits: { links: number; images: number }, stopAt: Text | null, tail: boolean): Visitor & { reachedStop: boolean } {
  const visitor = {
    reachedStop: false,
    element(el: Element): boolean {
      if (isBlock(el)) sink.lineBreak();
      if (got.taken.has(el)) return true;
      const name = el.localName;
      if ((name === 'h1' || name === 'h2' || name === 'h3') && got.headings.length < L.headings && !tail) {
        const heading = textOf(el, L.heading);
        if (heading !== '') got.headings.push(heading);
      } else if ((name === 'a' || name === 'area') && el.hasAttribute('href') && got.links.length < limits.links) {
        const link = linkOf(el, resolve);
        if (link) got.links.push(link);
        got.taken.add(el);
      } else if (name === 'img' && got.images.length < limits.images) {
        got.images.push(imageOf(el, resolve));
        got.taken.add(el);
      } else if (name === 'form' && got.forms.length < L.forms) {
        got.forms.push(formOf(el, resolve));
        got.taken.add(el);
      }
      return true;
    },
    leave(el: Element): void {
      if (isBlock(el)) sink.lineBreak();
    },
    text(node: Text): void {
      if (node === stopAt) visitor.reachedStop = true;
      else sink.add(node);
    },
    done: () => visitor.reachedStop || (sink.full && got.links.length >= limits.links && got.images.length >= limits.images),
  };
  return visitor;
}

/** The body, or the document element; null for a document with neither (DOM implementations differ on what `body` then does). */
export function rootOf(doc: Document): Node | null {
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
  const got: Collected = { headings: [], links: [], images: [], forms: [], taken: new Set() };
  const head = new TextSink(L.text);
  let textEnd = '';
  if (root) {
    const complete = walk(root, budget, collector(head, got, resolve, { links: HEAD_LINKS, images: HEAD_IMAGES }, null, false));
    if (!complete || head.full) {
      const tail = new TextSink(L.textEnd);
      walk(root, Math.ceil(budget / 4), collector(tail, got, resolve, { links: L.links, images: L.images }, head.last, true), true);
      textEnd = tail.text(true);
    }
  }
  const lang = doc.documentElement?.getAttribute('lang') ?? '';
  return {
    url,
    lang: cut(lang.trim().toLowerCase(), L.lang),
    title: cut(collapse(doc.title ?? ''), L.title),
    headings: got.headings,
    text: head.text(),
    textEnd,
    links: got.links,
    images: got.images,
    forms: got.forms,
  };
}
