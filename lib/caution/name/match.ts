/**
 * The four brand rules on one ASCII label (LOOKALIKE.md, "recommended local algorithm"):
 * - look-alike characters: the label's UTS #39 skeleton is a protected label's (`rnounjaro`);
 * - typo: one or two edits from a protected label that keep its first or last letter, alone or
 *   with shop words around it (`pfzer`, `wal-greens`, `walgreen-pharmacy`), unless the label is
 *   an ordinary word;
 * - brand and words: the protected label as a whole token with pharmacy or shop words
 *   (`cvs-pharmacy`, `pfizer-online-shop`, `walgreens-rx24`);
 * - other domain: the exact protected label on a registrable domain that is not the brand's
 *   (`walgreens.ru`; for a brand that is also an ordinary word only on a shop TLD: `boots.shop`).
 * An IDN label is judged on its Latin reading (index.ts), and whatever matches there counts as
 * look-alike characters.
 */
import type { BrandIndex, ProtectedLabel } from './brands';
import { isTypo } from './distance';
import { segment } from './segment';
import { skeleton } from './skeleton';
import { FILLER_WORDS } from './words';

export type BrandRule = 'homoglyph' | 'typo' | 'brand-words' | 'other-domain';

export interface BrandHit {
  readonly rule: BrandRule;
  readonly entry: ProtectedLabel;
}

/** Public suffixes that are themselves shop or pharmacy words. */
function isShopSuffix(suffix: string): boolean {
  return FILLER_WORDS.has(suffix) || suffix === 'shopping';
}

/**
 * The smallest label worth comparing is a protected label of 5 letters with one left out; what is
 * left once words are taken off must be longer, or real words split into a word and a near-brand
 * (`global-isai` is no typo of Eisai).
 */
const MIN_LABEL = 4;
const MIN_CORE = 5;

function typoHits(core: string, index: BrandIndex): BrandHit[] {
  if (FILLER_WORDS.has(core) || index.notTypos.has(core) || index.exact.has(core)) return [];
  const hits: BrandHit[] = [];
  for (let length = core.length - 2; length <= core.length + 2; length++) {
    for (const entry of index.byLength.get(length) ?? []) {
      if (isTypo(core, entry.flat, entry.typoMax)) hits.push({ rule: 'typo', entry });
    }
  }
  return hits;
}

/** Every brand rule that matches `label` (ASCII, lower case, as in the host name), on a domain under `suffix`. */
export function brandHits(label: string, suffix: string, index: BrandIndex): BrandHit[] {
  const flat = label.replace(/[-_]/g, '');
  if (flat.length === 0) return [];
  const hits: BrandHit[] = [];
  const exact = index.exact.get(flat);
  for (const entry of exact ?? []) {
    if (label === entry.label) {
      if (entry.otherDomain === 'any' || (entry.otherDomain === 'shop-tld' && isShopSuffix(suffix))) hits.push({ rule: 'other-domain', entry });
    } else if (entry.typoMax > 0) {
      // Same letters, hyphens added or taken away: `wal-greens`.
      hits.push({ rule: 'typo', entry });
    }
  }
  if (exact) return hits;
  const flatSkeleton = skeleton(flat);
  for (const entry of index.bySkeleton.get(flatSkeleton) ?? []) {
    if (entry.flat.length >= 3) hits.push({ rule: 'homoglyph', entry });
  }
  const { brands, cores } = segment(label, index, MIN_LABEL);
  for (const { entry, pharmacyWord } of brands) {
    if (entry.withWords === 'any' || (entry.withWords === 'pharmacy' && pharmacyWord)) hits.push({ rule: 'brand-words', entry });
  }
  for (const core of cores) if (core.length === flat.length || core.length >= MIN_CORE) hits.push(...typoHits(core, index));
  return hits;
}
