import { describe, expect, it } from 'vitest';
import { resolveMeta } from '../../../lib/toolkit/build-meta';
import { CliError } from '../../../lib/toolkit';
import { entry, makeList } from '../lists/fixtures';

const NOW = new Date('2026-11-22T10:30:15.123Z');
const flags = { id: 'test-list', name: 'Test', publisher: 'Agency', publisherType: 'authority', kind: 'block', version: 1 };

describe('resolveMeta', () => {
  it('issues now (to the second), valid for 90 days, entry defaults from the publisher', () => {
    const { meta, defaults } = resolveMeta(flags, {}, null, NOW);
    expect(meta).toEqual({
      format: 1,
      id: 'test-list',
      name: 'Test',
      publisher: { name: 'Agency', type: 'authority' },
      kind: 'block',
      version: 1,
      issued: '2026-11-22T10:30:15Z',
      expires: '2027-02-20T10:30:15Z',
    });
    expect(defaults).toEqual({ category: 'illegal-pharmacy', added: '2026-11-22', evidence: { source: 'Agency' } });
  });

  it('takes a flag over the metadata file, and the file over the previous version', () => {
    const previous = makeList({ version: 7, name: 'Old name', description: 'Kept', publisher: { name: 'Old', type: 'community', country: 'DE' } });
    const { meta } = resolveMeta({ name: 'Flag name' }, { publisher: { name: 'File publisher' }, kind: 'block' }, previous, NOW);
    expect(meta).toMatchObject({ id: 'test-list', name: 'Flag name', description: 'Kept', version: 8, publisher: { name: 'File publisher', type: 'community', country: 'DE' } });
  });

  it('gives an allowlist the authorised-pharmacy category by default', () => {
    expect(resolveMeta({ ...flags, kind: 'allow', publisherType: 'register' }, {}, null, NOW).defaults.category).toBe('authorised-pharmacy');
  });

  it.each([
    ['no kind', { ...flags, kind: undefined }, 2],
    ['no version and no previous', { ...flags, version: undefined }, 2],
    ['a publisher type that is not one', { ...flags, publisherType: 'government' }, 1],
    ['an issue date that is not ISO', { ...flags, issued: 'yesterday' }, 1],
    ['an expiry before the issue date', { ...flags, issued: '2026-11-22T00:00:00Z', expires: '2026-11-21T00:00:00Z' }, 1],
    ['a default date that is not a date', { ...flags, added: '22/11/2026' }, 1],
    ['a default category of the wrong kind', { ...flags, category: 'authorised-pharmacy' }, 1],
  ])('refuses %s', (_what, given, code) => {
    expect(() => resolveMeta(given, {}, null, NOW)).toThrow(CliError);
    try {
      resolveMeta(given, {}, null, NOW);
    } catch (error) {
      expect((error as CliError).code).toBe(code);
    }
  });

  it('refuses a version that does not follow the previous one', () => {
    expect(() => resolveMeta({ version: 3 }, {}, makeList({ version: 3, entries: [entry('a.example')] }), NOW)).toThrow(/does not follow/);
  });
});
