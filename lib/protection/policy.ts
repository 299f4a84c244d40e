/**
 * Lists an organisation preinstalls through managed storage (Chrome's enterprise policy for
 * extensions, `3rdparty.extensions.<id>`; schema in public/managed-schema.json). Policy lists are
 * subscribed like any other, cannot be removed by the person, and go away when the policy drops them.
 */
import { z } from 'zod';
import type { PharmacheckDb } from '../lists';
import { removeList } from '../lists';

export const policySchema = z.object({
  subscriptions: z
    .array(z.object({ url: z.string().max(2048), publicKey: z.string().max(2048) }))
    .max(100)
    .default([]),
});
export type Policy = z.infer<typeof policySchema>;

/** The policy's subscriptions, or none when there is no policy or it does not fit the schema. */
export function readPolicy(raw: unknown): Policy['subscriptions'] {
  const parsed = policySchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data.subscriptions : [];
}

export interface PolicyDeps {
  readonly subscribe: (url: string, publicKey: string) => Promise<{ ok: boolean }>;
  readonly onListsChanged: () => Promise<void>;
}

/**
 * Brings policy subscriptions in line with the policy: subscribes to new URLs, removes policy
 * subscriptions the policy no longer names. Returns the URLs it could not subscribe to.
 */
export async function applyPolicy(db: PharmacheckDb, wanted: Policy['subscriptions'], deps: PolicyDeps): Promise<string[]> {
  const subs = await db.subscriptions.toArray();
  const wantedUrls = new Set(wanted.map((w) => w.url));
  let changed = false;
  for (const sub of subs) {
    if (sub.addedBy === 'policy' && (sub.url === null || !wantedUrls.has(sub.url))) {
      await db.subscriptions.delete(sub.id);
      await removeList(db, sub.id);
      changed = true;
    }
  }
  const have = new Set(subs.map((s) => s.url));
  const failed: string[] = [];
  for (const { url, publicKey } of wanted) {
    if (have.has(url)) continue;
    if (!(await deps.subscribe(url, publicKey)).ok) failed.push(url);
  }
  if (changed) await deps.onListsChanged();
  return failed;
}
