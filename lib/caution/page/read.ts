/**
 * One reading of a page's features that every page signal shares: its text folded into parts
 * (title, headings, links, address, lines), the prescription-only medicines it names and whether
 * each one is *offered* (bound to a price, a cart, a verb of buying, "without prescription") or only
 * mentioned, and whether the page is a shop at all. Traps (leaflets, news, regulators, harm
 * reduction, forums) name the same medicines; what tells an offer apart is how the page sells, and
 * a line that warns or asks is never read as an offer, even on a shop that pastes warnings.
 */
import { parse } from 'tldts';
import { fold } from '../text';
import type { PageFeatures } from '../types';
import { DRUG_NAMES, type DrugClass } from './vocabulary';
import { BUY, CART, CART_FIELD, CART_PATH, phrase, PRESCRIPTION_STEP, PRICE, QUESTION, WARNING, wholeWords } from './phrases';
import { lazy } from '../lazy';

export type PartKind = 'title' | 'heading' | 'url' | 'link' | 'image' | 'line';

export interface Part {
  readonly kind: PartKind;
  /** Folded text. */
  readonly text: string;
  /** The line as the page wrote it (case kept), for the signals that need capitals. */
  readonly original: string;
}

export interface DrugMention {
  readonly name: string;
  readonly drugClass: DrugClass;
  readonly part: Part;
  readonly index: number;
  /** Bound to an offer: a price, a cart, a verb of buying or "without prescription" near it, in a line that neither warns nor asks. */
  readonly offered: boolean;
}

export interface PageRead {
  readonly features: PageFeatures;
  readonly host: string;
  /** The page's registrable domain (or its host when it has none). */
  readonly site: string;
  readonly parts: readonly Part[];
  /** Every line of text (`text` then `textEnd`), folded, one string. */
  readonly body: string;
  readonly drugs: readonly DrugMention[];
  readonly offeredClasses: ReadonlySet<DrugClass>;
  /** Names of the offered medicines, first seen first. */
  readonly offeredNames: readonly string[];
  /** Cart links, cart fields, "add to cart" buttons. */
  readonly cartCues: number;
  /** Lines with a price. */
  readonly pricedLines: number;
  /** A shop: a cart, or prices on three lines or more. */
  readonly isShop: boolean;
  /** The page offers medicines: a shop naming one, or a medicine offered outright. */
  readonly offersMedicines: boolean;
  /** The page shows a real prescription step (upload, e-prescription, "prescription required"). */
  readonly prescriptionStep: boolean;
}

