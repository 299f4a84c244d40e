/** From the report form's fields to exactly the report that is previewed and sent. */
import { describe, expect, it } from 'vitest';
import { MAX_COMMENT_LENGTH, reportSchema } from '../../../../lib/reports';
import { buildReport, type ReportForm } from '../../../../lib/ui/report/build-report';

const KEY = '3b241101-e2bb-4255-8caf-4136c566a962';
const CREATED = '2026-06-01T12:00:00.000Z';
const VERSION = '1.4.0';

const form: ReportForm = {
  kind: 'suspicious-site',
  page: 'https://shop.rogue.co.uk/pills?ref=spam#buy',
  domainOnly: false,
  fullAddress: false,
  reasons: ['no-prescription', 'came-from-spam'],
  comment: '',
  email: '',
  consent: false,
  signals: ['page.no-prescription', 'name.lookalike'],
  attachSignals: false,
};

const build = (changes: Partial<ReportForm>) => buildReport({ ...form, ...changes }, KEY, CREATED, VERSION);

/** The report built from these fields; fails the test when they do not make one. */
function reportFrom(changes: Partial<ReportForm>) {
  const built = build(changes);
  if (!built.ok) throw new Error(`no report: ${built.problems.join(', ')}`);
  return built.report;
}

describe('buildReport', () => {
  it('builds exactly the report the schema accepts, and nothing more', () => {
    const built = build({});

    expect(built).toStrictEqual({
      ok: true,
      report: {
        idempotencyKey: KEY,
        kind: 'suspicious-site',
        // Trimmed by default: the query and the fragment stay with the person.
        page: 'https://shop.rogue.co.uk/pills',
        reasons: ['no-prescription', 'came-from-spam'],
        extensionVersion: VERSION,
        createdAt: CREATED,
      },
    });
    expect(built.ok && reportSchema.parse(built.report)).toStrictEqual(built.ok && built.report);
  });

  it('trims blanks around the page address', () => {
    expect(reportFrom({ page: '  https://shop.rogue.co.uk/pills \n' }).page).toBe('https://shop.rogue.co.uk/pills');
  });

  it.each([
    ['https://shop.rogue.co.uk/pills?ref=spam#buy', 'rogue.co.uk'],
    ['  HTTPS://WWW.Rogue-Pharmacy.EXAMPLE./cart  ', 'rogue-pharmacy.example'],
    ['https://user:pw@a.b.rogue.example:8443/p', 'rogue.example'],
    ['shop.rogue.example', 'rogue.example'],
  ])('trims %j to its registrable domain %j when the person keeps only the domain', (page, domain) => {
    expect(reportFrom({ page, domainOnly: true }).page).toBe(domain);
  });

  it.each([
    ['https://shop.rogue.co.uk/pills?ref=spam#buy', 'https://shop.rogue.co.uk/pills'],
    ['https://user:secret@shop.rogue.example:8443/cart?session=abc', 'https://shop.rogue.example:8443/cart'],
    ['http://rogue.example/?q=me@example.org', 'http://rogue.example/'],
    ['https://rogue.example', 'https://rogue.example/'],
  ])('sends %j without its user-info, query and fragment unless the person keeps them: %j', (page, trimmed) => {
    expect(reportFrom({ page }).page).toBe(trimmed);
    expect(reportFrom({ page, fullAddress: true }).page).toBe(page);
  });

  it('keeps the whole address when it has nothing to trim', () => {
    expect(reportFrom({ page: 'https://shop.rogue.co.uk/pills', domainOnly: false }).page).toBe('https://shop.rogue.co.uk/pills');
  });

  it.each(['', '   ', '\n\t '])('leaves the comment out when it is blank (%j)', (comment) => {
    expect(reportFrom({ comment })).not.toHaveProperty('comment');
  });

  it('sends the comment without the blanks around it', () => {
    expect(reportFrom({ comment: '  Sold me pills without a prescription.\n' }).comment).toBe('Sold me pills without a prescription.');
  });

  it('sends a contact only when the person gave an address and ticked consent', () => {
    expect(reportFrom({ email: 'person@example.org', consent: false })).not.toHaveProperty('contact');
    expect(reportFrom({ email: '   ', consent: true })).not.toHaveProperty('contact');
    expect(reportFrom({ email: ' person@example.org ', consent: true }).contact).toStrictEqual({ email: 'person@example.org', consent: true });
  });

  it('needs no reason for a warning that is a mistake', () => {
    expect(reportFrom({ kind: 'false-positive', reasons: [] })).toMatchObject({ kind: 'false-positive', reasons: [] });
  });

  it('copies the reasons, so a later change to the form does not change the report', () => {
    const reasons: ('other' | 'prices-too-low')[] = ['other'];
    const report = reportFrom({ reasons });
    reasons.push('prices-too-low');
    expect(report.reasons).toEqual(['other']);
  });

  it.each([
    ['no reason for a suspicious site', { reasons: [] }, ['reasons']],
    ['an empty page', { page: '  ' }, ['page']],
    ['a javascript: page', { page: 'javascript:alert(1)' }, ['page']],
    ['a page on an IP address, even trimmed to its domain', { page: 'http://10.0.0.1/pills', domainOnly: true }, ['page']],
    ['a public suffix', { page: 'co.uk' }, ['page']],
    ['a comment too long', { comment: 'x'.repeat(MAX_COMMENT_LENGTH + 1) }, ['comment']],
    ['a NUL in the comment', { comment: 'pills\u0000' }, ['comment']],
    ['a broken address with consent', { email: 'person@', consent: true }, ['contact']],
    ['a page, a reason and a comment all wrong', { page: 'ftp://rogue.example/', reasons: [], comment: 'a\u0000b' }, ['page', 'reasons', 'comment']],
  ])('lists the problem fields for %s', (_what, changes: Partial<ReportForm>, problems) => {
    const built = build(changes);
    expect(built.ok).toBe(false);
    expect(built.ok ? [] : [...new Set(built.problems)].sort()).toEqual([...problems].sort());
  });

  it('lists a bad key or time as a problem rather than sending it', () => {
    const built = buildReport(form, 'not-a-uuid', 'yesterday', VERSION);
    expect(built.ok ? [] : [...built.problems].sort()).toEqual(['createdAt', 'idempotencyKey']);
  });

  it('attaches the caution signals only when the person ticks it, and never invents any', () => {
    expect(reportFrom({}).signals).toBeUndefined();
    expect(reportFrom({ attachSignals: true }).signals).toEqual(['page.no-prescription', 'name.lookalike']);
    expect(reportFrom({ attachSignals: true, signals: [] }).signals).toBeUndefined();
  });

  it('refuses a signal that is not a signal id, or one given twice', () => {
    expect(build({ attachSignals: true, signals: ['<img src=x>'] })).toMatchObject({ ok: false, problems: ['signals'] });
    expect(build({ attachSignals: true, signals: ['page.x', 'page.x'] })).toMatchObject({ ok: false, problems: ['signals'] });
    expect(build({ attachSignals: true, signals: Array.from({ length: 25 }, (_, i) => `page.s${i}`) })).toMatchObject({ ok: false, problems: ['signals'] });
  });
});
