/** Bounded concurrency, and a client that retries a report as the extension's outbox does. */
import type { Report } from '../../../lib/reports';

/** Runs `work` over `items` with at most `limit` at a time; results in input order. */
export async function pool<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  });
  await Promise.all(workers);
  return results;
}

export interface Delivery {
  readonly status: number;
  readonly id: number;
  /** Attempts that failed (connection refused or reset, 503) before the hub answered. */
  readonly failures: number;
}

/** Sends a report until the hub acknowledges it (2xx), with the same idempotency key every time. */
export async function deliver(url: () => string, report: Report, deadline: number): Promise<Delivery> {
  let failures = 0;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`report ${report.idempotencyKey} not delivered before the deadline`);
    try {
      const response = await fetch(`${url()}/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(report),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await response.json()) as { id: number };
      if (response.status === 200 || response.status === 201) return { status: response.status, id: body.id, failures };
      if (response.status !== 503) throw new Error(`unexpected ${response.status}: ${JSON.stringify(body)}`);
    } catch (error) {
      if ((error as Error).message.startsWith('unexpected')) throw error;
    }
    failures++;
    await new Promise((r) => setTimeout(r, 50));
  }
}
