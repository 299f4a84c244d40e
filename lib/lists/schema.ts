/**
 * The list format (documented in docs/list-format.md). Every list that enters the extension, the
 * CLI or the hub goes through these schemas first.
 */
import { z } from 'zod';
import { checkEntryDomain } from '../domain';

/** Why a domain is on a list. Blocklists use the first five, allowlists the last. */
export const CATEGORIES = [
  'illegal-pharmacy',
  'falsified-medicines',
  'unauthorised-medicines',
  'pharmacy-spam',
  'fraud',
  'authorised-pharmacy',
] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

export const listIdSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'a list id is lowercase letters, digits and hyphens');

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

export const evidenceSchema = z.strictObject({
  /** Who listed it: an authority, a register, a community source. */
  source: z.string().min(1).max(200),
  /** A case number, decision or page that says why; a URL where there is one. */
  reference: z.string().max(500).optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const entryDomainSchema = z.string().superRefine((value, ctx) => {
  const check = checkEntryDomain(value);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: `${check.problem}: ${value}` });
  else if (check.domain !== value) ctx.addIssue({ code: 'custom', message: `not canonical: ${value} (write ${check.domain})` });
});

export const entrySchema = z.strictObject({
  domain: entryDomainSchema,
  category: categorySchema,
  added: isoDate,
  evidence: evidenceSchema,
  note: z.string().max(500).optional(),
});
export type Entry = z.infer<typeof entrySchema>;

/**
 * What a list declares about its publisher. The extension believes it only when someone vouches for
 * the list's key (standing.ts): a list a person adds ranks as community whatever it says here.
 */
export const PUBLISHER_TYPES = ['authority', 'register', 'community'] as const;
export const publisherSchema = z.strictObject({
  name: z.string().min(1).max(200),
  type: z.enum(PUBLISHER_TYPES),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  website: z.url({ protocol: /^https?$/ }).optional(),
});
export type Publisher = z.infer<typeof publisherSchema>;

export const listKindSchema = z.enum(['block', 'allow']);
export type ListKind = z.infer<typeof listKindSchema>;

export const listMetaSchema = z.strictObject({
  format: z.literal(1),
  id: listIdSchema,
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  publisher: publisherSchema,
  kind: listKindSchema,
  version: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  issued: isoDateTime,
  expires: isoDateTime,
  /** How often subscribers should look for a new version; the extension checks at most hourly. */
  updateIntervalMinutes: z.number().int().min(15).max(7 * 24 * 60).optional(),
});
export type ListMeta = z.infer<typeof listMetaSchema>;

export const listSchema = listMetaSchema
  .extend({ entries: z.array(entrySchema).max(5_000_000) })
  .superRefine((list, ctx) => {
    if (Date.parse(list.expires) <= Date.parse(list.issued)) {
      ctx.addIssue({ code: 'custom', path: ['expires'], message: 'expires must be after issued' });
    }
    const seen = new Set<string>();
    list.entries.forEach((entry, index) => {
      if (seen.has(entry.domain)) {
        ctx.addIssue({ code: 'custom', path: ['entries', index, 'domain'], message: `duplicate: ${entry.domain}` });
      }
      seen.add(entry.domain);
      const allowCategory = entry.category === 'authorised-pharmacy';
      if (allowCategory !== (list.kind === 'allow')) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', index, 'category'],
          message: `${entry.category} does not belong on a ${list.kind} list`,
        });
      }
    });
  });
export type List = z.infer<typeof listSchema>;

/**
 * Whether a stored list counts as of `now`. A list's `expires` is checked when it is downloaded; a
 * stored list whose expiry then passes (its publisher vanished, or updates are blocked) is judged
 * per kind: a blocklist keeps protecting, since an old list of illegal sites still names illegal
 * sites, and is shown as out of date; an allowlist stops making anything "verified", since a
 * pharmacy may have lost its authorisation since.
 */
export function isExpired(meta: Pick<ListMeta, 'expires'>, now: Date): boolean {
  return Date.parse(meta.expires) <= now.getTime();
}

export function inForce(meta: Pick<ListMeta, 'kind' | 'expires'>, now: Date): boolean {
  return meta.kind === 'block' || !isExpired(meta, now);
}
