/**
 * The cheap gate every page passes through before anything is extracted from it: does the title, a
 * top heading, the address or the first ~2,000 characters of text speak of medicines or pharmacies,
 * in any of many languages? Generous on purpose (a page it lets through is only looked at more
 * closely, on the device); the heavy vocabulary belongs to the page signals. Two halves: reading
 * (`readFirstLook`, which runs in the page) and judging (`firstLookPasses`, in the background, so
 * the vocabulary never loads into a page).
 */
import { fold } from './text';

export const FIRST_LOOK_TEXT = 2_000;

/**
 * Word starts, folded (no accents, lowercase). Pharmacy and medicine words in the UI languages and
 * beyond, "without prescription" in several, and the drug names that illegal shops sell most
 * (international: the same in every language).
 */
const WORDS = [
  // pharmacy
  'pharmac', 'farmac', 'apothe', 'apotek', 'apteek', 'aptek', 'aptiek', 'vaistin', 'lekarn', 'ljekarn', 'gyogyszer', 'eczane', 'drugstore', 'chemist',
  'φαρμακ', 'аптек', 'фармац', '薬', '药', '藥', '약국', 'ร้านขายยา', 'صيدلي', 'בית מרקחת', 'दवा',
  // medicine, prescription
  'medicament', 'medication', 'medicine', 'arzneimittel', 'medikament', 'geneesmiddel', 'medicijn', 'lakemedel', 'legemid', 'laegemid', 'leki ', 'lecivo', 'leciva',
  'farmaco', 'lijek', 'zdravil', 'ravim', 'zales', 'prescription', 'ordonnance', 'verschreibung', 'rezeptfrei', 'ohne rezept', 'sin receta', 'senza ricetta',
  'zonder recept', 'sem receita', 'bez recept', 'utan recept', 'fara reteta', 'recept nelkul', 'χωρις συνταγη', 'без рецепт', 'reseptsiz', 'pills', 'pilule', 'pillen',
  'pastilla', 'pillol', 'tabletk', 'comprim', ' rx', 'rx ',
  // drugs most offered without prescription
  'viagra', 'cialis', 'levitra', 'kamagra', 'sildenafil', 'tadalafil', 'vardenafil', 'priligy', 'dapoxetin', 'tramadol', 'oxycod', 'oxicod', 'ossicod', 'oxycontin',
  'hydrocod', 'percocet', 'vicodin', 'fentanyl', 'codein', 'morphin', 'xanax', 'alprazolam', 'valium', 'diazepam', 'lorazepam', 'clonazepam', 'ambien', 'zolpidem',
  'zopiclon', 'carisoprodol', 'adderall', 'ritalin', 'modafinil', 'phentermin', 'ozempic', 'wegovy', 'mounjaro', 'semaglutid', 'tirzepatid', 'retatrutid',
  'liraglutid', 'saxenda', 'gabapentin', 'pregabalin', 'lyrica', 'ivermectin', 'chloroquin', 'finasterid', 'propecia', 'isotretinoin', 'accutane', 'clomid',
  'peptide', 'steroid', 'anabol', 'clenbuterol',
];

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const VOCABULARY = new RegExp(WORDS.map(escape).join('|'));
/** The most common disguises of drug names (v1agra, c!alis, vi@gra) read as letters. */
const UNDISGUISE: Readonly<Record<string, string>> = { '1': 'i', '!': 'i', '|': 'i', '0': 'o', '@': 'a', '4': 'a', '3': 'e', $: 's' };

/** What the first look reads of a page: its title, its top headings and the start of its text, each bounded. */
export interface FirstLookText {
  readonly title: string;
  readonly headings: string;
  readonly text: string;
}

export const FIRST_LOOK_LIMITS = { title: 500, headings: 12 * 301, text: FIRST_LOOK_TEXT } as const;

