/**
 * Adding and removing subscriptions. A person (or an organisation's policy) gives the URL of a
 * list's latest.json and the publisher's public key; the key is the trust anchor, and the list id
 * is taken from the signed latest.json it verifies. A key the directory of publishers revoked is
 * refused, and so is a key that is not the directory's for a list id the directory names: nobody
 * can pass their own list off as a known publisher's (docs/list-format.md §17).
 */
import { z } from 'zod';
import { checkLatest, LIMITS, Refused, removeList, type PharmacheckDb, type Subscription } from '../lists';
import { keyIdOf, fromBase64, publicKeySchema, type PublicKeyFile } from '../signing';
import { publisherOf, readDirectory, revocationOf } from '../trust';
import { fetchSigned, type FetchBytes } from './fetch';
import { describeError } from './update';

export const MAX_KEY_INPUT = 2048;

/** http(s) only; no credentials in the URL. Plain http is allowed: signatures protect the content. */
export const subscriptionUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  // zod runs this even when the URL check failed: text that is no URL must not throw here.
  .refine((u) => URL.canParse(u) && !new URL(u).username && !new URL(u).password, 'no user name or password in the URL');

/** Accepts a public key file (JSON) or the bare base64 key; null when it is neither. */
export async function parsePublicKey(input: string): Promise<PublicKeyFile | null> {
  const text = input.trim();
  if (text.length === 0 || text.length > MAX_KEY_INPUT) return null;
  if (text.startsWith('{')) {
    try {
      const file = publicKeySchema.safeParse(JSON.parse(text));
      if (!file.success) return null;
      const raw = fromBase64(file.data.publicKey);
      return raw.length === 32 && (await keyIdOf(raw)) === file.data.keyId ? file.data : null;
    } catch {
      return null;
    }
  }
  if (!/^[A-Za-z0-9+/]{43}=$/.test(text)) return null;
  const raw = fromBase64(text);
  if (raw.length !== 32) return null;
  return { format: 1, algorithm: 'ed25519', keyId: await keyIdOf(raw), publicKey: text };
}

export type SubscribeResult = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly reason: string; readonly message: string };

export function newSubscription(id: string, url: string | null, key: PublicKeyFile | null, addedBy: Subscription['addedBy'], now: Date): Subscription {
  return { id, url, key, keyHistory: [], addedBy, addedAt: now.toISOString(), lastCheck: null, lastSuccess: null, lastError: null, failures: 0, nextCheck: null, etag: null };
}

/** Verifies latest.json with the given key, then records the subscription (not yet its list). */
export async function subscribe(
  db: PharmacheckDb,
  input: { url: string; publicKey: string; addedBy: 'person' | 'policy' },
  deps: { fetcher: FetchBytes; now: () => Date },
): Promise<SubscribeResult> {
  const url = subscriptionUrlSchema.safeParse(input.url);
  if (!url.success) return { ok: false, reason: 'bad-url', message: 'The address must be an http or https URL of a latest.json file.' };
  const key = await parsePublicKey(input.publicKey);
  if (!key) return { ok: false, reason: 'bad-key', message: 'The public key must be a 44-character base64 Ed25519 key or a public key file.' };
  const directory = await readDirectory(db);
  const revoked = revocationOf(directory, key.keyId);
  if (revoked) return { ok: false, reason: 'revoked-key', message: `The directory of publishers revoked the key ${key.keyId} (${revoked.reason}).` };
  try {
    const file = await fetchSigned(deps.fetcher, url.data, LIMITS.latestBytes);
    if (file.notModified) return { ok: false, reason: 'http-304', message: 'The server answered 304 to a first request.' };
    let id: string;
    try {
      id = (JSON.parse(new TextDecoder().decode(file.bytes)) as { id?: unknown }).id as string;
    } catch {
      id = '';
    }
    const latest = await checkLatest(file.bytes, file.signature, { id: typeof id === 'string' ? id : '', key, currentVersion: null, now: deps.now() });
    const publisher = publisherOf(directory, latest.id);
    if (publisher && !publisher.keys.some((k) => k.keyId === key.keyId)) {
      throw new Refused('not-directory-key', `the directory of publishers names "${latest.id}" as a list of ${publisher.name}, signed with other keys than ${key.keyId}`);
    }
    if (await db.subscriptions.get(latest.id)) return { ok: false, reason: 'exists', message: `You already subscribe to the list "${latest.id}".` };
    await db.subscriptions.put(newSubscription(latest.id, url.data, key, input.addedBy, deps.now()));
    return { ok: true, id: latest.id };
  } catch (error) {
    const described = describeError(error, deps.now());
    return { ok: false, reason: described.reason, message: described.message };
  }
}

/** Removes a subscription and its list. Bundled and policy lists cannot be removed by a person. */
export async function unsubscribe(db: PharmacheckDb, id: string): Promise<boolean> {
  const sub = await db.subscriptions.get(id);
  if (!sub || sub.addedBy !== 'person') return false;
  await db.subscriptions.delete(id);
  await removeList(db, id);
  return true;
}
