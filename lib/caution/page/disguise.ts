/**
 * Medicine names disguised the way spam disguises them to get past filters (SpamAssassin's drug
 * rules): digits or signs for letters (v1agra, c!alis, vi@gra, xan4x), punctuation or spaces
 * inserted (v.i.a.g.r.a, c-i-a-l-i-s, v i a g r a), in any text of the page. A legitimate page has no
 * reason to write them so; a filter's documentation would, and it is not selling.
 */
import { listed, signal } from '../signal';
import type { Signal } from '../types';
import type { PageRead } from './read';
import { DISGUISED_NAMES } from './vocabulary';
import { lazy } from '../lazy';

export const WEIGHT = 1;

const LOOKALIKE: Readonly<Record<string, string>> = {
  a: 'a@4àáâäåã∆', i: 'i1!|lìíîïı', o: 'o0òóôöõø', e: 'e3èéêë€', s: 's$5z', l: 'l1|!', c: 'c(ç¢', x: 'x×%', g: 'g9', t: 't7+', u: 'uùúûüv', y: 'y',
};
const SEPARATOR = "[\\s._\\-*+~'\",|/\\\\:;^=]{0,2}";
const escapeClass = (chars: string) => chars.replace(/[\\\]^-]/g, '\\$&');

function pattern(name: string): RegExp {
  const letters = [...name].map((c) => `[${escapeClass(LOOKALIKE[c] ?? c)}]`);
  return new RegExp(`(?<![\\p{L}\\p{N}])${letters.join(SEPARATOR)}(?![\\p{L}\\p{N}])`, 'giu');
}

const patterns = lazy(() => DISGUISED_NAMES.map((name) => ({ name, re: pattern(name) })));

/** The page's text and titles as written (case kept: the signs are in the original). */
function texts(read: PageRead): string[] {
  const f = read.features;
  return [f.title, ...f.headings, f.text, f.textEnd, ...f.links.map((l) => l.text), ...f.images.map((i) => `${i.alt} ${i.title}`)];
}

export function disguiseSignals(read: PageRead): Signal[] {
  const found = new Set<string>();
  for (const text of texts(read)) {
    for (const { name, re } of patterns()) {
      for (const m of text.matchAll(re)) {
        const written = m[0];
        // The plain name (any case, accents aside) is not a disguise.
        if (written.toLowerCase() === name || written.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase() === name) continue;
        if (/\n/.test(written)) continue;
        // One break ("le vitra") can be two words; a disguise swaps a letter or breaks the name twice.
        const letters = written.replace(/[^\p{L}\p{N}@$!|€¢×%(+]/gu, '');
        const swapped = letters.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase() !== name;
        const breaks = written.split(/[^\p{L}\p{N}@$!|€¢×%(+]+/u).length - 1;
        if (!swapped && breaks < 2) continue;
        found.add(written.trim());
        if (found.size >= 5) break;
      }
    }
  }
  return found.size > 0 ? [signal('page', 'disguised-names', WEIGHT, 'cautionPageDisguisedNames', listed([...found], 3))] : [];
}
