/**
 * A new list's metadata and entry defaults for `build`, each field from, in order: a flag, the
 * metadata file (--meta), the previous version (--previous), a default. Kind and publisher type
 * are never guessed: they decide whether the list blocks or allows, and how it ranks.
 */
import { z } from 'zod';
import {
  categorySchema,
  entrySchema,
  listIdSchema,
  listKindSchema,
  listMetaSchema,
  publisherSchema,
  type EntryDefaults,
  type List,
  type ListMeta,
} from '../lists';
import { refused, usageError } from './exit';
import { firstIssue } from './files';

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_VALID_DAYS = 90;

/** The metadata file: the list's fields (all optional), a validity in days, and entry defaults. */
export const buildMetaFileSchema = z.strictObject({
  id: listIdSchema.optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  publisher: publisherSchema.partial().optional(),
  kind: listKindSchema.optional(),
  version: z.number().int().positive().optional(),
  issued: z.string().optional(),
  expires: z.string().optional(),
  validDays: z.number().int().positive().optional(),
  updateIntervalMinutes: z.number().int().optional(),
  defaults: z
    .strictObject({ category: categorySchema.optional(), added: z.string().optional(), source: z.string().optional(), reference: z.string().optional() })
    .optional(),
});
export type BuildMetaFile = z.infer<typeof buildMetaFileSchema>;

export interface BuildFlags {
  readonly id?: string;
  readonly name?: string;
  readonly description?: string;
  readonly publisher?: string;
  readonly publisherType?: string;
  readonly country?: string;
  readonly website?: string;
  readonly kind?: string;
  readonly version?: number;
  readonly issued?: string;
  readonly expires?: string;
  readonly validDays?: number;
  readonly updateInterval?: number;
  readonly category?: string;
  readonly added?: string;
  readonly source?: string;
  readonly reference?: string;
}

export interface ResolvedMeta {
  readonly meta: ListMeta;
  readonly defaults: EntryDefaults;
}

function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function resolveMeta(flags: BuildFlags, file: BuildMetaFile = {}, previous: List | null, now: Date): ResolvedMeta {
  const prev = previous ?? undefined;
  const kind = flags.kind ?? file.kind ?? prev?.kind;
  if (kind === undefined) throw usageError('say what the list is: --kind block (illegal sites) or --kind allow (authorised pharmacies)');
  const version = flags.version ?? file.version ?? (prev ? prev.version + 1 : undefined);
  if (version === undefined) throw usageError('give the version: --version N, or --previous FILE for the previous version + 1');
  if (prev && version <= prev.version) throw refused(`version ${version} does not follow the previous version ${prev.version}`);
  const issued = flags.issued ?? file.issued ?? isoSeconds(now);
  const validDays = flags.validDays ?? file.validDays;
  const previousValidity = prev ? Date.parse(prev.expires) - Date.parse(prev.issued) : undefined;
  const validity = validDays !== undefined ? validDays * DAY_MS : (previousValidity ?? DEFAULT_VALID_DAYS * DAY_MS);
  const issuedMs = Date.parse(issued);
  const expires = flags.expires ?? file.expires ?? (Number.isNaN(issuedMs) ? issued : isoSeconds(new Date(issuedMs + validity)));
  const publisher = definedOnly({
    name: flags.publisher ?? file.publisher?.name ?? prev?.publisher.name,
    type: flags.publisherType ?? file.publisher?.type ?? prev?.publisher.type,
    country: flags.country ?? file.publisher?.country ?? prev?.publisher.country,
    website: flags.website ?? file.publisher?.website ?? prev?.publisher.website,
  });
  const candidate = definedOnly({
    format: 1,
    id: flags.id ?? file.id ?? prev?.id,
    name: flags.name ?? file.name ?? prev?.name,
    description: flags.description ?? file.description ?? prev?.description,
    publisher,
    kind,
    version,
    issued,
    expires,
    updateIntervalMinutes: flags.updateInterval ?? file.updateIntervalMinutes ?? prev?.updateIntervalMinutes,
  });
  const meta = listMetaSchema.safeParse(candidate);
  if (!meta.success) throw refused(`list metadata: ${firstIssue(meta.error)}`);
  if (Date.parse(meta.data.expires) <= Date.parse(meta.data.issued)) throw refused('list metadata: expires must be after issued');
  const fileDefaults = file.defaults ?? {};
  const reference = flags.reference ?? fileDefaults.reference;
  const defaults = {
    category: flags.category ?? fileDefaults.category ?? (meta.data.kind === 'allow' ? 'authorised-pharmacy' : 'illegal-pharmacy'),
    added: flags.added ?? fileDefaults.added ?? issued.slice(0, 10),
    evidence: { source: flags.source ?? fileDefaults.source ?? meta.data.publisher.name, ...(reference === undefined ? {} : { reference }) },
  };
  if ((defaults.category === 'authorised-pharmacy') !== (meta.data.kind === 'allow')) {
    throw refused(`entry defaults: category ${defaults.category} does not belong on ${meta.data.kind === 'allow' ? 'an allowlist' : 'a blocklist'}`);
  }
  // The defaults go into entries unchecked (input-entries.ts), so they are checked here, once.
  const sample = entrySchema.safeParse({ domain: 'example.com', ...defaults });
  if (!sample.success) throw refused(`entry defaults: ${firstIssue(sample.error)}`);
  const { domain: _domain, ...checked } = sample.data;
  return { meta: meta.data, defaults: checked };
}
