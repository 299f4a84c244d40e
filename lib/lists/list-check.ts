/**
 * A downloaded list, checked in the order the extension needs it: the metadata and every entry's
 * domain first (that is all the blocking rules need, so they can go in while the rest is checked),
 * then every entry's other fields. Each value passes through its zod schema (schema.ts) exactly
 * once: together the two steps accept exactly what `listSchema` accepts (a unit test holds them to
 * it), without a second pass over a list of a million entries, nor a copy of it.
 *
 * Repeated domains are found by whoever indexes the domains: `FingerprintSet.build` sorts them
 * anyway, and refuses a repeat; `checkedList` below uses a Set where nothing is indexed.
 */
import { z } from 'zod';
import { checkEntryDomain } from '../domain';
import { entrySchema, listMetaSchema, type Entry, type ListMeta } from './schema';

export class ListInvalid extends Error {}

const headSchema = listMetaSchema.extend({ entries: z.array(z.unknown()).max(5_000_000) });
/** An entry with its domain already checked: the other fields, as entrySchema has them. */
const detailsSchema = entrySchema.extend({ domain: z.string() });

function problem(path: readonly PropertyKey[], message: string): ListInvalid {
  return new ListInvalid(`${path.map(String).join('.')} ${message}`);
}

function firstIssue(error: z.ZodError, prefix: readonly PropertyKey[] = []): ListInvalid {
  const issue = error.issues[0];
  return issue ? problem([...prefix, ...issue.path], issue.message) : new ListInvalid('invalid');
}

export interface CheckedDomains {
  readonly meta: ListMeta;
  /** Every entry's domain, canonical, in entry order (not yet checked for repeats). */
  readonly domains: string[];
  /** Checks every entry's other fields; throws ListInvalid at the first bad one. */
  entries(): Entry[];
}

/** Step one: metadata and domains. Throws ListInvalid. */
export function checkDomains(value: unknown): CheckedDomains {
  const head = headSchema.safeParse(value);
  if (!head.success) throw firstIssue(head.error);
  const { entries: raw, ...meta } = head.data;
  if (Date.parse(meta.expires) <= Date.parse(meta.issued)) throw problem(['expires'], 'expires must be after issued');
  const domains: string[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const entry = raw[i];
    const domain = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as { domain?: unknown }).domain : undefined;
    if (typeof domain !== 'string') {
      // Not an entry, or no domain: the schema says why, in its words.
      const parsed = entrySchema.safeParse(entry);
      throw parsed.success ? problem(['entries', i, 'domain'], 'Invalid input') : firstIssue(parsed.error, ['entries', i]);
    }
    const check = checkEntryDomain(domain);
    if (!check.ok) throw problem(['entries', i, 'domain'], `${check.problem}: ${domain}`);
    if (check.domain !== domain) throw problem(['entries', i, 'domain'], `not canonical: ${domain} (write ${check.domain})`);
    domains[i] = domain;
  }
  const allow = meta.kind === 'allow';
  return {
    meta,
    domains,
    entries: () => {
      const entries: Entry[] = new Array(raw.length);
      for (let i = 0; i < raw.length; i++) {
        const parsed = detailsSchema.safeParse(raw[i]);
        if (!parsed.success) throw firstIssue(parsed.error, ['entries', i]);
        if ((parsed.data.category === 'authorised-pharmacy') !== allow) throw problem(['entries', i, 'category'], `${parsed.data.category} does not belong on a ${meta.kind} list`);
        entries[i] = parsed.data;
      }
      return entries;
    },
  };
}

/** Both steps, with repeats found by a Set: what listSchema decides, for callers that index nothing. */
export function checkedList(value: unknown): ListMeta & { entries: Entry[] } {
  const checked = checkDomains(value);
  const seen = new Set<string>();
  checked.domains.forEach((domain, i) => {
    if (seen.has(domain)) throw problem(['entries', i, 'domain'], `duplicate: ${domain}`);
    seen.add(domain);
  });
  return { ...checked.meta, entries: checked.entries() };
}
