/**
 * The cheap gate the content script runs on every page before it extracts anything: does the
 * title, a top heading, the address or the first ~2,000 characters of text speak of medicines or
 * pharmacies, in any of many languages? Generous on purpose (a page it lets through is only
 * looked at more closely, on the device); the heavy vocabulary belongs to the page signals, which
 * run in the background. Small on purpose: it loads into every page.
 */
import { fold } from './text';
import { rootOf } from './extract';
import { textOf, walk } from './walk';

export const FIRST_LOOK_TEXT = 2_000;
const FIRST_LOOK_NODES = 1_500;

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

/** The start of the page's visible text, bounded in characters and in nodes. */
function leadingText(doc: Document): string {
  const root = rootOf(doc);
  if (!root) return '';
  let text = '';
  walk(root, FIRST_LOOK_NODES, {
    element: () => true,
    leave: () => {
      text += ' ';
    },
    text: (node) => {
      text += node.data.slice(0, FIRST_LOOK_TEXT);
    },
    done: () => text.length >= FIRST_LOOK_TEXT,
  });
  return text.slice(0, FIRST_LOOK_TEXT);
}

function headingText(doc: Document): string {
  const headings = doc.querySelectorAll('h1, h2');
  let text = '';
  for (let i = 0; i < headings.length && i < 12; i++) text += ` ${textOf(headings[i]!, 300)}`;
  return text;
}

function addressWords(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname} ${decodeURIComponent(parsed.pathname + parsed.search).slice(0, 500)}`.replace(/[-_/.+=&?]+/g, ' ');
  } catch {
    return '';
  }
}

/** True when the page may be about medicines: worth extracting its features. */
export function firstLook(doc: Document, url: string = typeof doc.URL === 'string' ? doc.URL : ''): boolean {
  const text = fold(` ${(doc.title ?? '').slice(0, 500)} ${headingText(doc)} ${addressWords(url)} ${leadingText(doc)} `).replace(/\s+/g, ' ');
  return VOCABULARY.test(text) || VOCABULARY.test(text.replace(/[1!|0@43$]/g, (c) => UNDISGUISE[c] ?? c));
}
