/**
 * Which keys a subscription accepts, and who vouches for its list, from the subscription and the
 * directory of publishers in force. The precedence (docs/list-format.md §17), strongest first:
 *   1. the directory's revocations: a revoked key counts for nothing, anywhere, whoever added it;
 *   2. the directory's key list: for a list id the directory names, the publisher's keys there are
 *      the only keys accepted, and rotation statements are not followed;
 *   3. a rotation statement, verified with the key in force, for any other list;
 *   4. the key the subscription was given.
 */
import type { Subscription, Vouch } from '../lists';
import type { PublicKeyFile } from '../signing';
import { asKeyFile } from './check';
import type { Directory, DirectoryPublisher, Revocation } from './schema';

type KeyedSubscription = Pick<Subscription, 'id' | 'addedBy' | 'key' | 'keyHistory'>;

export function revocationOf(directory: Directory | null, keyId: string): Revocation | undefined {
  return directory?.revoked.find((r) => r.keyId === keyId);
}

/** The publisher the directory names for a list id. */
export function publisherOf(directory: Directory | null, listId: string): DirectoryPublisher | undefined {
  return directory?.publishers.find((p) => p.lists.some((l) => l.id === listId));
}

/** The publisher whose directory entry holds a key, if any. */
export function publisherOfKey(directory: Directory | null, keyId: string): DirectoryPublisher | undefined {
  return directory?.publishers.find((p) => p.keys.some((k) => k.keyId === keyId));
}

export interface AcceptedKeys {
  readonly keys: readonly PublicKeyFile[];
  /** `directory` when the directory's key list decides (no rotation is followed then). */
  readonly from: 'directory' | 'subscription';
}

/** The keys a file of this subscription may be signed with, as of `now`. */
export function acceptedKeys(sub: KeyedSubscription, directory: Directory | null, now: Date): AcceptedKeys {
  const publisher = publisherOf(directory, sub.id);
  if (publisher) return { keys: publisher.keys.map(asKeyFile), from: 'directory' };
  const keys = [
    ...(sub.key ? [sub.key] : []),
    ...sub.keyHistory.filter((h) => Date.parse(h.until) > now.getTime()).map((h) => h.key),
  ].filter((k) => !revocationOf(directory, k.keyId));
  return { keys, from: 'subscription' };
}

/** A key this subscription left whose rollover has passed (to say `retired-key`, not just `wrong-key`). */
export function isRetired(sub: KeyedSubscription, keyId: string, now: Date): boolean {
  return sub.keyHistory.some((h) => h.key.keyId === keyId && Date.parse(h.until) <= now.getTime());
}

/**
 * Who vouches for the subscription's list. A rotation this subscriber followed with a key the
 * directory later revoked, on or after the revocation's `since`, undoes the trust it brought: the
 * thief of a key may have rolled it to their own.
 */
export function vouchFor(sub: KeyedSubscription, directory: Directory | null): Vouch {
  if (sub.addedBy === 'bundled') return { by: 'bundled' };
  const revoked = (keyId: string, r: Revocation): Vouch => ({ by: 'revoked', keyId, reason: r.reason, since: r.since });
  const own = sub.key && revocationOf(directory, sub.key.keyId);
  if (sub.key && own) return revoked(sub.key.keyId, own);
  for (const step of sub.keyHistory) {
    const r = revocationOf(directory, step.key.keyId);
    if (r && Date.parse(step.followedAt) >= Date.parse(r.since)) return revoked(step.key.keyId, r);
  }
  const publisher = publisherOf(directory, sub.id);
  if (publisher && sub.key && publisher.keys.some((k) => k.keyId === sub.key!.keyId)) {
    return { by: 'directory', publisher: { id: publisher.id, name: publisher.name, type: publisher.type, country: publisher.country } };
  }
  return sub.addedBy === 'policy' ? { by: 'policy' } : { by: 'person' };
}
