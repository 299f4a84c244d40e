/**
 * Following a publisher's key rotation (docs/list-format.md §16). When a list's latest.json is
 * signed by a key the subscription does not accept, the subscriber asks for the statement its
 * current key signed, `rotation-<current key id>.json` beside latest.json, and, if it verifies
 * (checkRotation: signed by the current key, not revoked, for this list, no loop, no replay),
 * moves its trusted key to the next one, keeping the old one until the statement's rollover. It
 * repeats for a publisher that rolled several times while the subscriber slept, up to
 * TRUST_LIMITS.rotationHops. Each step is stored as soon as it verifies.
 */
import type { PharmacheckDb, Subscription } from '../lists';
import { asKeyFile, checkRotation, revocationOf, rotationFileName, TRUST_LIMITS, type Directory } from '../trust';
import { fetchSigned, FetchFailed, type FetchBytes } from './fetch';

type Keyed = Subscription & { readonly url: string; readonly key: NonNullable<Subscription['key']> };

/** The subscription after following every statement that leads towards `signer` (the key latest.json names). */
export async function followRotations(db: PharmacheckDb, sub: Keyed, signer: string, directory: Directory | null, deps: { fetcher: FetchBytes; now: () => Date }): Promise<Keyed> {
  let current = sub;
  for (let hop = 0; hop < TRUST_LIMITS.rotationHops && current.key.keyId !== signer; hop++) {
    let file;
    try {
      file = await fetchSigned(deps.fetcher, new URL(rotationFileName(current.key.keyId), current.url).href, TRUST_LIMITS.rotationBytes);
    } catch (error) {
      // No statement from this key: the publisher did not roll it (the check that follows says wrong-key).
      if (error instanceof FetchFailed && error.reason === 'http-404') break;
      throw error;
    }
    if (file.notModified) break;
    const now = deps.now();
    const last = current.keyHistory.at(-1);
    const rotation = await checkRotation(file.bytes, file.signature, {
      id: current.id,
      current: current.key,
      left: current.keyHistory.map((h) => h.key.keyId),
      lastIssued: last?.issued ?? null,
      revoked: (keyId) => revocationOf(directory, keyId),
      now,
    });
    const keyHistory = [...current.keyHistory, { key: current.key, until: rotation.rollover, issued: rotation.issued, followedAt: now.toISOString() }];
    current = { ...current, key: asKeyFile(rotation.to), keyHistory };
    await db.subscriptions.update(current.id, { key: current.key, keyHistory });
  }
  return current;
}
