/** ReportsService: queue first, then send; a one-shot alarm for the next retry; one send at a time. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { PharmacheckDb } from '../../../lib/lists';
import { OUTBOX_ALARM, ReportsService } from '../../../lib/protection/reports-service';
import type { Post, Report } from '../../../lib/reports';
import { reportHubSetting } from '../../../lib/reports/settings';
import { closeDatabases, freshDb, MINUTE, NOW } from '../updater/list-server';

const HUB = 'https://hub.example';
const SECOND = 1000;

function aReport(changes: Partial<Report> = {}): Report {
  return {
    idempotencyKey: crypto.randomUUID(),
    kind: 'suspicious-site',
    page: 'https://shop.rogue-pharmacy.example/pills',
    reasons: ['prices-too-low'],
    extensionVersion: '1.2.3',
    createdAt: NOW.toISOString(),
    ...changes,
  };
}

/** A hub that can be up (a receipt for every report) or down (every POST fails to connect). */
class Hub {
  up = true;
  readonly keysSent: string[] = [];
  private inFlight = 0;
  maxInFlight = 0;

  readonly post: Post = async (_url, body) => {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const { idempotencyKey } = JSON.parse(body) as Report;
      this.keysSent.push(idempotencyKey);
      // Every answer takes a moment, so sends that ran side by side would overlap.
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (!this.up) throw new TypeError('fetch failed');
      const receipt = { id: this.keysSent.length, idempotencyKey, domain: 'rogue-pharmacy.example', receivedAt: new Date().toISOString() };
      return { status: 201, body: JSON.stringify(receipt) };
    } finally {
      this.inFlight--;
    }
  };
}

let db: PharmacheckDb;
let hub: Hub;
let service: ReportsService;

beforeEach(async () => {
  // Only the clock is fake: IndexedDB and the hub's delays still run on real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  db = freshDb('reports-service-test');
  hub = new Hub();
  service = new ReportsService(db, hub.post);
  await reportHubSetting.setValue(`${HUB}/`);
});

afterEach(async () => {
  vi.useRealTimers();
  await closeDatabases();
});

