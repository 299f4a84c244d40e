import { describe, expect, it } from 'vitest';
import { REPORT_DATA_CATEGORIES, reportDataCategories } from '../../../lib/reports';

describe('reportDataCategories (Firefox data consent)', () => {
  it('names only the page address for a report without a comment or contact', () => {
    expect(reportDataCategories({})).toEqual(['browsingActivity']);
    expect(reportDataCategories({ comment: '   ' })).toEqual(['browsingActivity']);
  });

  it('adds a written comment and an e-mail address only when the report carries them', () => {
    expect(reportDataCategories({ comment: 'sells tramadol' })).toEqual(['browsingActivity', 'personalCommunications']);
    expect(reportDataCategories({ contact: { email: 'a@b.example' } } as never)).toEqual(['browsingActivity', 'personallyIdentifyingInfo']);
  });

  it('adds website content when the person attaches the caution signs', () => {
    expect(reportDataCategories({ signals: ['page.no-prescription'] })).toEqual(['browsingActivity', 'websiteContent']);
    expect(reportDataCategories({ signals: [] })).toEqual(['browsingActivity']);
  });

  it('never asks for a category the manifest does not declare', () => {
    const all = reportDataCategories({ comment: 'x', contact: { email: 'a@b.example' }, signals: ['page.no-prescription'] } as never);
    expect(all.filter((c) => !(REPORT_DATA_CATEGORIES as readonly string[]).includes(c))).toEqual([]);
    expect([...all].sort()).toEqual([...REPORT_DATA_CATEGORIES].sort());
  });
});
