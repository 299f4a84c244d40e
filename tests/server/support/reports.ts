/** Reports as the extension sends them, and small HTTP helpers. */
import { randomUUID } from 'node:crypto';
import type { Report } from '../../../lib/reports';
import type { Queryable } from '../../../server/src/db';

export function aReport(overrides: Partial<Report> = {}): Report {
  return {
    idempotencyKey: randomUUID(),
    kind: 'suspicious-site',
    page: 'https://shop.rogue-pharmacy.example/viagra?ref=spam',
    reasons: ['no-prescription', 'prices-too-low'],
    comment: 'No prescription asked for.',
    extensionVersion: '0.1.0',
    createdAt: '2025-06-01T10:00:00.000Z',
    ...overrides,
  };
}

export async function postReport(
  url: string,
  body: unknown,
  options: { headers?: Record<string, string>; raw?: boolean } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${url}/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: options.raw ? (body as string) : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

export async function countReports(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from reports');
  return rows[0]!.n;
}
