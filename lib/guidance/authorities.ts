/**
 * National authorities and Medicrime status, as shipped in data/authorities.json and
 * data/medicrime-parties.json (converted from the CSVs in data/sources by scripts/). Each record
 * keeps its sources and how far it was verified: an unverified link is shown as such, never as fact.
 */
import * as z from 'zod/mini';

/**
 * How far a record was checked against its sources: `verified` only when its verification note
 * says so without any reservation; any reservation ("not captured", "unverified", "secondary")
 * makes it `partly-verified`; a note that starts with UNVERIFIED, or finds nothing, `unverified`.
 */
export const VERIFICATION_STATUSES = ['verified', 'partly-verified', 'unverified'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const AUTHORITY_REGIONS = ['EU', 'EEA', 'non-EU', 'Medicrime party'] as const;

/** The statuses medicrime-parties.csv uses, strongest first. */
export const MEDICRIME_STATUSES = [
  'ratified',
  'party (has declaration)',
  'ratified (reported)',
  'signed',
  'signed (reported)',
  'invited to accede',
] as const;
export type MedicrimeStatus = (typeof MEDICRIME_STATUSES)[number];

const iso2 = z.string().check(z.regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 code'));
const webUrl = z.url({ protocol: /^https?$/ });
const note = z.string().check(z.minLength(1), z.maxLength(1000));
const isoDate = z.nullable(z.iso.date());

export const authoritySchema = z.strictObject({
  iso2,
  /** English name, as in the source; pages show the name in the person's language instead. */
  country: note,
  region: z.enum(AUTHORITY_REGIONS),
  /** null where no authority was found (the page then gives general guidance). */
  authority: z.nullable(note),
  website: z.nullable(webUrl),
  reportUrl: z.nullable(webUrl),
  /** The register of authorised online sellers, and what the source says about that link. */
  register: z.nullable(z.strictObject({ url: webUrl, note: z.nullable(note) })),
  /** The source's own words about the EU common logo, and whether it applies (null: unknown). */
  euCommonLogo: z.nullable(note),
  euCommonLogoApplies: z.nullable(z.boolean()),
  medicrimeStatus: z.nullable(note),
  source: z.array(note),
  verification: note,
  verificationStatus: z.enum(VERIFICATION_STATUSES),
});
export type Authority = z.infer<typeof authoritySchema>;

export const medicrimePartySchema = z.strictObject({
  iso2,
  country: note,
  status: z.enum(MEDICRIME_STATUSES),
  signatureDate: isoDate,
  ratificationDate: isoDate,
  entryIntoForce: isoDate,
  source: z.array(note),
  notes: z.nullable(note),
  verification: note,
  verificationStatus: z.enum(VERIFICATION_STATUSES),
});
export type MedicrimeParty = z.infer<typeof medicrimePartySchema>;

/** One record per country: a second one would make "the authority for this country" ambiguous. */
const oneRowPerCountry = z.superRefine((rows: readonly { iso2: string }[], ctx) => {
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (seen.has(row.iso2)) ctx.addIssue({ code: 'custom', message: `duplicate country ${row.iso2}`, input: row.iso2, path: [index, 'iso2'] });
    seen.add(row.iso2);
  });
});

export const authoritiesSchema = z.array(authoritySchema).check(oneRowPerCountry);
export const medicrimePartiesSchema = z.array(medicrimePartySchema).check(oneRowPerCountry);