const key = (name: string) => name.replace(/[ -]+/g, ' ');
/** The medicine names by their key, and one expression that finds any of them (longest first). */
const DRUGS = lazy(() => {
  const classes = new Map(DRUG_NAMES.map((d) => [key(d.name), d.drugClass]));
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(${[...classes.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ -]?')).join('|')})(?![\\p{L}])`,
    'gu',
  );
  return { classes, pattern };
});
const OFFER_CUE = lazy(() => phrase([...BUY, ...CART, 'online', 'generic', 'generique', 'generico', 'generika']));
const CART_RE = lazy(() => phrase(CART));
const WARNING_RE = lazy(() => phrase(WARNING));
const QUESTION_START = lazy(() => new RegExp(`^\\W*(?:${QUESTION.join('|')})`, 'u'));
const STEP_RE = lazy(() => phrase(PRESCRIPTION_STEP));
const PRESCRIPTION_FIELD = /(?:prescription|rezept|ordonnance|receta|ricetta|recept|recepta|receita|reteta|script|rx)/;
/** Around a medicine's name, how far a cue of an offer may be. */
const WINDOW = 90;
const SHORT_LINE_WORDS = 14;
/** A sentence longer than this tells a story (news, an article); an offer is short. */
const OFFER_SENTENCE_WORDS = 24;
/** Words after a medicine's name that make the product something else: a test for it, a book about it. */
const NOT_THE_MEDICINE = /^[\s\d.,()/-]*(?:[\p{L}\d-]+ ){0,2}?(?:test|tests|testing|strips?|kits?|panel|cup|screen|detox|book|guide|poster)(?![\p{L}])/u;

/** The sentence of `text` around `index`. */
export function sentenceAt(text: string, index: number): string {
  const before = text.slice(0, index);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '), before.lastIndexOf('; ')) + 1;
  const rest = /[.!?;](?:\s|$)/.exec(text.slice(index));
  return text.slice(start, rest ? index + rest.index + 1 : text.length).trim();
}

export function warns(text: string): boolean {
  return WARNING_RE().test(text);
}

export function asks(text: string): boolean {
  const t = text.trim();
  return t.endsWith('?') || QUESTION_START().test(t);
}

function addressWords(url: string): string {
  try {
    const u = new URL(url);
    let path = u.pathname + u.search;
    try {
      path = decodeURIComponent(path);
    } catch {
      // keep the escaped form
    }
    return path.replace(/[-_/.+=&?%]+/g, ' ').trim();
  } catch {
    return '';
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

function partsOf(f: PageFeatures): Part[] {
  const part = (kind: PartKind, original: string): Part => ({ kind, original, text: fold(original) });
  const lines = [...f.text.split('\n'), ...f.textEnd.split('\n')].filter((l) => l.trim() !== '');
  return [
    part('title', f.title),
    ...f.headings.map((h) => part('heading', h)),
    part('url', addressWords(f.url)),
    ...f.links.map((l) => part('link', `${l.text} ${addressWords(l.href)}`)),
    ...f.images.map((i) => part('image', `${i.alt} ${i.title}`)),
    ...lines.map((l) => part('line', l)),
  ];
}

function isOffered(part: Part, index: number, length: number, shop: boolean): boolean {
  if (part.kind === 'image') return shop;
  if (NOT_THE_MEDICINE.test(part.text.slice(index + length, index + length + 40))) return false;
  const sentence = part.kind === 'line' ? sentenceAt(part.text, index) : part.text;
  if (warns(part.text) || asks(sentence)) return false;
  const at = part.kind === 'line' ? sentence.indexOf(part.text.slice(index, index + length)) : index;
  const around = sentence.slice(Math.max(0, at - WINDOW), at + length + WINDOW);
  const cue = OFFER_CUE().test(around) || PRICE.test(around);
  if (part.kind === 'line') {
    const words = sentence.split(' ').length;
    return (cue && (shop || words <= OFFER_SENTENCE_WORDS)) || (shop && part.text.split(' ').length <= SHORT_LINE_WORDS);
  }
  if (part.kind === 'link') return cue || shop;
  return cue;
}

export function readPage(features: PageFeatures): PageRead {
  const parts = partsOf(features);
  const lines = parts.filter((p) => p.kind === 'line');
  const host = hostOf(features.url);
  const site = parse(host).domain ?? host;
  const pricedLines = lines.filter((l) => PRICE.test(l.text)).length;
  const fields = features.forms.flatMap((form) => form.fields.map(fold));
  const cartCues =
    features.links.filter((l) => CART_PATH.test(fold(addressWords(l.href)).replace(/ /g, '/')) || CART_RE().test(fold(l.text))).length +
    fields.filter((f) => CART_FIELD.test(f) || CART_RE().test(f)).length +
    lines.filter((l) => l.text.length < 60 && CART_RE().test(l.text)).length;
  const isShop = cartCues > 0 || pricedLines >= 3;
  const drugs: DrugMention[] = [];
  for (const part of parts) {
    for (const match of part.text.matchAll(DRUGS().pattern)) {
      const name = key(match[1]!);
      const drugClass = DRUGS().classes.get(name) ?? DRUGS().classes.get(key(match[1]!.replace(/(\p{L})(\d)/gu, '$1 $2')));
      if (!drugClass) continue;
      drugs.push({ name, drugClass, part, index: match.index, offered: isOffered(part, match.index, match[0].length, isShop) });
      if (drugs.length >= 2_000) break;
    }
  }
  const offered = drugs.filter((d) => d.offered);
  const body = lines.map((l) => l.text).join('\n');
  const prescriptionStep = STEP_RE().test(body) || parts.some((p) => p.kind !== 'line' && STEP_RE().test(p.text)) || fields.some((f) => f.startsWith('file:') && PRESCRIPTION_FIELD.test(f));
  return {
    features,
    host,
    site,
    parts,
    body,
    drugs,
    offeredClasses: new Set(offered.map((d) => d.drugClass)),
    offeredNames: [...new Set(offered.map((d) => d.name))],
    cartCues,
    pricedLines,
    isShop,
    offersMedicines: offered.length > 0,
    prescriptionStep,
  };
}

/**
 * The page's own words around a match, cut at word boundaries: the original text (case kept)
 * when folding kept its length, as it almost always does, else the folded one.
 */
export function quote(part: Part, index: number, length: number, context = 30): string {
  const source = part.original.length === part.text.length ? part.original : part.text;
  const from = Math.max(0, index - context);
  const to = Math.min(source.length, index + length + context);
  const start = from === 0 ? 0 : source.indexOf(' ', from) + 1 || from;
  const endSpace = source.lastIndexOf(' ', to);
  const end = to === source.length || endSpace < index + length ? to : endSpace;
  return source.slice(start, end).replace(/\s+/g, ' ').trim().replace(/[\s,;:–-]+$/, '');
}

/** Counts matches of `pattern` (a global copy is made) in `text`, at most `max`. */
export function count(pattern: RegExp, text: string, max = 50): number {
  const g = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let n = 0;
  for (const _ of text.matchAll(g)) if (++n >= max) break;
  return n;
}

export { wholeWords };
