/**
 * The protected set and its index. The data (data/caution/brands.json, built by
 * `npm run data:caution-brands` from the sources in data/caution/sources/) names each brand once
 * and lists the labels that stand for it, each with a class that says which rules may use it:
 * - `d` distinctive (a name that means nothing else: `walgreens`, `pfizer`): every rule;
 * - `c` common (a brand that is also an ordinary word or name: `boots`, `bayer`): look-alike
 *   characters, the brand with a word that says pharmacy, and the exact name on a shop TLD;
 * - `n` no known domain (a chain known only by its name): look-alike characters and typos, never
 *   the name with other words, since its own site could be called just that.
 * The index holds what the matcher looks up: exact labels, skeletons, and labels by length for
 * edit distance.
 */
import { z } from 'zod';
import brandsJson from '../../../data/caution/brands.json';
import { typoThreshold } from './distance';
import { skeleton } from './skeleton';

export const BRAND_KINDS = ['pharmacy', 'manufacturer', 'medicine', 'regulator'] as const;
export type BrandKind = (typeof BRAND_KINDS)[number];
export const LABEL_CLASSES = ['d', 'c', 'n'] as const;
export type LabelClass = (typeof LABEL_CLASSES)[number];

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export const brandsDataSchema = z
  .object({
    format: z.literal(1),
    brands: z
      .array(
        z.object({
          name: z.string().min(1).max(120),
          /** The site to name in a reason: the brand's main domain or host (none for a brand known only by its name). */
          domain: z.string().min(3).max(253).optional(),
          kind: z.enum(BRAND_KINDS),
          /** For a medicine: who makes it. */
          maker: z.string().min(1).max(120).optional(),
        }),
      )
      .max(5_000),
    /** Label, brand (index in `brands`), class, and how many edits still make a typo of it (0: typos are not looked for). */
    labels: z
      .array(z.tuple([z.string().regex(LABEL), z.number().int().nonnegative(), z.enum(LABEL_CLASSES), z.number().int().min(0).max(2)]))
      .max(20_000),
    /** Registrable domains that never give a name signal (the brands' own, regulators', registers'). */
    allow: z.array(z.string().min(3).max(253)).max(50_000),
    /** Ordinary words close to a protected label: such a label is a word, not a typo. */
    notTypos: z.array(z.string().min(1).max(63)).max(100_000),
  })
  .superRefine((data, ctx) => {
    data.labels.forEach(([, brand], i) => {
      if (brand >= data.brands.length) ctx.addIssue({ code: 'custom', path: ['labels', i, 1], message: 'no such brand' });
    });
  });

export type BrandsData = z.infer<typeof brandsDataSchema>;
export type Brand = BrandsData['brands'][number];

export interface ProtectedLabel {
  /** As written in the brand's domain, e.g. `hy-vee`. */
  readonly label: string;
  /** Without hyphens, as labels are compared: `hyvee`. */
  readonly flat: string;
  readonly skeleton: string;
  readonly brand: Brand;
  readonly cls: LabelClass;
  /** How many edits still make a typo of it (0: never). */
  readonly typoMax: number;
  /** With other words: always, only with a pharmacy word, or never. */
  readonly withWords: 'any' | 'pharmacy' | 'never';
  /** The exact label on another registrable domain: on any, only on a shop or pharmacy TLD, or never. */
  readonly otherDomain: 'any' | 'shop-tld' | 'never';
}

export interface BrandIndex {
  readonly allow: ReadonlySet<string>;
  readonly notTypos: ReadonlySet<string>;
  /** By flat label. */
  readonly exact: ReadonlyMap<string, readonly ProtectedLabel[]>;
  readonly bySkeleton: ReadonlyMap<string, readonly ProtectedLabel[]>;
  /** Labels that have typos, by length. */
  readonly byLength: ReadonlyMap<number, readonly ProtectedLabel[]>;
  /** Lengths present in `exact`, longest first. */
  readonly lengths: readonly number[];
}

/** A flat label shorter than this is only looked at for look-alike characters and pharmacy words. */
export const SHORT_LABEL = 5;

function protectedLabel(label: string, brand: Brand, cls: LabelClass, typoMax: number): ProtectedLabel {
  const flat = label.replaceAll('-', '');
  const short = flat.length < SHORT_LABEL;
  return {
    label,
    flat,
    skeleton: skeleton(flat),
    brand,
    cls,
    typoMax: cls === 'c' ? 0 : Math.min(typoMax, typoThreshold(flat.length)),
    withWords: cls === 'n' ? 'never' : cls === 'c' || short ? 'pharmacy' : 'any',
    otherDomain: cls === 'n' || flat.length < 4 ? 'never' : cls === 'c' ? 'shop-tld' : 'any',
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the index; refuses data that does not pass the schema. */
export function brandIndex(input: unknown): BrandIndex {
  const data = brandsDataSchema.parse(input);
  const exact = new Map<string, ProtectedLabel[]>();
  const bySkeleton = new Map<string, ProtectedLabel[]>();
  const byLength = new Map<number, ProtectedLabel[]>();
  for (const [label, brand, cls, typoMax] of data.labels) {
    const entry = protectedLabel(label, data.brands[brand]!, cls, typoMax);
    push(exact, entry.flat, entry);
    push(bySkeleton, entry.skeleton, entry);
    if (entry.typoMax > 0) push(byLength, entry.flat.length, entry);
  }
  return {
    allow: new Set(data.allow),
    notTypos: new Set(data.notTypos),
    exact,
    bySkeleton,
    byLength,
    lengths: [...new Set([...exact.keys()].map((k) => k.length))].sort((a, b) => b - a),
  };
}

let bundled: BrandIndex | null = null;

/** The index of the bundled protected set, built on first use. */
export function bundledBrandIndex(): BrandIndex {
  bundled ??= brandIndex(brandsJson);
  return bundled;
}
