/**
 * Trust seals: a real certifier's name (CIPA, LegitScript, NABP/VIPPS, PharmacyChecker, GPhC)
 * shown as a badge that does not link to that certifier, or a badge no certifier issues ("Verified
 * pharmacy", "FDA approved pharmacy": the FDA approves medicines, not shops). Read from images
 * (alt, title, file name) and from short lines of a shop; a guide that tells readers to look for
 * CIPA speaks of it in sentences and sells nothing, so it is not read.
 */
import { parse } from 'tldts';
import { signal } from '../signal';
import { fold } from '../text';
import type { Signal } from '../types';
import { CERTIFIERS, INVENTED_SEALS, phrase } from './phrases';
import { warns, type PageRead } from './read';
import { lazy } from '../lazy';

export const WEIGHT = 0.6;

const INVENTED = lazy(() => phrase(INVENTED_SEALS));
const CERTIFIER_RES = lazy(() => CERTIFIERS.map((c) => ({ ...c, re: new RegExp(`(?<![\\p{L}])(?:${c.pattern})`, 'u') })));
const SEAL_WORDS = /(?:seal|badge|logo|certif|verified|approved|accredit|member|trust|siegel|label|sigillo|sello|keurmerk)/;

const domainOf = (url: string | null): string | null => {
  if (!url) return null;
  try {
    return parse(new URL(url).hostname).domain ?? null;
  } catch {
    return null;
  }
};

function fileWords(src: string): string {
  if (src.startsWith('data:')) return '';
  try {
    return new URL(src).pathname.split('/').pop()!.replace(/[-_.]+/g, ' ');
  } catch {
    return '';
  }
}

export function sealSignals(read: PageRead): Signal[] {
  if (!read.offersMedicines) return [];
  for (const image of read.features.images) {
    const words = fold(`${image.alt} ${image.title} ${fileWords(image.src)}`);
    const linked = domainOf(image.linkHref);
    for (const certifier of CERTIFIER_RES()) {
      if (certifier.re.test(words) && (SEAL_WORDS.test(words) || words.trim().split(' ').length <= 4) && !(linked && certifier.domains.includes(linked))) {
        return [signal('page', 'fake-seal', WEIGHT, 'cautionPageFakeSeal', image.alt || image.title || certifier.name)];
      }
    }
    if (INVENTED().test(words)) return [signal('page', 'fake-seal', WEIGHT, 'cautionPageFakeSeal', image.alt || image.title || fileWords(image.src))];
  }
  if (!read.isShop) return [];
  for (const part of read.parts) {
    if (part.kind !== 'line' || part.text.split(' ').length > 10 || warns(part.text)) continue;
    if (INVENTED().test(part.text)) return [signal('page', 'fake-seal', WEIGHT, 'cautionPageFakeSeal', part.original.trim())];
  }
  return [];
}
