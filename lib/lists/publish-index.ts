/**
 * `index.json` at the root of a publish directory: which lists the directory holds, so a person
 * or an administrator can find a list's `latest.json` and the key id to expect. It is a directory
 * listing, not a trust anchor: it is not signed, and a subscriber still verifies everything it
 * downloads against the public key it got from the publisher (docs/list-format.md).
 */
import { z } from 'zod';
import type { Latest } from './latest';
import { listIdSchema, listKindSchema, publisherSchema, type ListMeta } from './schema';

const isoDateTime = z.iso.datetime({ offset: true });

export const publishedListSchema = z.strictObject({
  id: listIdSchema,
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  publisher: publisherSchema,
  kind: listKindSchema,
  version: z.number().int().positive(),
  issued: isoDateTime,
  expires: isoDateTime,
  entryCount: z.number().int().nonnegative(),
  /** Path of the list's latest.json, relative to index.json. */
  latest: z.string().regex(/^[a-z0-9-]+\/latest\.json$/),
  /** The key id in latest.json.sig: the key the publisher signs this list with. */
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
});
export type PublishedList = z.infer<typeof publishedListSchema>;

export const publishIndexSchema = z
  .strictObject({
    format: z.literal(1),
    type: z.literal('index'),
    updated: isoDateTime,
    lists: z.array(publishedListSchema).max(1000),
  })
  .superRefine((index, ctx) => {
    index.lists.forEach((list, i) => {
      if (index.lists.findIndex((l) => l.id === list.id) !== i) ctx.addIssue({ code: 'custom', path: ['lists', i, 'id'], message: `duplicate: ${list.id}` });
      if (list.latest !== `${list.id}/latest.json`) ctx.addIssue({ code: 'custom', path: ['lists', i, 'latest'], message: `expected ${list.id}/latest.json` });
    });
  });
export type PublishIndex = z.infer<typeof publishIndexSchema>;

export function publishedList(meta: ListMeta, entryCount: number, keyId: string): PublishedList {
  return {
    id: meta.id,
    name: meta.name,
    ...(meta.description === undefined ? {} : { description: meta.description }),
    publisher: meta.publisher,
    kind: meta.kind,
    version: meta.version,
    issued: meta.issued,
    expires: meta.expires,
    entryCount,
    latest: `${meta.id}/latest.json`,
    keyId,
  };
}

/** Is this index entry still the one the list's current latest.json describes? */
export function describesLatest(entry: PublishedList, latest: Latest): boolean {
  return entry.id === latest.id && entry.version === latest.version && entry.issued === latest.issued && entry.expires === latest.expires;
}

/** The file's bytes: lists sorted by id, one field a line. */
export function publishIndexBytes(lists: readonly PublishedList[], updated: string): Uint8Array {
  const index: PublishIndex = { format: 1, type: 'index', updated, lists: [...lists].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
  return new TextEncoder().encode(`${JSON.stringify(index, null, 1)}\n`);
}
