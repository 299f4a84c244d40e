/**
 * Text as the signal families compare it: lowercase, accents and other marks removed, a few
 * letters that do not decompose spelled out (ß → ss, ł → l), whitespace collapsed. "Médicament",
 * "MEDICAMENT" and "médicament" then read alike, in every script (marks are removed, letters kept).
 * Small on purpose: the features script bundles it.
 */

const SPELLED: Readonly<Record<string, string>> = { ß: 'ss', ł: 'l', ø: 'o', đ: 'd', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th', ð: 'd', ŀ: 'l' };
const NOT_DECOMPOSING = /[ßłøđæœıþðŀ]/g;
const MARKS = /\p{M}+/gu;

/** Lowercase, marks removed; line breaks kept, other whitespace runs become one space. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(NOT_DECOMPOSING, (c) => SPELLED[c] ?? c)
    .replace(/[^\S\n]+/g, ' ');
}

/** Whitespace runs (line breaks included) as one space, trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, end);
}
