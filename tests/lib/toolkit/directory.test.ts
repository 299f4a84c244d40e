/** `pharmacheck directory …`: entries, a directory, its signatures, its checks and its publication, good input and bad. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { directoryRootSchema, directorySchema, checkDirectory, checkDirectoryLatest } from '../../../lib/trust';
import { EXIT } from '../../../lib/toolkit';
import { CHILD_TIMEOUT_MS, cli, exists, inProcess, keyFiles, readJsonFile, snapshot, TEST_NOW, workDir } from './cli';

/** Pinned keys, a publisher's key and its entry, in a fresh folder. */
async function setting(threshold = 1) {
  const dir = await workDir();
  const pin1 = await keyFiles(dir, 'pin1');
  const pin2 = await keyFiles(dir, 'pin2');
  const agency = await keyFiles(dir, 'agency');
  const root = join(dir, 'root.json');
  const rootKeys = ['--key', pin1.public, '--key', pin2.public];
  expect((await inProcess(['directory', 'root', ...rootKeys, '--threshold', String(threshold), '--out', root])).code).toBe(0);
  const entry = join(dir, 'agency.entry.json');
  const made = await inProcess([
    'directory', 'entry', '--key', agency.public, '--id', 'fr-agency', '--name', 'Agence test', '--type', 'authority', '--country', 'FR',
    '--list', 'fr-agency-blocklist=https://lists.example/fr-agency-blocklist/latest.json', '--out', entry,
  ]);
  expect(made.code, made.stderr).toBe(0);
  return { dir, pin1, pin2, agency, root, entry, file: join(dir, 'directory.json') };
}

const build = (args: string[]) => inProcess(['directory', 'build', ...args]);

