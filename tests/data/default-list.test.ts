import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_FILE, DEFAULT_LIST_ID, defaultListFromSource } from '../../data/default-list';
import bundledIndex from '../../data/lists/bundled.json';
import { isPublicSuffix } from '../../lib/domain';
import { listSchema, serializeList } from '../../lib/lists';
import { LISTED, LISTED_TOO, UNLISTED } from '../e2e/support/hosts';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const committedText = readFileSync(`${DATA}${DEFAULT_LIST_FILE}`, 'utf8');
const committed: unknown = JSON.parse(committedText);
const source = readFileSync(`${DATA}sources/community-rogue-pharmacies-2020.txt`, 'utf8');

describe('the bundled community list', () => {
  const parsed = listSchema.safeParse(committed);
  const list = parsed.success ? parsed.data : null;

  it('passes the list schema', () => {
    expect(parsed.error?.issues.slice(0, 5)).toBeUndefined();
    expect(parsed.success).toBe(true);
  });

  it('equals the conversion of its source (run npm run data:default-list after changing the source)', () => {
    const converted = defaultListFromSource(source);
    expect(converted.problems).toEqual([]);
    expect(list).toEqual(converted.list);
  });

  it('is the file the converter writes, byte for byte', () => {
    expect(committedText).toBe(serializeList(defaultListFromSource(source).list));
  });

  it('is labelled as a community blocklist, not an authority', () => {
    expect(list?.id).toBe(DEFAULT_LIST_ID);
    expect(list?.kind).toBe('block');
    expect(list?.publisher.type).toBe('community');
  });

  it('has entries, and every one an illegal pharmacy with its evidence', () => {
    expect(list?.entries.length).toBeGreaterThan(1000);
    expect(list?.entries.filter((e) => e.category !== 'illegal-pharmacy' || e.evidence.source === '')).toEqual([]);
  });

  it('says when its sources listed the names, and dates each entry by when this list took it, never by a build', () => {
    // Which source listed which name is not known name by name: the evidence names both sources with their dates.
    expect(new Set(list?.entries.map((e) => e.evidence.source))).toEqual(new Set(['Community blocklists: hpHosts (its data of August 2019) and The Block List Project (its list of June 2026)']));
    expect(new Set(list?.entries.map((e) => e.added))).toEqual(new Set(['2026-11-22']));
  });

  it('has no public suffix', () => {
    expect(list?.entries.filter((e) => isPublicSuffix(e.domain)).map((e) => e.domain)).toEqual([]);
  });

  it('has no www. entry (the bare domain covers it)', () => {
    expect(list?.entries.filter((e) => e.domain.startsWith('www.')).map((e) => e.domain)).toEqual([]);
  });

  it('is the one list bundled.json names, with its id, version and file', () => {
    expect(bundledIndex).toEqual([{ id: list?.id, version: list?.version, file: DEFAULT_LIST_FILE }]);
  });
});

describe('the hosts the end-to-end tests rely on', () => {
  it('are listed (LISTED, LISTED_TOO) and not listed (UNLISTED) by the bundled list', () => {
    const list = listSchema.parse(JSON.parse(readFileSync(fileURLToPath(new URL(`../../data/${DEFAULT_LIST_FILE}`, import.meta.url)), 'utf8')));
    const domains = new Set(list.entries.map((e) => e.domain));
    expect(domains.has(LISTED)).toBe(true);
    expect(domains.has(LISTED_TOO)).toBe(true);
    const labels = UNLISTED.split('.');
    expect(labels.slice(0, -1).map((_, i) => labels.slice(i).join('.')).filter((name) => domains.has(name))).toEqual([]);
  });
});
