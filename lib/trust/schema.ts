/**
 * The trust formats (docs/list-format.md §15-§17): the directory of publishers, the extension's
 * pinned keys for it (the root), and a publisher's key rotation statement. Closed objects like
 * every format of the project: a field not listed is refused, new fields come with a new `format`.
 */
import { z } from 'zod';
import { listIdSchema } from '../lists/schema';

const isoDateTime = z.iso.datetime({ offset: true });
export const keyIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'a key id is 16 lowercase hex digits');
const publicKeyText = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'a 32-byte Ed25519 public key in base64');
const webUrl = z.url({ protocol: /^https?$/ }).max(2048);

/** A public key as the trust formats name it: its id and its 32 bytes (§7). */
export const namedKeySchema = z.strictObject({ keyId: keyIdSchema, publicKey: publicKeyText });
export type NamedKey = z.infer<typeof namedKeySchema>;

export const directoryListSchema = z.strictObject({
  id: listIdSchema,
  /** Where the list's latest.json is, so the options page can offer it (optional). */
  url: webUrl.optional(),
});

export const PUBLISHER_KINDS = ['authority', 'register'] as const;

export const directoryPublisherSchema = z.strictObject({
  /** Stable, in the syntax of a list id. */
  id: listIdSchema,
  name: z.string().min(1).max(200),
  type: z.enum(PUBLISHER_KINDS),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in capitals'),
  website: webUrl.optional(),
  /** The list ids this publisher may publish; a list ranks by this entry only under one of them. */
  lists: z.array(directoryListSchema).min(1).max(100),
  /** The keys it signs them with (more than one while it rolls a key over). */
  keys: z.array(namedKeySchema).min(1).max(8),
});
export type DirectoryPublisher = z.infer<typeof directoryPublisherSchema>;

export const REVOCATION_REASONS = ['compromised', 'lost', 'retired'] as const;

export const revocationSchema = z.strictObject({
  keyId: keyIdSchema,
  /** From when the key is not trusted: a rotation a subscriber followed with it since then is undone. */
  since: isoDateTime,
  reason: z.enum(REVOCATION_REASONS),
  note: z.string().max(500).optional(),
});
export type Revocation = z.infer<typeof revocationSchema>;

export const directorySchema = z
  .strictObject({
    format: z.literal(1),
    type: z.literal('directory'),
    id: listIdSchema,
    version: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    issued: isoDateTime,
    expires: isoDateTime,
    /** The directory's latest.json, polled like a subscription's; none: it changes with the extension only. */
    updateUrl: webUrl.optional(),
    updateIntervalMinutes: z.number().int().min(15).max(7 * 24 * 60).optional(),
    publishers: z.array(directoryPublisherSchema).max(1000),
    revoked: z.array(revocationSchema).max(10_000),
  })
  .superRefine((d, ctx) => {
    if (Date.parse(d.expires) <= Date.parse(d.issued)) ctx.addIssue({ code: 'custom', path: ['expires'], message: 'expires must be after issued' });
    const once = (values: string[], path: (i: number) => (string | number)[], what: string) => {
      const seen = new Set<string>();
      values.forEach((v, i) => {
        if (seen.has(v)) ctx.addIssue({ code: 'custom', path: path(i), message: `${what} ${v} appears twice` });
        seen.add(v);
      });
    };
    once(d.publishers.map((p) => p.id), (i) => ['publishers', i, 'id'], 'the publisher');
    const lists = d.publishers.flatMap((p, i) => p.lists.map((l, j) => ({ id: l.id, path: ['publishers', i, 'lists', j, 'id'] })));
    once(lists.map((l) => l.id), (i) => lists[i]!.path, 'the list id');
    const keys = d.publishers.flatMap((p, i) => p.keys.map((k, j) => ({ id: k.keyId, path: ['publishers', i, 'keys', j, 'keyId'] })));
    once(keys.map((k) => k.id), (i) => keys[i]!.path, 'the key');
    once(d.revoked.map((r) => r.keyId), (i) => ['revoked', i, 'keyId'], 'the revoked key');
    const revoked = new Set(d.revoked.map((r) => r.keyId));
    for (const k of keys) if (revoked.has(k.id)) ctx.addIssue({ code: 'custom', path: k.path, message: `the key ${k.id} is revoked; a publisher cannot sign with it` });
  });
export type Directory = z.infer<typeof directorySchema>;

/** The extension's pinned keys for the directory (shipped in the package, never downloaded). */
export const directoryRootSchema = z
  .strictObject({
    format: z.literal(1),
    type: z.literal('directory-root'),
    /** The directory's id: a directory or latest.json of another id is refused. */
    id: listIdSchema,
    threshold: z.number().int().min(1).max(8),
    keys: z.array(namedKeySchema).min(1).max(8),
  })
  .superRefine((root, ctx) => {
    if (root.threshold > root.keys.length) ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'the threshold is more than the keys' });
    if (new Set(root.keys.map((k) => k.keyId)).size !== root.keys.length) ctx.addIssue({ code: 'custom', path: ['keys'], message: 'a key appears twice' });
  });
export type DirectoryRoot = z.infer<typeof directoryRootSchema>;

/** A publisher hands a list over from its current key to the next (`<id>/rotation-<from>.json`). */
export const rotationSchema = z
  .strictObject({
    format: z.literal(1),
    type: z.literal('rotation'),
    id: listIdSchema,
    /** The key that signs this statement, which subscribers trust now. */
    from: keyIdSchema,
    to: namedKeySchema,
    issued: isoDateTime,
    /** Until then files signed by `from` are still accepted (stale caches, mirrors); never after. */
    rollover: isoDateTime,
  })
  .superRefine((r, ctx) => {
    if (r.to.keyId === r.from) ctx.addIssue({ code: 'custom', path: ['to', 'keyId'], message: 'a key cannot roll over to itself' });
    if (Date.parse(r.rollover) < Date.parse(r.issued)) ctx.addIssue({ code: 'custom', path: ['rollover'], message: 'the rollover cannot be before the statement is issued' });
  });
export type Rotation = z.infer<typeof rotationSchema>;

export function rotationFileName(fromKeyId: string): string {
  return `rotation-${fromKeyId}.json`;
}

export const TRUST_LIMITS = {
  directoryBytes: 4 * 1024 * 1024,
  rotationBytes: 4 * 1024,
  /** Statements followed in one update at most (a publisher who rolled many times while a subscriber slept). */
  rotationHops: 8,
} as const;
