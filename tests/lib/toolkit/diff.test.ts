import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDelta, checkDelta, deltaSchema } from '../../../lib/lists';
import { publicPart } from '../../../lib/signing';
import { entry, makeList } from '../lists/fixtures';
import { CHILD_TIMEOUT_MS, exists, inProcess, keyFiles, readJsonFile, workDir, writeList } from './cli';

const v1 = makeList({ version: 1, expires: '2099-01-01T00:00:00Z', entries: [entry('rogue.example'), entry('pills.example'), entry('old.example')] });
const v2 = makeList({ version: 2, expires: '2099-01-01T00:00:00Z', entries: [entry('rogue.example', { note: 'changed' }), entry('pills.example'), entry('new.example')] });
const sorted = <T extends { domain: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.domain < b.domain ? -1 : 1));

describe('pharmacheck diff', { timeout: CHILD_TIMEOUT_MS }, () => {
  it('writes the delta beside the new list, which turns the old entries into the new ones', async () => {
    const dir = await workDir();
    const result = await inProcess(['diff', await writeList(join(dir, 'v1.json'), v1), await writeList(join(dir, 'v2.json'), v2)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^wrote .*delta-1-2\.json: list "test-list" from version 1 to 2, 2 removed, 2 added \(\d+ bytes, [\d.]+% of the full list\)\n$/);
    const delta = deltaSchema.parse(await readJsonFile(join(dir, 'delta-1-2.json')));
    expect(sorted(applyDelta(v1.entries, delta))).toEqual(sorted(v2.entries));
    expect(await exists(join(dir, 'delta-1-2.json.sig'))).toBe(false);
  });

  it('signs the delta with --key, so that a subscriber holding version 1 accepts it', async () => {
    const dir = await workDir();
    const keys = await keyFiles(dir);
    const out = join(dir, 'out', 'my-delta.json');
    const result = await inProcess(['diff', await writeList(join(dir, 'v1.json'), v1), await writeList(join(dir, 'v2.json'), v2), '--key', keys.secret, '--out', out]);
    expect(result.code, result.stderr).toBe(3); // the folder "out" does not exist
    await mkdir(dirname(out));
    expect((await inProcess(['diff', join(dir, 'v1.json'), join(dir, 'v2.json'), '--key', keys.secret, '--out', out])).code).toBe(0);
    const delta = await checkDelta(await readFile(out), await readFile(`${out}.sig`, 'utf8'), { id: 'test-list', key: publicPart(keys.key), currentVersion: 1, now: new Date() });
    expect(delta.to).toBe(2);
  });

  it('refuses two different lists, or a new version that is not later', async () => {
    const dir = await workDir();
    const a = await writeList(join(dir, 'a.json'), v1);
    const b = await writeList(join(dir, 'b.json'), { ...v2, id: 'another-list' });
    expect(await inProcess(['diff', a, b])).toMatchObject({ code: 1, stderr: expect.stringMatching(/a delta joins two versions of one list/) });
    const c = await writeList(join(dir, 'c.json'), v2);
    expect(await inProcess(['diff', c, a])).toMatchObject({ code: 1, stderr: expect.stringMatching(/is version 1, not later than/) });
    expect(await inProcess(['diff', a, a])).toMatchObject({ code: 1 });
  });

  it('refuses an input that is not a valid list, naming the problem', async () => {
    const dir = await workDir();
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...v1, entries: [entry('co.uk')] }));
    const result = await inProcess(['diff', bad, await writeList(join(dir, 'v2.json'), v2)]);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/bad\.json is not a valid list: entries\.0\.domain: public-suffix: co\.uk/) });
  });
});
