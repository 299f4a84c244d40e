/**
 * Making the trust files, for the toolkit (`pharmacheck directory …`, `pharmacheck rotate`) and the
 * hub (`directory-entry`): each is checked against its schema before it is written, and written
 * one way, so the same input always gives the same bytes (which is what gets signed).
 */
import type { PublicKeyFile } from '../signing';
import {
  directoryPublisherSchema,
  directoryRootSchema,
  directorySchema,
  rotationSchema,
  type Directory,
  type DirectoryPublisher,
  type DirectoryRoot,
  type NamedKey,
  type Rotation,
} from './schema';

const named = (key: PublicKeyFile | NamedKey): NamedKey => ({ keyId: key.keyId, publicKey: key.publicKey });

export interface EntryInput {
  readonly id: string;
  readonly name: string;
  readonly type: DirectoryPublisher['type'];
  readonly country: string;
  readonly website?: string;
  readonly lists: readonly { readonly id: string; readonly url?: string }[];
  readonly keys: readonly (PublicKeyFile | NamedKey)[];
}

/** A publisher's directory entry from its public keys and what it is; throws a ZodError when the input does not fit. */
export function directoryEntry(input: EntryInput): DirectoryPublisher {
  return directoryPublisherSchema.parse({
    id: input.id,
    name: input.name,
    type: input.type,
    country: input.country,
    ...(input.website ? { website: input.website } : {}),
    lists: input.lists.map((l) => ({ id: l.id, ...(l.url ? { url: l.url } : {}) })),
    keys: input.keys.map(named),
  });
}

/** Publishers sorted by id, revocations by key id: a directory's bytes do not depend on input order. */
export function makeDirectory(input: Omit<Directory, 'format' | 'type'>): Directory {
  return directorySchema.parse({
    format: 1,
    type: 'directory',
    id: input.id,
    version: input.version,
    issued: input.issued,
    expires: input.expires,
    ...(input.updateUrl ? { updateUrl: input.updateUrl } : {}),
    ...(input.updateIntervalMinutes ? { updateIntervalMinutes: input.updateIntervalMinutes } : {}),
    publishers: [...input.publishers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    revoked: [...input.revoked].sort((a, b) => (a.keyId < b.keyId ? -1 : a.keyId > b.keyId ? 1 : 0)),
  });
}

export function makeRoot(id: string, keys: readonly (PublicKeyFile | NamedKey)[], threshold: number): DirectoryRoot {
  return directoryRootSchema.parse({ format: 1, type: 'directory-root', id, threshold, keys: keys.map(named) });
}

export function makeRotation(input: { id: string; from: string; to: PublicKeyFile | NamedKey; issued: string; rollover: string }): Rotation {
  return rotationSchema.parse({ format: 1, type: 'rotation', id: input.id, from: input.from, to: named(input.to), issued: input.issued, rollover: input.rollover });
}

/** How every trust file is written: JSON indented by one space, then a line feed. */
export function trustFileText(value: Directory | DirectoryRoot | DirectoryPublisher | Rotation): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}