describe('pharmacheck directory', { timeout: CHILD_TIMEOUT_MS }, () => {
  it('makes an entry from a public key and what the publisher is', async () => {
    const s = await setting();
    expect(await readJsonFile(s.entry)).toEqual({
      id: 'fr-agency',
      name: 'Agence test',
      type: 'authority',
      country: 'FR',
      lists: [{ id: 'fr-agency-blocklist', url: 'https://lists.example/fr-agency-blocklist/latest.json' }],
      keys: [{ keyId: s.agency.key.keyId, publicKey: s.agency.key.publicKey }],
    });
    const printed = await inProcess(['directory', 'entry', '--key', s.agency.public, '--id', 'x', '--name', 'X', '--type', 'register', '--country', 'DE', '--list', 'x-register']);
    expect(JSON.parse(printed.stdout)).toMatchObject({ type: 'register', lists: [{ id: 'x-register' }] });
  });

  it.each<[string, string[], number, RegExp]>([
    ['a community publisher', ['--type', 'community'], EXIT.usage, /--type is authority or register/],
    ['no list', ['--list', ''], EXIT.usage, /--list is required/],
    ['a lowercase country', ['--country', 'fr'], EXIT.refused, /country/],
    ['a bad list id', ['--list', 'Bad_ID'], EXIT.refused, /lists\.0\.id/],
    ['a website that is not a web address', ['--website', 'javascript:alert(1)'], EXIT.refused, /website/],
  ])('refuses an entry with %s', async (_what, change, code, message) => {
    const s = await setting();
    const base = { '--id': 'x', '--name': 'X', '--type': 'authority', '--country': 'FR', '--list': 'x-list' } as Record<string, string>;
    const args = ['directory', 'entry', '--key', s.agency.public];
    base[change[0]!] = change[1]!;
    for (const [flag, value] of Object.entries(base)) if (value !== '') args.push(flag, value);
    const result = await inProcess(args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
  });

  it('refuses a secret key given for an entry: an entry holds public keys only', async () => {
    const s = await setting();
    const result = await inProcess(['directory', 'entry', '--key', s.agency.secret, '--id', 'x', '--name', 'X', '--type', 'authority', '--country', 'FR', '--list', 'x']);
    expect(result).toMatchObject({ code: EXIT.refused, stderr: expect.stringMatching(/is a secret key file/) });
  });

  it('builds, signs, verifies and publishes a directory the extension accepts', async () => {
    const s = await setting();
    expect((await build(['--entry', s.entry, '--version', '1', '--update-url', 'https://directory.example/latest.json', '--out', s.file])).code).toBe(0);
    expect((await inProcess(['directory', 'sign', s.file, '--key', s.pin1.secret])).code).toBe(0);
    const verified = await inProcess(['directory', 'verify', s.file, '--root', s.root]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`authority fr-agency (FR) Agence test: lists fr-agency-blocklist; keys ${s.agency.key.keyId}`);
    expect(verified.stdout).toContain(`signed by 1 of the 2 pinned keys (threshold 1): ${s.pin1.key.keyId}`);

    const site = join(s.dir, 'site');
    const published = await inProcess(['directory', 'publish', s.file, '--root', s.root, '--key', s.pin1.secret, '--out', site]);
    expect(published.code, published.stderr).toBe(0);
    const root = directoryRootSchema.parse(await readJsonFile(s.root));
    const read = (name: string) => readFile(join(site, name));
    const sig = async (name: string) => (await read(`${name}.sig`)).toString('utf8');
    const latest = await checkDirectoryLatest(await read('latest.json'), await sig('latest.json'), { root, currentVersion: null, now: TEST_NOW });
    expect(latest).toMatchObject({ id: 'pharmacheck-directory', version: 1, list: 'v1.json', deltas: [] });
    expect((await checkDirectory(await read('v1.json'), await sig('v1.json'), { root, currentVersion: null, now: TEST_NOW })).publishers).toHaveLength(1);
  });

  it('follows the previous directory: next version, same id and address, every revocation kept', async () => {
    const s = await setting();
    await build(['--entry', s.entry, '--version', '4', '--update-url', 'https://directory.example/latest.json', '--out', s.file]);
    // The agency's key was stolen: its entry goes, its key is revoked.
    const v5 = join(s.dir, 'v5.json');
    const revoked = await build(['--previous', s.file, '--revoke', s.agency.key.keyId, '--since', '2026-11-01T00:00:00Z', '--out', v5]);
    expect(revoked.code, revoked.stderr).toBe(0);
    const v6 = join(s.dir, 'v6.json');
    expect((await build(['--previous', v5, '--out', v6])).code).toBe(0);
    const d = directorySchema.parse(await readJsonFile(v6));
    expect(d).toMatchObject({ version: 6, id: 'pharmacheck-directory', updateUrl: 'https://directory.example/latest.json', publishers: [] });
    expect(d.revoked).toEqual([{ keyId: s.agency.key.keyId, since: '2026-11-01T00:00:00Z', reason: 'compromised' }]);
  });

  it('refuses to revoke a key that an entry still lists, or to go back a version', async () => {
    const s = await setting();
    await build(['--entry', s.entry, '--version', '2', '--out', s.file]);
    const listed = await build(['--previous', s.file, '--entry', s.entry, '--revoke', s.agency.key.keyId, '--out', join(s.dir, 'x.json')]);
    expect(listed).toMatchObject({ code: EXIT.refused, stderr: expect.stringMatching(new RegExp(`the key ${s.agency.key.keyId} is revoked`)) });
    const back = await build(['--previous', s.file, '--version', '2', '--out', join(s.dir, 'y.json')]);
    expect(back).toMatchObject({ code: EXIT.refused, stderr: expect.stringMatching(/rollback/) });
    expect(await exists(join(s.dir, 'x.json'))).toBe(false);
  });

  it('adds co-signatures one at a time until the threshold is reached', async () => {
    const s = await setting(2);
    await build(['--version', '1', '--out', s.file]);
    await inProcess(['directory', 'sign', s.file, '--key', s.pin1.secret]);
    const short = await inProcess(['directory', 'verify', s.file, '--root', s.root, '--json']);
    expect(short.code).toBe(EXIT.refused);
    expect(JSON.parse(short.stdout)).toMatchObject({ ok: false, reason: 'threshold' });
    // Signing twice with the same key replaces its signature: it still counts once.
    await inProcess(['directory', 'sign', s.file, '--key', s.pin1.secret]);
    expect((await inProcess(['directory', 'verify', s.file, '--root', s.root])).code).toBe(EXIT.refused);
    await inProcess(['directory', 'sign', s.file, '--key', s.pin2.secret]);
    const both = await inProcess(['directory', 'verify', s.file, '--root', s.root, '--json']);
    expect(both.code, both.stderr).toBe(0);
    expect(JSON.parse(both.stdout).signers).toEqual([s.pin1.key.keyId, s.pin2.key.keyId]);
  });

  it('refuses a directory signed by a key that is not pinned, or changed after signing', async () => {
    const s = await setting();
    await build(['--version', '1', '--out', s.file]);
    await inProcess(['directory', 'sign', s.file, '--key', s.agency.secret]);
    expect(await inProcess(['directory', 'verify', s.file, '--root', s.root])).toMatchObject({ code: EXIT.refused, stderr: expect.stringMatching(/wrong-key/) });
    await inProcess(['directory', 'sign', s.file, '--key', s.pin1.secret]);
    await writeFile(s.file, (await readFile(s.file, 'utf8')).replace('"publishers": []', '"publishers": [ ]'));
    expect(await inProcess(['directory', 'verify', s.file, '--root', s.root])).toMatchObject({ code: EXIT.refused, stderr: expect.stringMatching(/bad-signature/) });
  });

  it('refuses to sign a file that is no directory and no latest.json, and to publish a rollback', async () => {
    const s = await setting();
    await writeFile(join(s.dir, 'other.json'), '{"format":1,"id":"x"}\n');
    expect(await inProcess(['directory', 'sign', join(s.dir, 'other.json'), '--key', s.pin1.secret])).toMatchObject({ code: EXIT.refused });
    const site = join(s.dir, 'site');
    for (const v of [3, 2]) {
      await build(['--version', String(v), '--out', join(s.dir, `d${v}.json`)]);
      await inProcess(['directory', 'sign', join(s.dir, `d${v}.json`), '--key', s.pin1.secret]);
    }
    expect((await inProcess(['directory', 'publish', join(s.dir, 'd3.json'), '--root', s.root, '--key', s.pin1.secret, '--out', site])).code).toBe(0);
    const before = await snapshot(site);
    const back = await inProcess(['directory', 'publish', join(s.dir, 'd2.json'), '--root', s.root, '--key', s.pin1.secret, '--out', site]);
    expect(back).toMatchObject({ code: EXIT.refused, stderr: expect.stringMatching(/rollback/) });
    expect(await snapshot(site)).toEqual(before);
  });

  it('prints its help and exits 2 on a missing or unknown command, as a child process', async () => {
    const dir = await workDir();
    const help = await cli(['directory', '--help'], dir);
    expect(help.code).toBe(0);
    for (const name of ['entry', 'build', 'sign', 'verify', 'publish', 'root']) expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(await cli(['directory'], dir)).toMatchObject({ code: EXIT.usage, stderr: expect.stringMatching(/give a command/) });
    expect(await cli(['directory', 'forge'], dir)).toMatchObject({ code: EXIT.usage, stderr: expect.stringMatching(/unknown directory command "forge"/) });
    expect(await cli(['directory', 'verify', 'x.json'], dir)).toMatchObject({ code: EXIT.usage, stderr: expect.stringMatching(/--root is required/) });
    expect(await cli(['directory', 'verify', 'missing.json', '--root', 'missing-root.json'], dir)).toMatchObject({ code: EXIT.io });
  });

  it.each(['entry', 'build', 'sign', 'verify', 'publish', 'root'])('prints the help of directory %s', async (name) => {
    const result = await inProcess(['directory', name, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: pharmacheck directory ${name}`));
  });
});
