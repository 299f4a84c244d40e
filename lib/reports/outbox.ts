/**
 * The reports outbox. A report is written to IndexedDB first, then sent to the hub with its
 * idempotency key; a network error, a timeout, 408, 429 or any 5xx leaves it queued for another
 * attempt (30 s doubling up to an hour, each stretched by a random factor in [1, 2)), after a
 * browser restart too; any other 4xx is a permanent refusal, kept with the hub's reason so the
 * person sees it. Sending the same key twice stores one report at the hub.
 */
import type { OutboxItem, PharmacheckDb } from '../lists';
import { normalizeHubUrl } from './hub-url';
import { hubErrorSchema, isRetryableStatus, reportReceiptSchema, reportSchema, type Report } from './schema';

export const REPORTS_PATH = '/v1/reports';
const MINUTE = 60_000;

export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(60 * MINUTE, 30_000 * 2 ** Math.max(0, Math.min(attempts - 1, 20)));
  const jitter = random();
  // NaN passes Math.min and Math.max unchanged, and a NaN delay makes nextAttempt an invalid date.
  return Math.round(base * (1 + Math.min(Math.max(Number.isNaN(jitter) ? 0 : jitter, 0), 0.999_999)));
}

export type EnqueueResult = { readonly ok: true; readonly item: OutboxItem } | { readonly ok: false; readonly reason: 'invalid-report' | 'no-hub'; readonly message: string };

/** Validates and stores a report; nothing is sent yet. */
export async function enqueueReport(db: PharmacheckDb, report: unknown, hub: string | null, now: Date): Promise<EnqueueResult> {
  const parsed = reportSchema.safeParse(report);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: 'invalid-report', message: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid report' };
  }
  const base = hub === null ? null : normalizeHubUrl(hub);
  if (base === null) return { ok: false, reason: 'no-hub', message: 'No reporting hub is set.' };
  const existing = await db.outbox.get(parsed.data.idempotencyKey);
  if (existing) return { ok: true, item: existing };
  const at = now.toISOString();
  const item: OutboxItem = {
    key: parsed.data.idempotencyKey,
    report: parsed.data,
    hub: base,
    status: 'queued',
    attempts: 0,
    nextAttempt: at,
    lastError: null,
    receipt: null,
    createdAt: at,
    updatedAt: at,
  };
  await db.outbox.put(item);
  return { ok: true, item };
}

export type Post = (url: string, body: string, timeoutMs: number) => Promise<{ status: number; body: string }>;

/** POST with no cookies, no referrer, a timeout; throws on a network error. */
export const postJson: Post = async (url, body, timeoutMs) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      signal: controller.signal,
    });
    return { status: response.status, body: await response.text() };
  } finally {
    clearTimeout(timer);
  }
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** One attempt for one item; returns the item as stored afterwards. */
export async function sendItem(db: PharmacheckDb, item: OutboxItem, deps: { post: Post; now: () => Date; random?: () => number }): Promise<OutboxItem> {
  const attempts = item.attempts + 1;
  let next: OutboxItem;
  try {
    const response = await deps.post(`${item.hub}${REPORTS_PATH}`, JSON.stringify(item.report), 30_000);
    const at = deps.now().toISOString();
    // Any 2xx is the hub (or something in its place) accepting the POST, never a refusal.
    if (response.status >= 200 && response.status < 300) {
      const receipt = reportReceiptSchema.safeParse(parseJson(response.body));
      // A receipt for another key (a confused proxy or hub) does not prove this report arrived.
      next = receipt.success && receipt.data.idempotencyKey === item.key
        ? { ...item, status: 'sent', attempts, nextAttempt: null, lastError: null, receipt: receipt.data, updatedAt: at }
        : retry(item, attempts, { status: response.status, code: 'bad-receipt', message: 'The hub answered without a valid receipt.', at }, deps);
    } else {
      const error = hubErrorSchema.safeParse(parseJson(response.body));
      const detail = {
        status: response.status,
        code: error.success ? error.data.error : `http-${response.status}`,
        message: error.success ? error.data.message : `The hub answered ${response.status}.`,
        at,
      };
      next = isRetryableStatus(response.status)
        ? retry(item, attempts, detail, deps)
        : { ...item, status: 'refused', attempts, nextAttempt: null, lastError: detail, updatedAt: at };
    }
  } catch (error) {
    const at = deps.now().toISOString();
    const aborted = error instanceof Error && error.name === 'AbortError';
    next = retry(item, attempts, { status: null, code: aborted ? 'timeout' : 'network', message: aborted ? 'The hub did not answer in time.' : 'The hub could not be reached.', at }, deps);
  }
  await db.outbox.put(next);
  return next;
}

function retry(item: OutboxItem, attempts: number, lastError: NonNullable<OutboxItem['lastError']>, deps: { now: () => Date; random?: () => number }): OutboxItem {
  const now = deps.now();
  return {
    ...item,
    status: 'queued',
    attempts,
    nextAttempt: new Date(now.getTime() + retryDelayMs(attempts, deps.random)).toISOString(),
    lastError,
    updatedAt: now.toISOString(),
  };
}

/** Sends every queued item that is due (all of them with `force`); returns the next due time. */
export async function deliverDue(db: PharmacheckDb, deps: { post: Post; now: () => Date; random?: () => number; force?: boolean }): Promise<string | null> {
  const queued = await db.outbox.where('status').equals('queued').toArray();
  const now = deps.now().getTime();
  for (const item of queued) {
    if (!deps.force && item.nextAttempt !== null && Date.parse(item.nextAttempt) > now) continue;
    await sendItem(db, item, deps);
  }
  const still = await db.outbox.where('status').equals('queued').toArray();
  const times = still.map((i) => i.nextAttempt).filter((t): t is string => t !== null).sort();
  return times[0] ?? null;
}

/** The person deletes a report that has not been sent (queued) or was refused. */
export async function deleteItem(db: PharmacheckDb, key: string): Promise<boolean> {
  const item = await db.outbox.get(key);
  if (!item || item.status === 'sent') return false;
  await db.outbox.delete(key);
  return true;
}

export type { Report };
export { normalizeHubUrl };
