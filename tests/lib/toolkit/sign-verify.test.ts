import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deltaBytes, diffLists, serializeList } from '../../../lib/lists';
import { signatureFileSchema } from '../../../lib/signing';
import { engine } from '../../../lib/signing/ed25519';
import { entry, makeList } from '../lists/fixtures';
import { CHILD_TIMEOUT_MS, cli, exists, inProcess, keyFiles, readJsonFile, workDir, writeList } from './cli';

const v1 = makeList({ version: 1, expires: '2099-01-01T00:00:00Z' });
const v2 = makeList({ version: 2, expires: '2099-01-01T00:00:00Z', entries: [entry('rogue.example'), entry('new-shop.example')] });

async function signedList(dir: string) {
  const keys = await keyFiles(dir);
  const path = await writeList(join(dir, 'v1.json'), v1);
  expect((await inProcess(['sign', path, '--key', keys.secret])).code).toBe(0);
  return { keys, path };
}

describe('pharmacheck sign and verify', { timeout: CHILD_TIMEOUT_MS }, () => {
  it("the toolkit checks signatures through Node's crypto.verify (the native engine), and it refuses what it must", async () => {
    // Importing the toolkit (./cli does) installs the native engine.
    expect(await engine()).toBe('native');
    const dir = await workDir();
    const { keys, path } = await signedList(dir);
    expect((await inProcess(['verify', path, '--key', keys.public])).code).toBe(0);
    const text = await readFile(path, 'utf8');
    await writeFile(path, `${text} `);
    expect((await inProcess(['verify', path, '--key', keys.public])).code).toBe(1);
  });

  it('sign a list and verify it, as child processes', async () => {
    const dir = await workDir();
    const keys = await keyFiles(dir);
    await writeList(join(dir, 'v1.json'), v1);
    const signed = await cli(['sign', 'v1.json', '--key', keys.secret], dir);
    expect(signed).toMatchObject({ code: 0, stdout: `wrote v1.json.sig: list signed with key ${keys.key.keyId}\n` });
    expect(signatureFileSchema.parse(await readJsonFile(join(dir, 'v1.json.sig'))).keyId).toBe(keys.key.keyId);
    const verified = await cli(['verify', 'v1.json', '--key', keys.public], dir);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('list "test-list" version 1: Test list');
    expect(verified.stdout).toContain('2 entries');
  });

  it('verify refuses a changed list as a bad signature, exit 1', async () => {
    const dir = await workDir();
    const { keys, path } = await signedList(dir);
    await writeFile(path, (await readFile(path, 'utf8')).replace('rogue.example', 'rogue.exampl3'));
    const result = await inProcess(['verify', path, '--key', keys.public]);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `pharmacheck verify: ${path} is refused: bad-signature: the list: bad signature\n` });
  });

  it.each([
    ['another key', async (dir: string) => ['--key', (await keyFiles(dir, 'other')).public], 'wrong-key'],
    ['another list id', async () => ['--id', 'another-list'], 'wrong-id'],
    ['a version already in force', async () => ['--current', '1'], 'rollback'],
    ['a date after expiry', async () => ['--now', '2099-06-01T00:00:00Z'], 'expired'],
    ['a date before issue', async () => ['--now', '2025-01-01T00:00:00Z'], 'not-yet-valid'],
  ])('verify refuses a list for %s, with the reason', async (_what, flags, reason) => {
    const dir = await workDir();
    const { keys, path } = await signedList(dir);
    const extra = await flags(dir);
    const args = extra[0] === '--key' ? ['verify', path, ...extra] : ['verify', path, '--key', keys.public, ...extra];
    const result = await inProcess(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`is refused: ${reason}: `));
  });

  it('verify prints the result as JSON with --json, refused or not', async () => {
    const dir = await workDir();
    const { keys, path } = await signedList(dir);
    const ok = await inProcess(['verify', path, '--key', keys.public, '--json']);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, type: 'list', id: 'test-list', version: 1, entryCount: 2, keyId: keys.key.keyId });
    const refused = await inProcess(['verify', path, '--key', keys.public, '--json', '--current', '3']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, type: 'list', reason: 'rollback' });
  });

  it('verify checks a delta from its own "from" version, or from --current (a gap)', async () => {
    const dir = await workDir();
    const keys = await keyFiles(dir);
    const path = join(dir, 'delta-1-2.json');
    await writeFile(path, deltaBytes(diffLists(v1, v2)));
    expect((await inProcess(['sign', path, '--key', keys.secret])).code).toBe(0);
    const ok = await inProcess(['verify', path, '--key', keys.public]);
    expect(ok.stdout).toContain('delta for list "test-list" from version 1 to 2: 1 removed, 1 added');
    const asList = await inProcess(['verify', path, '--key', keys.public, '--type', 'list']);
    expect(asList).toMatchObject({ code: 1, stderr: expect.stringMatching(/refused: invalid: /) });
    const later = join(dir, 'delta-2-3.json');
    await writeFile(later, deltaBytes(diffLists(v2, { ...v2, version: 3 })));
    expect((await inProcess(['sign', later, '--key', keys.secret])).code).toBe(0);
    // The subscriber holds version 1: version 2 is missing, so the delta from 2 cannot apply.
    const gap = await inProcess(['verify', later, '--key', keys.public, '--current', '1']);
    expect(gap).toMatchObject({ code: 1, stderr: expect.stringMatching(/refused: delta-gap: the delta starts at version 2, but version 1 is in force/) });
  });

  it('verify checks a latest.json', async () => {
    const dir = await workDir();
    const keys = await keyFiles(dir);
    const path = join(dir, 'latest.json');
    const latest = { format: 1, type: 'latest', id: 'test-list', version: 2, issued: v2.issued, expires: v2.expires, list: 'v2.json', deltas: [{ from: 1, file: 'delta-1-2.json' }] };
    await writeFile(path, JSON.stringify(latest));
    expect((await inProcess(['sign', path, '--key', keys.secret])).code).toBe(0);
    const ok = await inProcess(['verify', path, '--key', keys.public, '--current', '2']);
    expect(ok.stdout).toContain('latest.json for list "test-list": version 2 in v2.json, deltas from version 1');
    expect((await inProcess(['verify', path, '--key', keys.public, '--current', '3'])).stderr).toMatch(/rollback/);
  });

  it('verify exits 3 when the signature file is missing', async () => {
    const dir = await workDir();
    const keys = await keyFiles(dir);
    const path = await writeList(join(dir, 'v1.json'), v1);
    expect(await inProcess(['verify', path, '--key', keys.public])).toMatchObject({ code: 3, stderr: expect.stringMatching(/cannot read .*v1\.json\.sig: no such file/) });
  });

  it('sign refuses, writing no signature, a file subscribers would refuse', async () => {
    const dir = await workDir();
    const keys = await keyFiles(dir);
    const cases = {
      'invalid.json': JSON.stringify({ ...v1, entries: [entry('co.uk')] }),
      'expired.json': serializeList(makeList({ issued: '2020-01-01T00:00:00Z', expires: '2021-01-01T00:00:00Z' })),
      'text.json': 'rogue.example\n',
    };
    for (const [name, content] of Object.entries(cases)) {
      const path = join(dir, name);
      await writeFile(path, content);
      const result = await inProcess(['sign', path, '--key', keys.secret]);
      expect(result.code, name).toBe(1);
      expect(result.stderr, name).toMatch(/not signed: subscribers would refuse this list: (invalid|expired|not-json): /);
      expect(await exists(`${path}.sig`), name).toBe(false);
    }
  });

  it('sign and verify refuse a key file of the wrong kind, or an inconsistent one', async () => {
    const dir = await workDir();
    const keys = await keyFiles(dir);
    const other = await keyFiles(dir, 'other');
    const path = await writeList(join(dir, 'v1.json'), v1);
    expect((await inProcess(['sign', path, '--key', keys.public])).stderr).toMatch(/is a public key file; signing needs the secret key file/);
    expect((await inProcess(['verify', path, '--key', keys.secret])).stderr).toMatch(/is a secret key file; give the public key file/);
    const mixed = join(dir, 'mixed.json');
    await writeFile(mixed, JSON.stringify({ ...keys.key, secretKey: other.key.secretKey }));
    expect(await inProcess(['sign', path, '--key', mixed])).toMatchObject({ code: 1, stderr: expect.stringMatching(/not a usable key file: the secret key does not belong/) });
    const garbage = join(dir, 'garbage.json');
    await writeFile(garbage, 'not json');
    expect((await inProcess(['sign', path, '--key', garbage])).code).toBe(1);
  });

  it('sign writes where --out says', async () => {
    const dir = await workDir();
    const keys = await keyFiles(dir);
    const path = await writeList(join(dir, 'v1.json'), v1);
    expect((await inProcess(['sign', path, '--key', keys.secret, '--out', join(dir, 'elsewhere.sig')])).code).toBe(0);
    expect((await inProcess(['verify', path, '--key', keys.public, '--sig', join(dir, 'elsewhere.sig')])).code).toBe(0);
  });
});
