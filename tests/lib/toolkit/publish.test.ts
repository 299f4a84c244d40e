import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDelta, checkDelta, checkLatest, checkList, publishIndexSchema, type List } from '../../../lib/lists';
import { publicPart } from '../../../lib/signing';
import { entry, makeList } from '../lists/fixtures';
import { CHILD_TIMEOUT_MS, cli, exists, inProcess, keyFiles, snapshot, workDir, writeList } from './cli';

/** Version v holds d1 … d(v+1). */
const versionN = (version: number, overrides: Partial<List> = {}) =>
  makeList({ version, expires: '2099-01-01T00:00:00Z', entries: Array.from({ length: version + 1 }, (_, i) => entry(`d${i + 1}.example`)), ...overrides });

async function publishVersions(dir: string, secret: string, versions: number[], extra: string[] = [], id = 'test-list') {
  for (const v of versions) {
    const file = await writeList(join(dir, `${id}-v${v}.json`), versionN(v, { id }));
    const result = await inProcess(['publish', file, '--key', secret, '--out', join(dir, 'site'), ...extra]);
    expect(result.code, result.stderr).toBe(0);
  }
}

const sorted = <T extends { domain: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.domain < b.domain ? -1 : 1));

describe('pharmacheck publish', { timeout: CHILD_TIMEOUT_MS }, () => {
  it('writes a directory where every file verifies as a subscriber checks it (child process)', async () => {
    const dir = await workDir();
    const keys = await keyFiles(dir);
    await writeList(join(dir, 'v1.json'), versionN(1));
    const result = await cli(['publish', 'v1.json', '--key', keys.secret, '--out', 'site'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^published list "test-list" version 1 in site \(2 entries, no deltas, signed with key [0-9a-f]{16}\)\n/);
    expect((await readdir(join(dir, 'site'), { recursive: true })).sort()).toEqual([
      'index.json',
      'test-list',
      'test-list/latest.json',
      'test-list/latest.json.sig',
      'test-list/v1.json',
      'test-list/v1.json.sig',
    ]);
  });

  it('keeps earlier versions as history and makes deltas from them, all verifying', async () => {
    const dir = await workDir();
    const keys = await keyFiles(dir);
    await publishVersions(dir, keys.secret, [1, 2, 3]);
    const site = join(dir, 'site', 'test-list');
    const read = (name: string) => readFile(join(site, name));
    const sig = async (name: string) => (await read(`${name}.sig`)).toString('utf8');
    const expect_ = { id: 'test-list', key: publicPart(keys.key), now: new Date() };
    const latest = await checkLatest(await read('latest.json'), await sig('latest.json'), { ...expect_, currentVersion: null });
    expect(latest).toMatchObject({ version: 3, list: 'v3.json', deltas: [{ from: 2, file: 'delta-2-3.json' }, { from: 1, file: 'delta-1-3.json' }] });
    for (const v of [1, 2, 3]) {
      expect(await checkList(await read(`v${v}.json`), await sig(`v${v}.json`), { ...expect_, currentVersion: null })).toEqual(versionN(v));
    }
    for (const { from, file } of latest.deltas) {
      const delta = await checkDelta(await read(file), await sig(file), { ...expect_, currentVersion: from });
      expect(sorted(applyDelta(versionN(from).entries, delta))).toEqual(sorted(versionN(3).entries));
    }
    // The delta published for version 2 stays: a subscriber may still hold the old latest.json.
    expect(await exists(join(site, 'delta-1-2.json'))).toBe(true);
  });

  it('makes deltas from as many recent versions as --deltas says', async () => {
    const dir = await workDir();
    const keys = await keyFiles(dir);
    await publishVersions(dir, keys.secret, [1, 2, 3, 4], ['--deltas', '2']);
    const latest = JSON.parse(await readFile(join(dir, 'site', 'test-list', 'latest.json'), 'utf8'));
    expect(latest.deltas.map((d: { from: number }) => d.from)).toEqual([3, 2]);
  });

  it('lists every list of the directory in index.json, keeping the others', async () => {
    const dir = await workDir();
    const keys = await keyFiles(dir);
    await publishVersions(dir, keys.secret, [1], [], 'list-a');
    await publishVersions(dir, keys.secret, [1, 2], [], 'list-b');
    const index = publishIndexSchema.parse(JSON.parse(await readFile(join(dir, 'site', 'index.json'), 'utf8')));
    expect(index.lists.map((l) => [l.id, l.version, l.entryCount, l.latest, l.keyId])).toEqual([
      ['list-a', 1, 2, 'list-a/latest.json', keys.key.keyId],
      ['list-b', 2, 3, 'list-b/latest.json', keys.key.keyId],
    ]);
    expect(await exists(join(dir, 'site', 'list-a', 'v1.json'))).toBe(true);
  });

  it('refuses an older version than one published, leaving the directory exactly as it was', async () => {
    const dir = await workDir();
    const keys = await keyFiles(dir);
    await publishVersions(dir, keys.secret, [1, 3]);
    const before = await snapshot(join(dir, 'site'));
    const older = await writeList(join(dir, 'old.json'), versionN(2));
    const result = await inProcess(['publish', older, '--key', keys.secret, '--out', join(dir, 'site')]);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/version 3 of "test-list" is already published; subscribers would refuse version 2 as a rollback/) });
    expect(await snapshot(join(dir, 'site'))).toEqual(before);
  });

  it('republishes the same version unchanged, but refuses the same version with other content', async () => {
    const dir = await workDir();
    const keys = await keyFiles(dir);
    await publishVersions(dir, keys.secret, [1, 2]);
    const before = await snapshot(join(dir, 'site'));
    await publishVersions(dir, keys.secret, [2]);
    const after = await snapshot(join(dir, 'site'));
    delete before['index.json'];
    delete after['index.json'];
    expect(after).toEqual(before);
    const changed = await writeList(join(dir, 'changed.json'), versionN(2, { name: 'Renamed' }));
    expect(await inProcess(['publish', changed, '--key', keys.secret, '--out', join(dir, 'site')])).toMatchObject({ code: 1, stderr: expect.stringMatching(/already published with other content/) });
  });

  it('refuses a list subscribers would refuse (expired), publishing nothing', async () => {
    const dir = await workDir();
    const keys = await keyFiles(dir);
    const expired = await writeList(join(dir, 'v1.json'), versionN(1, { issued: '2020-01-01T00:00:00Z', expires: '2021-01-01T00:00:00Z' }));
    const result = await inProcess(['publish', expired, '--key', keys.secret, '--out', join(dir, 'site')]);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/nothing published: subscribers would refuse test-list\/v1\.json: expired/) });
    expect(await exists(join(dir, 'site'))).toBe(false);
  });

  // Something in the way of a file the publish must write: a directory where the file goes, either
  // one of the first files written or the very last one (after latest.json has been replaced).
  it.each(['test-list/delta-1-2.json', 'index.json'])('is atomic: failing to write %s leaves the old directory intact and no temporary files (child process)', async (obstacle) => {
    const dir = await workDir();
    const keys = await keyFiles(dir);
    await publishVersions(dir, keys.secret, [1]);
    await rm(join(dir, 'site', obstacle), { recursive: true, force: true });
    await mkdir(join(dir, 'site', obstacle, 'keep'), { recursive: true });
    const before = await snapshot(join(dir, 'site'));
    await writeList(join(dir, 'v2.json'), versionN(2));
    const result = await cli(['publish', 'v2.json', '--key', keys.secret, '--out', 'site'], dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^pharmacheck publish: nothing published, .*site is unchanged: /);
    expect(await snapshot(join(dir, 'site'))).toEqual(before);
    expect(JSON.parse(await readFile(join(dir, 'site', 'test-list', 'latest.json'), 'utf8')).version).toBe(1);
    expect((await readdir(dirname(join(dir, 'site')))).filter((n) => n.startsWith('.site.'))).toEqual([]);
  });

  it('refuses to publish into a directory holding the secret key or the current directory', async () => {
    const dir = await workDir();
    await mkdir(join(dir, 'site'));
    const keys = await keyFiles(join(dir, 'site'));
    const list = await writeList(join(dir, 'v1.json'), versionN(1));
    const withKey = await inProcess(['publish', list, '--key', keys.secret, '--out', join(dir, 'site')]);
    expect(withKey).toMatchObject({ code: 1, stderr: expect.stringMatching(/is inside .*site, which is served to anyone/) });
    expect(await snapshot(join(dir, 'site'))).toEqual({ 'test.secret-key.json': expect.any(String), 'test.public-key.json': expect.any(String) });
    const here = await cli(['publish', 'v1.json', '--key', 'site/test.secret-key.json', '--out', '.'], dir);
    expect(here).toMatchObject({ code: 2, stderr: expect.stringMatching(/--out \. holds the current directory/) });
  });

  it('exits 3 when the publish directory is a file', async () => {
    const dir = await workDir();
    const keys = await keyFiles(dir);
    const list = await writeList(join(dir, 'v1.json'), versionN(1));
    expect(await inProcess(['publish', list, '--key', keys.secret, '--out', list])).toMatchObject({ code: 3, stderr: expect.stringMatching(/exists and is not a directory/) });
  });
});
