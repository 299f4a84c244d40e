/**
 * Reading a label as words: which protected brands it holds with only pharmacy and shop words
 * (and digits) around them, and which stretches are left once those words are taken off its ends.
 * Both work on the label without hyphens, so `cvs-pharmacy`, `cvspharmacy` and `cvs-pharm-acy`
 * read alike, while token boundaries still hold: in `buywellbutrin`, "well" is followed by
 * "butrin", which is no word, so a brand "well" is not there.
 */
import type { BrandIndex, ProtectedLabel } from './brands';
import { FILLER_WORDS, PHARMACY_WORD_SET } from './words';

const FILLER_LENGTHS = [...new Set([...FILLER_WORDS].map((w) => w.length))].sort((a, b) => b - a);
const DIGIT = /[0-9]/;

/** Reachability with (bit 2) or without (bit 1) a pharmacy word among the words used. */
type Reach = number;
const PLAIN = 1;
const WITH_PHARMACY = 2;

interface Token {
  readonly end: number;
  /** Null for a word or digits. */
  readonly brands: readonly ProtectedLabel[] | null;
  readonly pharmacy: boolean;
}

/**
 * Words of one or two letters (`e`, `it`, `uk`) stand only between hyphens, digits or the label's
 * ends (`pfizer-uk`, `e-cvs`), or `biogene` would be "biogen" and "e"; "rx" and "my" are glued on
 * as often as not (`walgreensrx`, `mycvs`).
 */
const GLUED_SHORT_WORDS: ReadonlySet<string> = new Set(['rx', 'my']);

function tokensAt(flat: string, i: number, index: BrandIndex, boundary: readonly boolean[]): Token[] {
  const tokens: Token[] = [];
  if (DIGIT.test(flat[i]!)) {
    let end = i + 1;
    while (end < flat.length && DIGIT.test(flat[end]!)) end++;
    tokens.push({ end, brands: null, pharmacy: false });
  }
  for (const length of FILLER_LENGTHS) {
    if (i + length > flat.length) continue;
    const word = flat.slice(i, i + length);
    if (!FILLER_WORDS.has(word)) continue;
    if (length <= 2 && !GLUED_SHORT_WORDS.has(word) && !(boundary[i] && boundary[i + length])) continue;
    tokens.push({ end: i + length, brands: null, pharmacy: PHARMACY_WORD_SET.has(word) });
  }
  for (const length of index.lengths) {
    if (i + length > flat.length) continue;
    const brands = index.exact.get(flat.slice(i, i + length));
    if (brands) tokens.push({ end: i + length, brands, pharmacy: false });
  }
  return tokens;
}

function step(reach: Reach, token: Token): Reach {
  return token.pharmacy ? WITH_PHARMACY : reach;
}

export interface Segmentation {
  /** Brands that appear as a whole token with at least one other token, and whether a pharmacy word is there too. */
  readonly brands: readonly { readonly entry: ProtectedLabel; readonly pharmacyWord: boolean }[];
  /** Stretches [start, end) with only words and digits before and after them: typo candidates. */
  readonly cores: readonly string[];
}

/** At most this many starts and ends of cores are tried, so a label of 63 short words stays cheap. */
const MAX_CORE_ENDS = 6;

/** The label without hyphens, and where its words may start and end: hyphens, digit runs, the ends. */
function flatten(label: string): { flat: string; boundary: boolean[] } {
  let flat = '';
  const boundary: boolean[] = [true];
  for (const ch of label) {
    if (ch === '-' || ch === '_') {
      boundary[flat.length] = true;
      continue;
    }
    if (flat.length > 0 && DIGIT.test(ch) !== DIGIT.test(flat.at(-1)!)) boundary[flat.length] = true;
    flat += ch;
    boundary[flat.length] = false;
  }
  boundary[flat.length] = true;
  return { flat, boundary };
}

/** Segments `label` (ASCII, lower case, hyphens kept: they mark where words may start). */
export function segment(label: string, index: BrandIndex, minCore: number): Segmentation {
  const { flat, boundary } = flatten(label);
  const n = flat.length;
  const tokens = Array.from({ length: n }, (_, i) => tokensAt(flat, i, index, boundary));
  // Forward: cover of [0, i). `all` lets other brands stand in the cover, `words` does not.
  const all = new Array<Reach>(n + 1).fill(0);
  const words = new Array<boolean>(n + 1).fill(false);
  all[0] = PLAIN;
  words[0] = true;
  for (let i = 0; i < n; i++) {
    for (const token of tokens[i]!) {
      if (all[i]) all[token.end] = all[token.end]! | step(all[i]!, token);
      if (words[i] && token.brands === null) words[token.end] = true;
    }
  }
  // Backward: cover of [i, n).
  const allBack = new Array<Reach>(n + 1).fill(0);
  const wordsBack = new Array<boolean>(n + 1).fill(false);
  allBack[n] = PLAIN;
  wordsBack[n] = true;
  for (let i = n - 1; i >= 0; i--) {
    for (const token of tokens[i]!) {
      if (allBack[token.end]) allBack[i] = allBack[i]! | step(allBack[token.end]!, token);
      if (wordsBack[token.end] && token.brands === null) wordsBack[i] = true;
    }
  }
  const brands: { entry: ProtectedLabel; pharmacyWord: boolean }[] = [];
  for (let i = 0; i < n; i++) {
    if (!all[i]) continue;
    for (const token of tokens[i]!) {
      if (token.brands === null || !allBack[token.end] || (i === 0 && token.end === n)) continue;
      const pharmacyWord = ((all[i]! | allBack[token.end]!) & WITH_PHARMACY) !== 0;
      for (const entry of token.brands) brands.push({ entry, pharmacyWord });
    }
  }
  // A core never starts or ends inside a word that the cover could have used whole: in
  // `pharmacydiscounter`, "pharm" is a word, but "acydiscounter" is not what is left.
  const insideWord = new Array<boolean>(n + 1).fill(false);
  const insideWordBack = new Array<boolean>(n + 1).fill(false);
  for (let i = 0; i < n; i++) {
    for (const token of tokens[i]!) {
      if (token.brands !== null) continue;
      for (let k = i + 1; k < token.end; k++) {
        if (words[i]) insideWord[k] = true;
        if (wordsBack[token.end]) insideWordBack[k] = true;
      }
    }
  }
  const starts: number[] = [];
  for (let i = 0; i <= n && starts.length < MAX_CORE_ENDS; i++) if (words[i] && !insideWord[i]) starts.push(i);
  const ends: number[] = [];
  for (let j = n; j >= 0 && ends.length < MAX_CORE_ENDS; j--) if (wordsBack[j] && !insideWordBack[j]) ends.push(j);
  const cores: string[] = [];
  for (const i of starts) for (const j of ends) if (j - i >= minCore) cores.push(flat.slice(i, j));
  return { brands, cores };
}
