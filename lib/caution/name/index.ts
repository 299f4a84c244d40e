/**
 * The caution verdict's name family: what the host name alone says. A lookalike of a protected
 * brand or domain (pharmacy chains, manufacturers and their medicines, regulators and registers:
 * data/caution/brands.json) gives a signal with a reason a person can read; the brands' own
 * domains and their subdomains never do, and neither does a pharmacy word on its own (that is
 * no lookalike: the page family may use it for its first look). Pure and synchronous: it runs
 * when a tab navigates, in a few microseconds (bench/caution-name.ts).
 */
import type { Signal } from '../types';
import { bundledBrandIndex, type BrandIndex, type ProtectedLabel } from './brands';
import { namedHost } from './host';
import { brandHits, type BrandHit, type BrandRule } from './match';
import { latinReading, mixesScripts, prepareLabel } from './skeleton';

export { brandIndex, brandsDataSchema, bundledBrandIndex } from './brands';
export type { Brand, BrandIndex, BrandKind, BrandsData, LabelClass, ProtectedLabel } from './brands';

export type NameRule = BrandRule | 'mixed-script';

/**
 * Weights for the combination step, by rule. Look-alike characters are deliberate; a typo or
 * the brand with shop words is strong but has innocent explanations (a fan site, a campaign
 * domain); the exact brand on another domain is weak (brands own many domains) and meant to count
 * only with evidence from the page.
 */
export const NAME_WEIGHTS: Readonly<Record<NameRule, number>> = {
  homoglyph: 0.9,
  typo: 0.6,
  'brand-words': 0.6,
  'mixed-script': 0.5,
  'other-domain': 0.2,
};

/** At most this many brands are named for one host: a name rarely imitates more than two. */
const MAX_BRANDS = 3;

const KEY_BASE: Readonly<Record<BrandRule, string>> = {
  homoglyph: 'cautionNameHomoglyph',
  typo: 'cautionNameTypo',
  'brand-words': 'cautionNameBrandWords',
  'other-domain': 'cautionNameOtherDomain',
};

function reason(rule: BrandRule, entry: ProtectedLabel, domain: string): Signal['reason'] {
  const { brand } = entry;
  const host = rule === 'homoglyph' ? [domain] : [];
  if (brand.kind === 'medicine' && brand.maker) return { key: `${KEY_BASE[rule]}Medicine`, subs: [...host, brand.name, brand.maker] };
  if (!brand.domain) return { key: `${KEY_BASE[rule]}NoDomain`, subs: [...host, brand.name] };
  return { key: KEY_BASE[rule], subs: [...host, brand.name, brand.domain] };
}

/** The brand's native spelling, accents kept (`apotekhjärtat`): an IDN written so is likely its own. */
function nativeSpelling(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function hitsFor(host: NonNullable<ReturnType<typeof namedHost>>, index: BrandIndex): { hits: BrandHit[]; mixed: boolean } {
  if (host.unicode === host.label) return { hits: brandHits(host.label, host.suffix, index), mixed: false };
  const prepared = prepareLabel(host.unicode);
  const reading = latinReading(prepared);
  const mixed = mixesScripts(prepared);
  if (!/^[a-z0-9_-]+$/.test(reading)) return { hits: [], mixed };
  const written = prepared.replace(/[-_]/g, '').normalize('NFC');
  const native = /[^\x00-\x7f]/.test(written);
  const hits = brandHits(reading, host.suffix, index)
    .filter((hit) => !(native && nativeSpelling(hit.entry.brand.name).includes(written)))
    .map((hit) => ({ rule: 'homoglyph' as const, entry: hit.entry }));
  return { hits, mixed };
}

/**
 * The name signals of one host (ASCII as the URL parser gives it, or Unicode), heaviest first.
 * `brands` defaults to the bundled protected set. Never throws; anything that is not a
 * registrable host name (IP addresses, public suffixes, junk) gives no signal.
 */
export function nameSignals(host: string, brands?: BrandIndex): Signal[] {
  const named = namedHost(host);
  if (named === null) return [];
  const index = brands ?? bundledBrandIndex();
  if (index.allow.has(named.domain)) return [];
  const { hits, mixed } = hitsFor(named, index);
  const best = new Map<string, BrandHit>();
  for (const hit of hits) {
    const key = `${hit.entry.brand.kind}:${hit.entry.brand.name}`;
    const kept = best.get(key);
    if (!kept || NAME_WEIGHTS[hit.rule] > NAME_WEIGHTS[kept.rule]) best.set(key, hit);
  }
  const signals: Signal[] = [...best.values()]
    .sort((a, b) => NAME_WEIGHTS[b.rule] - NAME_WEIGHTS[a.rule])
    .slice(0, MAX_BRANDS)
    .map((hit) => ({ id: `name.${hit.rule}`, family: 'name', weight: NAME_WEIGHTS[hit.rule], reason: reason(hit.rule, hit.entry, named.domain) }));
  if (mixed) {
    signals.push({ id: 'name.mixed-script', family: 'name', weight: NAME_WEIGHTS['mixed-script'], reason: { key: 'cautionNameMixedScript', subs: [named.domain] } });
    signals.sort((a, b) => b.weight - a.weight);
  }
  return signals;
}
