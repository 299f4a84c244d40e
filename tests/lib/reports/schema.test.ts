import { describe, expect, it } from 'vitest';
import {
  isRetryableStatus,
  MAX_COMMENT_LENGTH,
  REPORT_REASONS,
  reportSchema,
  type Report,
} from '../../../lib/reports';

const valid: Report = {
  idempotencyKey: '3b241101-e2bb-4255-8caf-4136c566a962',
  kind: 'suspicious-site',
  page: 'https://shop.rogue-pharmacy.example/pills?x=1',
  reasons: ['no-prescription'],
  extensionVersion: '1.2.3',
  createdAt: '2025-06-01T10:00:00.000Z',
};

const parse = (value: unknown) => reportSchema.safeParse(value);
const problemPaths = (value: unknown) => {
  const result = parse(value);
  return result.success ? null : result.error.issues.map((i) => i.path.join('.'));
};

describe('the report the extension sends', () => {
  it('accepts a minimal report, every reason, a comment, and a contact with consent', () => {
    expect(parse(valid).success).toBe(true);
    expect(parse({ ...valid, reasons: [...REPORT_REASONS] }).success).toBe(true);
    expect(parse({ ...valid, comment: 'x'.repeat(MAX_COMMENT_LENGTH) }).success).toBe(true);
    expect(parse({ ...valid, contact: { email: 'person@example.org', consent: true } }).success).toBe(true);
    expect(parse({ ...valid, createdAt: '2025-06-01T12:00:00+02:00' }).success).toBe(true);
  });

  it('accepts the page trimmed to its domain, and a warning-is-a-mistake report without reasons', () => {
    expect(parse({ ...valid, page: 'rogue-pharmacy.example' }).success).toBe(true);
    expect(parse({ ...valid, kind: 'false-positive', reasons: [] }).success).toBe(true);
  });

  it('returns the report unchanged: what is stored is what was sent', () => {
    const report = { ...valid, comment: "  '; drop table reports; -- <b>\n  ", contact: { email: 'a@example.org', consent: true as const } };
    expect(reportSchema.parse(report)).toEqual(report);
  });

  it.each([
    ['an unknown field', { ...valid, history: [] }, ''],
    ['a key that is not a UUID', { ...valid, idempotencyKey: 'abc' }, 'idempotencyKey'],
    ['an unknown kind', { ...valid, kind: 'scam' }, 'kind'],
    ['an unknown reason', { ...valid, reasons: ['cheap'] }, 'reasons.0'],
    ['a reason twice', { ...valid, reasons: ['other', 'other'] }, 'reasons'],
    ['a suspicious site with no reason', { ...valid, reasons: [] }, 'reasons'],
    ['a comment too long', { ...valid, comment: 'x'.repeat(MAX_COMMENT_LENGTH + 1) }, 'comment'],
    ['a NUL in the comment', { ...valid, comment: 'a\u0000b' }, 'comment'],
    ['a lone surrogate in the comment', { ...valid, comment: 'a\ud800b' }, 'comment'],
    ['an e-mail without consent', { ...valid, contact: { email: 'a@example.org' } }, 'contact.consent'],
    ['consent refused', { ...valid, contact: { email: 'a@example.org', consent: false } }, 'contact.consent'],
    ['consent without an e-mail', { ...valid, contact: { consent: true } }, 'contact.email'],
    ['a broken e-mail', { ...valid, contact: { email: 'a@', consent: true } }, 'contact.email'],
    ['a javascript: page', { ...valid, page: 'javascript:alert(1)' }, 'page'],
    ['a data: page', { ...valid, page: 'data:text/html,<b>x</b>' }, 'page'],
    ['an IP address', { ...valid, page: 'http://10.0.0.1/' }, 'page'],
    ['a public suffix', { ...valid, page: 'https://co.uk/' }, 'page'],
    ['an empty page', { ...valid, page: '' }, 'page'],
    ['a version with text', { ...valid, extensionVersion: 'beta' }, 'extensionVersion'],
    ['a version of five parts', { ...valid, extensionVersion: '1.2.3.4.5' }, 'extensionVersion'],
    ['a date without a time zone', { ...valid, createdAt: '2025-06-01T10:00:00' }, 'createdAt'],
  ])('refuses %s (at "%s")', (_what, value, path) => {
    expect(problemPaths(value)).toContain(path);
  });

  it('says which refusals are worth retrying', () => {
    expect([408, 429, 500, 502, 503].map(isRetryableStatus)).toEqual([true, true, true, true, true]);
    expect([400, 401, 403, 404, 409, 413, 415].map(isRetryableStatus)).toEqual([false, false, false, false, false, false, false]);
  });
});