/**
 * Reads what the first look needs from `doc` (the global `document` when null). With `idleMs`, it
 * waits for the browser's idle time first (at most that long) and answers with a promise.
 *
 * The background runs this function in the page itself (`scripting.executeScript` with `func`,
 * lib/protection/page-look.ts), in the page's own world, where no isolated world has to be made
 * (the cost of any content script: bench/page-load.ts). So it is self-contained: the browser sends
 * its source text, without this module, so it refers to nothing outside its own body (no imports,
 * no module constants; the limits repeat FIRST_LOOK_LIMITS and lib/caution/walk.ts's skipped
 * elements, and a unit test checks they agree). In the page's world the page's own scripts can
 * change what the DOM answers; what comes back is only ever a gate, checked by a schema in the
 * background, and a page that hid its words from it could as well have hidden them from the eye.
 */
export function readFirstLook(doc: Document | null): FirstLookText;
export function readFirstLook(doc: Document | null, idleMs: number): Promise<FirstLookText>;
export function readFirstLook(doc: Document | null, idleMs?: number): FirstLookText | Promise<FirstLookText> {
  const read = (): FirstLookText => {
    const d = doc ?? document;
    const skipped = ['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'audio', 'video'];
    const hidden = (el: Element) => skipped.indexOf(el.localName) >= 0 || el.hasAttribute('hidden') || /display\s*:\s*none/i.test(el.getAttribute('style') ?? '');
    // Visible text under `root`, in document order, without recursion: at most `max` characters and `budget` nodes.
    const textUnder = (root: Node, max: number, budget: number): string => {
      let out = '';
      let node: Node | null = root.firstChild;
      let visited = 0;
      while (node && visited < budget && out.length < max) {
        visited++;
        let child: Node | null = null;
        if (node.nodeType === 3) out += (node as Text).data.slice(0, max);
        else if (node.nodeType === 1 && !hidden(node as Element)) child = node.firstChild;
        if (child) {
          node = child;
          continue;
        }
        while (node && node !== root && !node.nextSibling) {
          node = node.parentNode;
          out += ' ';
        }
        node = node && node !== root ? node.nextSibling : null;
        out += ' ';
      }
      return out.slice(0, max);
    };
    let title = '';
    let headings = '';
    let text = '';
    try {
      title = String(d.title ?? '').slice(0, 500);
      const tops = d.querySelectorAll('h1, h2');
      for (let i = 0; i < tops.length && i < 12; i++) headings += ` ${textUnder(tops[i]!, 300, 400)}`;
      let root: Node | null = null;
      try {
        root = d.body ?? d.documentElement;
      } catch {
        root = d.documentElement;
      }
      if (root) text = textUnder(root, 2_000, 1_500);
    } catch {
      // A document that throws on reading (a hostile page's own getters) gives what was read so far.
    }
    return { title, headings, text };
  };
  if (idleMs === undefined) return read();
  return new Promise((resolve) => {
    const later = (globalThis as { requestIdleCallback?: (job: () => void, options: { timeout: number }) => number }).requestIdleCallback;
    if (later) later(() => resolve(read()), { timeout: idleMs });
    else setTimeout(() => resolve(read()), 0);
  });
}

function addressWords(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname} ${decodeURIComponent(parsed.pathname + parsed.search).slice(0, 500)}`.replace(/[-_/.+=&?]+/g, ' ');
  } catch {
    return '';
  }
}

/** True when what was read of a page (`readFirstLook`) and its address may be about medicines: worth extracting its features. */
export function firstLookPasses(page: FirstLookText, url: string): boolean {
  const text = fold(` ${page.title.slice(0, FIRST_LOOK_LIMITS.title)} ${page.headings.slice(0, FIRST_LOOK_LIMITS.headings)} ${addressWords(url)} ${page.text.slice(0, FIRST_LOOK_LIMITS.text)} `).replace(/\s+/g, ' ');
  return VOCABULARY.test(text) || VOCABULARY.test(text.replace(/[1!|0@43$]/g, (c) => UNDISGUISE[c] ?? c));
}

/** True when the page may be about medicines (the toolkit's and the evaluation's first look: the same as the browser's). */
export function firstLook(doc: Document, url: string = typeof doc.URL === 'string' ? doc.URL : ''): boolean {
  return firstLookPasses(readFirstLook(doc), url);
}