describe('ReportsService.send', () => {
  it('queues the report, then sends it at once and sets no alarm', async () => {
    const report = aReport();

    const result = await service.send(report);

    expect(result).toMatchObject({ ok: true, item: { key: report.idempotencyKey, hub: HUB, status: 'sent', attempts: 1, lastError: null } });
    expect(result.ok && result.item.receipt?.idempotencyKey).toBe(report.idempotencyKey);
    expect(hub.keysSent).toEqual([report.idempotencyKey]);
    expect(await db.outbox.get(report.idempotencyKey)).toEqual(result.ok && result.item);
    expect(await browser.alarms.get(OUTBOX_ALARM)).toBeUndefined();
  });

  it('keeps the report queued when the hub is down, with an alarm for the next attempt', async () => {
    hub.up = false;
    const report = aReport();

    const result = await service.send(report);

    expect(result).toMatchObject({ ok: true, item: { status: 'queued', attempts: 1, lastError: { status: null, code: 'network' } } });
    const item = await db.outbox.get(report.idempotencyKey);
    expect(item?.status).toBe('queued');
    const next = Date.parse(item?.nextAttempt ?? '');
    expect(next).toBeGreaterThanOrEqual(NOW.getTime() + 30 * SECOND);
    expect(next).toBeLessThan(NOW.getTime() + 60 * SECOND);
    expect(await browser.alarms.getAll()).toEqual([expect.objectContaining({ name: OUTBOX_ALARM, scheduledTime: next })]);
  });

  it('sends a queued report when its alarm comes, and then clears the alarm', async () => {
    hub.up = false;
    const report = aReport();
    await service.send(report);
    hub.up = true;

    // Too early: the alarm for an earlier item woke the worker, but this one is not due.
    await service.deliver();
    expect(hub.keysSent).toEqual([report.idempotencyKey]);
    expect(await browser.alarms.get(OUTBOX_ALARM)).toBeDefined();

    vi.setSystemTime(NOW.getTime() + MINUTE);
    await service.deliver();

    expect(hub.keysSent).toEqual([report.idempotencyKey, report.idempotencyKey]);
    expect(await db.outbox.get(report.idempotencyKey)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(await browser.alarms.get(OUTBOX_ALARM)).toBeUndefined();
  });

  it('retries the reports still queued along with a new one, without waiting for their alarm', async () => {
    hub.up = false;
    const earlier = aReport();
    await service.send(earlier);
    hub.up = true;
    const later = aReport();

    await service.send(later);

    expect(hub.keysSent[0]).toBe(earlier.idempotencyKey);
    expect(hub.keysSent.slice(1).sort()).toEqual([earlier.idempotencyKey, later.idempotencyKey].sort());
    expect((await service.items()).map((i) => i.status)).toEqual(['sent', 'sent']);
    expect(await browser.alarms.get(OUTBOX_ALARM)).toBeUndefined();
  });

  it.each([
    ['no hub is set', null],
    ['the hub set is not one', 'ftp://hub.example'],
  ])('refuses with no-hub and stores nothing when %s', async (_what, setting) => {
    await reportHubSetting.setValue(setting);

    const result = await service.send(aReport());

    expect(result).toEqual({ ok: false, reason: 'no-hub', message: expect.any(String) });
    expect(await db.outbox.count()).toBe(0);
    expect(hub.keysSent).toEqual([]);
    expect(await browser.alarms.getAll()).toEqual([]);
  });

  it('refuses an invalid report, stores nothing and sends nothing', async () => {
    const result = await service.send({ ...aReport(), reasons: [] });

    expect(result).toEqual({ ok: false, reason: 'invalid-report', message: 'reasons: tick at least one reason' });
    expect(await db.outbox.count()).toBe(0);
    expect(hub.keysSent).toEqual([]);
  });

  it('sends reports sent together one at a time, each once', async () => {
    const reports = [aReport(), aReport(), aReport()];

    const results = await Promise.all(reports.map((report) => service.send(report)));

    expect(results.map((r) => r.ok && r.item.status)).toEqual(['sent', 'sent', 'sent']);
    expect(hub.maxInFlight).toBe(1);
    expect([...hub.keysSent].sort()).toEqual(reports.map((r) => r.idempotencyKey).sort());
  });
});

describe('ReportsService.items', () => {
  it('lists every report, newest first, whatever became of it', async () => {
    // Keys in the order the reports are made, so the table's own (key) order is oldest first.
    const [first, second, third] = [1, 2, 3].map((n) => aReport({ idempotencyKey: `00000000-0000-4000-8000-00000000000${n}` })) as [Report, Report, Report];
    await service.send(first);
    vi.setSystemTime(NOW.getTime() + MINUTE);
    hub.up = false;
    await service.send(second);
    vi.setSystemTime(NOW.getTime() + 2 * MINUTE);
    await service.send(third);

    const items = await service.items();

    expect(items.map((i) => i.key)).toEqual([third.idempotencyKey, second.idempotencyKey, first.idempotencyKey]);
    expect(items.map((i) => i.status)).toEqual(['queued', 'queued', 'sent']);
  });

  it('lists nothing before the first report', async () => {
    expect(await service.items()).toEqual([]);
  });
});

describe('ReportsService.remove', () => {
  it('removes a report still queued', async () => {
    hub.up = false;
    const report = aReport();
    await service.send(report);

    expect(await service.remove(report.idempotencyKey)).toBe(true);
    expect(await service.items()).toEqual([]);
  });

  it('keeps a report that was sent, and answers false for an unknown key', async () => {
    const report = aReport();
    await service.send(report);

    expect(await service.remove(report.idempotencyKey)).toBe(false);
    expect(await service.remove(crypto.randomUUID())).toBe(false);
    expect((await service.items()).map((i) => i.key)).toEqual([report.idempotencyKey]);
  });
});
