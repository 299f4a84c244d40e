/**
 * The registers of online medicine sellers that an EU common logo must link to, as shipped in
 * data/caution/registers.json (built by scripts/build-caution-registers.ts, provenance in
 * data/README.md). `verification` is kept so that the UI can say "unverified".
 */
import * as z from 'zod/mini';

export const REGISTER_VERIFICATIONS = ['VERIFIED', 'SECONDARY', 'INFERRED'] as const;
export type RegisterVerification = (typeof REGISTER_VERIFICATIONS)[number];

const host = z.string().check(z.regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, 'a lowercase host name'));

export const registerSchema = z.strictObject({
  /** ISO 3166 alpha-2. */
  country: z.string().check(z.regex(/^[A-Z]{2}$/)),
  authority: z.string().check(z.minLength(1), z.maxLength(300)),
  /** The register's page, when the sources name one (null: only its host is known). */
  url: z.nullable(z.url({ protocol: /^https?$/ })),
  /** Every host a logo may link to: the register's, older ones, and the authority's own site. */
  hosts: z.array(host).check(z.minLength(1)),
  /** Their registrable domains: a link to any host under one of them is the authority's site. */
  domains: z.array(host).check(z.minLength(1)),
  /** Whether the EU common logo applies in that country (EU/EEA). */
  euLogo: z.boolean(),
  /** VERIFIED on an official page; SECONDARY on a third-party page; INFERRED: likely, not seen. */
  verification: z.enum(REGISTER_VERIFICATIONS),
});
export type Register = z.infer<typeof registerSchema>;

export const registersSchema = z.array(registerSchema);
