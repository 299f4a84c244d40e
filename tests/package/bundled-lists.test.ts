/**
 * The bundled lists as a build ships them: renewed by the build itself (lib/protection/bundled.ts),
 * so a release never ships a list that is about to expire, and nobody renews it by hand. Dates are
 * compared with the time the build wrote the files, not with today's date.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import bundledSource from '../../data/lists/bundled.json';
import { listSchema } from '../../lib/lists';
import { BUNDLED_INDEX_FILE, BUNDLED_VALID_DAYS, bundledIndexSchema } from '../../lib/protection/bundled';
import { BUILD_DIRS, BUILD_NAMES } from './support/builds';

const DAY_MS = 86_400_000;

describe.each(BUILD_NAMES)('the bundled lists in the %s package', (build) => {
  const indexPath = join(BUILD_DIRS[build], BUNDLED_INDEX_FILE);
  const index = bundledIndexSchema.parse(JSON.parse(readFileSync(indexPath, 'utf8')));
  const builtAt = statSync(indexPath).mtimeMs;

  it('are the lists data/lists/bundled.json names', () => {
    expect(index.map(({ id, version, file }) => ({ id, version, file }))).toEqual(bundledSource);
  });

  it.each(index.map((item) => [item.id, item] as const))('%s is issued by the build and valid for a year from it', (_, item) => {
    const list = listSchema.parse(JSON.parse(readFileSync(join(BUILD_DIRS[build], item.file), 'utf8')));
    expect([list.issued, list.expires]).toEqual([item.issued, item.expires]);
    // SOURCE_DATE_EPOCH may set the build's date (reproducible builds); otherwise it is the build's own time.
    const issuedMs = Date.parse(list.issued);
    if (!process.env.SOURCE_DATE_EPOCH) expect(Math.abs(builtAt - issuedMs)).toBeLessThan(DAY_MS);
    expect(Date.parse(list.expires) - issuedMs).toBe(BUNDLED_VALID_DAYS * DAY_MS);
  });
});
