/**
 * The pseudo-locale en-XA, made from English: every letter accented and every text 40% longer,
 * in brackets, so a screenshot shows at once a string that escaped translation (no accents), one
 * that is cut (a missing bracket) and a layout that cannot take longer words. Arguments, plural
 * branches and URLs are left as they are. The end-to-end tests write it into a copy of the build.
 */
import { mapText, parseMessage, printMessage } from './format';

const ACCENTS: Record<string, string> = Object.fromEntries(
  [...'aáeéiíoóuúAÁEÉIÍOÓUÚcçCÇnñNÑsšSŠzžZŽyýYÝgğGĞlļLĻrŕRŔtţTŢdďDĎkķKĶhħHĦwŵWŴ'].flatMap((c, i, all) => (i % 2 === 0 ? [[c, all[i + 1]!]] : [])),
);
const FILLER = ['ŀőŕêɱ', 'ïƥšũɱ', 'ďőļőŕ', 'šïţ', 'âɱêţ', 'ċőñšêċ'];

export const PSEUDO_LANGUAGE = 'en-XA';
export const PSEUDO_GROWTH = 0.4;

/** One run of text, accented and padded to at least 140% of its length. */
export function pseudoText(text: string): string {
  if (text.trim() === '') return text;
  const accented = [...text].map((c) => ACCENTS[c] ?? c).join('');
  const target = Math.ceil(text.length * (1 + PSEUDO_GROWTH));
  let padded = accented;
  for (let i = 0; padded.length + 2 < target; i++) padded += ` ${FILLER[i % FILLER.length]}`;
  return `[${padded}]`;
}

export function pseudoMessage(message: string): string {
  return printMessage(mapText(parseMessage(message), pseudoText));
}

/** Every message of a catalogue, pseudo-localised. */
export function pseudoMessages(messages: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(messages).map(([key, message]) => [key, pseudoMessage(message)]));
}

const KEEP = new Set(['format', 'language', 'conventionUrl', 'treatyUrl', 'articles']);

/** A guidance file, pseudo-localised: every text but its language, URLs and article numbers. */
export function pseudoGuidance(value: unknown, key = ''): unknown {
  if (key === 'language') return PSEUDO_LANGUAGE;
  if (typeof value === 'string') return KEEP.has(key) ? value : pseudoText(value);
  if (Array.isArray(value)) return key === 'articles' ? value : value.map((item) => pseudoGuidance(item));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, key === 'articles' && typeof v === 'string' ? pseudoText(v) : pseudoGuidance(v, k)]));
  }
  return value;
}
