/**
 * A downloaded list, checked in the order the extension needs it: the metadata and every entry's
 * domain first (that is all the blocking rules need, so they can go in while the rest is checked),
 * then every entry's other fields. Each value passes through its zod schema (schema.ts) exactly
 * once: together the two steps accept exactly what `listSchema` accepts (a unit test holds them to
 * it), without a second pass over a list of a million entries, nor a copy of it.
 *
 * Repeated domains are found by whoever indexes the domains: `FingerprintSet.build` sorts them
 * anyway, and refuses a repeat; `checkedList` below uses `firstRepeat` where nothing is indexed.
 */
import { z } from 'zod';
import { checkEntryDomain } from '../domain';
import { firstRepeat } from './fingerprint-set';
import { entrySchema, evidenceSchema, listMetaSchema, type Entry, type ListMeta } from './schema';

export class ListInvalid extends Error {
  /** Where (`entries.3.domain`, or '' for the list as a whole) and what, as the message has them. */
  constructor(
    readonly at: string,
    readonly detail: string,
  ) {
    super(at ? `${at} ${detail}` : detail);
  }
}

const MAX_ENTRIES = 5_000_000;
/** Only for its words when `entries` is wrong (the array itself is not run through zod: 1M items). */
const entriesSchema = z.array(z.unknown()).max(MAX_ENTRIES);
/** An entry with its domain already checked: the other fields, as entrySchema has them. */
const detailsSchema = entrySchema.extend({ domain: z.string() });
const evidenceShape = evidenceSchema.shape;
const ENTRY_KEYS = new Set(['domain', 'category', 'added', 'evidence', 'note']);
const EVIDENCE_KEYS = new Set(['source', 'reference']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * Each field's own schema (entrySchema's), remembering the values it passed: a list repeats its
 * categories, dates and sources many times over, and a million calls to zod cost seconds.
 */
function memoised(schema: z.ZodType): (value: unknown) => boolean {
  const passed = new Set<unknown>();
  return (value) => {
    if (passed.has(value)) return true;
    if (!schema.safeParse(value).success) return false;
    if (passed.size < 100_000) passed.add(value);
    return true;
  };
}

/**
 * Whether zod would take the entry, field by field: the same keys (strictObject: no others), each
 * value through its field's schema. Anything unusual (a key of another kind, a prototype) says no,
 * and the entry then goes through zod whole, which decides, and says why.
 */
function fieldChecker(): (entry: unknown) => boolean {
  const shape = entrySchema.shape;
  const category = memoised(shape.category);
  const added = memoised(shape.added);
  const source = memoised(evidenceShape.source);
  const reference = memoised(evidenceShape.reference);
  const note = memoised(shape.note);
  return (entry) => {
    if (!isRecord(entry)) return false;
    for (const key in entry) if (!ENTRY_KEYS.has(key)) return false;
    const evidence = entry.evidence;
    if (!isRecord(evidence)) return false;
    for (const key in evidence) if (!EVIDENCE_KEYS.has(key)) return false;
    return (
      category(entry.category) &&
      added(entry.added) &&
      source(evidence.source) &&
      ('reference' in evidence ? reference(evidence.reference) : true) &&
      ('note' in entry ? note(entry.note) : true)
    );
  };
}

function problem(path: readonly PropertyKey[], message: string): ListInvalid {
  return new ListInvalid(path.map(String).join('.'), message);
}

function firstIssue(error: z.ZodError, prefix: readonly PropertyKey[] = []): ListInvalid {
  const issue = error.issues[0];
  return issue ? problem([...prefix, ...issue.path], issue.message) : new ListInvalid('', 'invalid');
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
  if (!isRecord(value)) {
    const parsed = listMetaSchema.safeParse(value);
    throw parsed.success ? new ListInvalid('', 'invalid') : firstIssue(parsed.error);
  }
  const { entries: raw, ...rest } = value;
  const head = listMetaSchema.safeParse(rest);
  if (!head.success) throw firstIssue(head.error);
  if (!Array.isArray(raw) || raw.length > MAX_ENTRIES) {
    const parsed = entriesSchema.safeParse(raw);
    throw parsed.success ? problem(['entries'], 'invalid') : firstIssue(parsed.error, ['entries']);
  }
  const meta = head.data;
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
      const fieldsPass = fieldChecker();
      const entries: Entry[] = new Array(raw.length);
      for (let i = 0; i < raw.length; i++) {
        let entry = raw[i] as Entry;
        if (!fieldsPass(entry)) {
          const parsed = detailsSchema.safeParse(raw[i]);
          if (!parsed.success) throw firstIssue(parsed.error, ['entries', i]);
          entry = parsed.data;
        }
        if ((entry.category === 'authorised-pharmacy') !== allow) throw problem(['entries', i, 'category'], `${entry.category} does not belong on a ${meta.kind} list`);
        entries[i] = entry;
      }
      return entries;
    },
  };
}

/** Both steps, with repeats found by firstRepeat: what listSchema decides, for callers that index nothing. */
export function checkedList(value: unknown): ListMeta & { entries: Entry[] } {
  const checked = checkDomains(value);
  const repeat = firstRepeat(checked.domains);
  if (repeat !== -1) throw problem(['entries', repeat, 'domain'], `duplicate: ${checked.domains[repeat]}`);
  return { ...checked.meta, entries: checked.entries() };
}
