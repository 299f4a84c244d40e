/**
 * What the hub reads in an RDAP answer for a domain (RFC 9083): its status, its events, and its
 * entities: the registrar (role `registrar`, with its IANA id in `publicIds`), the registrar's
 * abuse contact (an entity with role `abuse` inside it, or beside it) and their jCard
 * (`vcardArray`, RFC 7095) names, e-mail addresses and telephones; and the `related` link to the
 * registrar's own RDAP server. Loose where RDAP servers differ, and bounded everywhere.
 */
import { z } from 'zod';

const text = z.string().max(2000);
const link = z.looseObject({ href: text, rel: text.optional(), type: text.optional(), value: text.optional() });

// ["vcard", [[name, params, type, value, …], …]]
const vcardArray = z.tuple([z.literal('vcard'), z.array(z.array(z.unknown()).min(4)).max(200)]).rest(z.unknown());

interface EntityShape {
  roles?: string[];
  handle?: string;
  vcardArray?: z.infer<typeof vcardArray>;
  publicIds?: { type: string; identifier: string }[];
  entities?: EntityShape[];
  links?: z.infer<typeof link>[];
}

const entity: z.ZodType<EntityShape> = z.lazy(() =>
  z.looseObject({
    roles: z.array(text).max(20).optional(),
    handle: text.optional(),
    vcardArray: vcardArray.optional().catch(undefined),
    publicIds: z.array(z.looseObject({ type: text, identifier: text })).max(20).optional().catch(undefined),
    entities: z.array(entity).max(50).optional(),
    links: z.array(link).max(50).optional().catch(undefined),
  }),
);

export const rdapDomainSchema = z.looseObject({
  objectClassName: z.literal('domain'),
  ldhName: text.optional(),
  status: z.array(text).max(50).default([]),
  events: z.array(z.looseObject({ eventAction: text, eventDate: text.optional() })).max(100).default([]),
  entities: z.array(entity).max(50).default([]),
  links: z.array(link).max(100).default([]),
});
export type RdapDomain = z.infer<typeof rdapDomainSchema>;

export interface Contact {
  readonly name: string | null;
  readonly emails: string[];
  readonly phones: string[];
}

export interface Registrar extends Contact {
  readonly ianaId: string | null;
  readonly abuse: Contact | null;
}

function vcardValues(card: EntityShape['vcardArray'], property: string): string[] {
  if (!card) return [];
  return card[1]
    .filter((p) => p[0] === property)
    .map((p) => p[3])
    .filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 500);
}

function contactOf(e: EntityShape): Contact {
  return {
    name: vcardValues(e.vcardArray, 'fn')[0] ?? null,
    emails: vcardValues(e.vcardArray, 'email').map((m) => m.replace(/^mailto:/i, '')),
    phones: vcardValues(e.vcardArray, 'tel').map((t) => t.replace(/^tel:/i, '')),
  };
}

const hasRole = (e: EntityShape, role: string) => (e.roles ?? []).some((r) => r.toLowerCase() === role);

export function registrarOf(domain: RdapDomain): Registrar | null {
  const registrar = domain.entities.find((e) => hasRole(e, 'registrar'));
  if (!registrar) return null;
  // The abuse contact is usually inside the registrar entity; some servers put it beside it.
  const abuse = (registrar.entities ?? []).find((e) => hasRole(e, 'abuse')) ?? domain.entities.find((e) => hasRole(e, 'abuse'));
  const ianaId = registrar.publicIds?.find((p) => /iana registrar id/i.test(p.type))?.identifier ?? null;
  return { ...contactOf(registrar), ianaId, abuse: abuse ? contactOf(abuse) : null };
}

/** The registrar's own RDAP answer for the domain, where the registry links to it (rel="related"). */
export function registrarLink(domain: RdapDomain): string | null {
  const related = domain.links.filter((l) => l.rel?.toLowerCase() === 'related' && (l.type === undefined || /rdap\+json/i.test(l.type)));
  const href = related.find((l) => /\/domain\//i.test(l.href))?.href ?? related[0]?.href;
  return href && /^https?:\/\//i.test(href) ? href : null;
}

/** RDAP statuses (RFC 8056 names, as "client hold") that mean the domain no longer resolves. */
export const SUSPENDED_STATUSES = ['client hold', 'server hold', 'pending delete', 'redemption period', 'inactive'] as const;

export function normalStatus(status: string): string {
  // "clientHold" (EPP) and "client hold" (RDAP) alike.
  return status.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
}

export function isSuspended(statuses: readonly string[]): boolean {
  return statuses.map(normalStatus).some((s) => (SUSPENDED_STATUSES as readonly string[]).includes(s));
}
