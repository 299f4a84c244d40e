/**
 * The background's side of reporting: queue first, then send; retries come from a one-shot alarm
 * set at the next due time, and whatever is due is sent again when the service worker starts
 * (after a browser restart, for instance). Sends run one at a time.
 */
import { browser } from 'wxt/browser';
import type { OutboxItem, PharmacheckDb } from '../lists';
import { deleteItem, deliverDue, enqueueReport, postJson, type EnqueueResult, type Post } from '../reports';
import { reportHubSetting } from '../reports/settings';

export const OUTBOX_ALARM = 'pharmacheck-outbox';

export class ReportsService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: PharmacheckDb,
    private readonly post: Post = postJson,
  ) {}

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Queues a report for the hub that is set now, then tries to send it at once. */
  async send(report: unknown): Promise<EnqueueResult> {
    const queued = await enqueueReport(this.db, report, await reportHubSetting.getValue(), new Date());
    if (queued.ok) await this.deliver(true);
    const item = queued.ok ? ((await this.db.outbox.get(queued.item.key)) ?? queued.item) : null;
    return queued.ok && item ? { ok: true, item } : queued;
  }

  /** Sends what is due (everything queued with `force`), then sets the alarm for the next retry. */
  deliver(force = false): Promise<void> {
    return this.serial(async () => {
      const next = await deliverDue(this.db, { post: this.post, now: () => new Date(), force });
      await browser.alarms.clear(OUTBOX_ALARM);
      if (next !== null) await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(Date.parse(next), Date.now() + 1000) });
    });
  }

  async items(): Promise<OutboxItem[]> {
    return (await this.db.outbox.toArray()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  remove(key: string): Promise<boolean> {
    return this.serial(() => deleteItem(this.db, key));
  }
}
