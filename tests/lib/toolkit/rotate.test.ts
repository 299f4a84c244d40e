/** `pharmacheck rotate`: statements that subscribers follow, and every way to get one wrong. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicPart } from '../../../lib/signing';
import { checkRotation, rotationFileName } from '../../../lib/trust';
import { EXIT } from '../../../lib/toolkit';
import { makeList } from '../lists/fixtures';
import { CHILD_TIMEOUT_MS, cli, exists, inProcess, keyFiles, snapshot, TEST_NOW, workDir, writeList } from './cli';

/** A publish directory with two lists signed by the current key and one by another key. */
async function published() {
  const dir = await workDir();
  const current = await keyFiles(dir, 'current');
  const next = await keyFiles(dir, 'next');
  const other = await keyFiles(dir, 'other');
  const site = join(dir, 'site');
  for (const [id, key] of [['alpha-list', current], ['beta-list', current], ['gamma-list', other]] as const) {
    const file = await writeList(join(dir, `${id}.json`), makeList({ id, expires: '2099-01-01T00:00:00Z' }));
    expect((await inProcess(['publish', file, '--key', key.secret, '--out', site])).code).toBe(0);
  }
  return { dir, site, current, next, other };
}

const statementOf = async (site: string, id: string, keyId: string) => {
  const path = join(site, id, rotationFileName(keyId));
  return { bytes: new Uint8Array(await readFile(path)), signature: await readFile(`${path}.sig`, 'utf8') };
};

describe('pharmacheck rotate', { timeout: CHILD_TIMEOUT_MS }, () => {
  it('writes a statement for every list the current key signs, which a subscriber on that key accepts', async () => {
    const p = await published();
    const result = await inProcess(['rotate', '--key', p.current.secret, '--next', p.next.public, '--dir', p.site, '--days', '7']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`key ${p.current.key.keyId} hands 2 lists over to ${p.next.key.keyId}; files signed by ${p.current.key.keyId} are accepted until 2026-11-22T12:00:00Z`);
    for (const id of ['alpha-list', 'beta-list']) {
      const s = await statementOf(p.site, id, p.current.key.keyId);
      const r = await checkRotation(s.bytes, s.signature, { id, current: publicPart(p.current.key), left: [], lastIssued: null, revoked: () => undefined, now: TEST_NOW });
      expect(r).toMatchObject({ from: p.current.key.keyId, to: { keyId: p.next.key.keyId }, issued: '2026-11-15T12:00:00Z', rollover: '2026-11-22T12:00:00Z' });
    }
    expect(await exists(join(p.site, 'gamma-list', rotationFileName(p.current.key.keyId)))).toBe(false);
  });

  it('hands over only the lists named with --list, at once with --days 0', async () => {
    const p = await published();
    expect((await inProcess(['rotate', '--key', p.current.secret, '--next', p.next.public, '--dir', p.site, '--list', 'beta-list', '--days', '0'])).code).toBe(0);
    expect(await exists(join(p.site, 'alpha-list', rotationFileName(p.current.key.keyId)))).toBe(false);
    const s = await statementOf(p.site, 'beta-list', p.current.key.keyId);
    expect(JSON.parse(new TextDecoder().decode(s.bytes))).toMatchObject({ issued: '2026-11-15T12:00:00Z', rollover: '2026-11-15T12:00:00Z' });
  });

  it('lets the publisher publish with the next key afterwards, keeping the statement', async () => {
    const p = await published();
    await inProcess(['rotate', '--key', p.current.secret, '--next', p.next.public, '--dir', p.site, '--list', 'alpha-list']);
    const v2 = await writeList(join(p.dir, 'alpha-v2.json'), makeList({ id: 'alpha-list', version: 2, expires: '2099-01-01T00:00:00Z' }));
    expect((await inProcess(['publish', v2, '--key', p.next.secret, '--out', p.site])).code).toBe(0);
    expect(await exists(join(p.site, 'alpha-list', rotationFileName(p.current.key.keyId)))).toBe(true);
    expect(JSON.parse(await readFile(join(p.site, 'alpha-list', 'latest.json.sig'), 'utf8')).keyId).toBe(p.next.key.keyId);
  });

  it('is idempotent, and refuses a second statement of the same key naming another key', async () => {
    const p = await published();
    const args = ['rotate', '--key', p.current.secret, '--dir', p.site, '--list', 'alpha-list'];
    expect((await inProcess([...args, '--next', p.next.public])).code).toBe(0);
    const before = await snapshot(p.site);
    expect(await inProcess([...args, '--next', p.next.public])).toMatchObject({ code: 0, stdout: expect.stringContaining('already written') });
    const fork = await inProcess([...args, '--next', p.other.public]);
    expect(fork).toMatchObject({ code: EXIT.refused, stderr: expect.stringMatching(/a key hands a list over once/) });
    expect(await snapshot(p.site)).toEqual(before);
  });

  it.each<[string, (p: Awaited<ReturnType<typeof published>>) => string[], number, RegExp]>([
    ['the current key as the next one', (p) => ['--key', p.current.secret, '--next', p.current.public, '--dir', p.site], EXIT.refused, /cannot roll over to itself/],
    ['a secret key as the next one', (p) => ['--key', p.current.secret, '--next', p.next.secret, '--dir', p.site], EXIT.refused, /is a secret key file/],
    ['a public key to sign with', (p) => ['--key', p.current.public, '--next', p.next.public, '--dir', p.site], EXIT.refused, /is a public key file/],
    ['a key that signs no list there', (p) => ['--key', p.next.secret, '--next', p.other.public, '--dir', p.site], EXIT.refused, /nothing to hand over/],
    ['a rollover that is no time', (p) => ['--key', p.current.secret, '--next', p.next.public, '--dir', p.site, '--rollover', 'soon'], EXIT.usage, /--rollover takes an ISO time/],
    ['a rollover before now', (p) => ['--key', p.current.secret, '--next', p.next.public, '--dir', p.site, '--rollover', '2026-01-01T00:00:00Z'], EXIT.refused, /rollover cannot be before/],
    ['no --dir', (p) => ['--key', p.current.secret, '--next', p.next.public], EXIT.usage, /--dir is required/],
  ])('refuses %s', async (_what, args, code, message) => {
    const p = await published();
    const before = await snapshot(p.site);
    const result = await inProcess(['rotate', ...args(p)]);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(await snapshot(p.site)).toEqual(before);
  });

  it('refuses a file in the way that is not a statement', async () => {
    const p = await published();
    await writeFile(join(p.site, 'alpha-list', rotationFileName(p.current.key.keyId)), 'not json');
    const result = await inProcess(['rotate', '--key', p.current.secret, '--next', p.next.public, '--dir', p.site, '--list', 'alpha-list']);
    expect(result).toMatchObject({ code: EXIT.refused, stderr: expect.stringMatching(/is not a rotation statement/) });
  });

  it('prints its help and exits 3 on a directory it cannot read, as a child process', async () => {
    const dir = await workDir();
    const keys = await keyFiles(dir, 'k');
    const next = await keyFiles(dir, 'n');
    expect(await cli(['rotate', '--help'], dir)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: pharmacheck rotate/) });
    expect(await cli(['rotate', '--key', keys.secret, '--next', next.public, '--dir', 'missing'], dir)).toMatchObject({ code: EXIT.io, stderr: expect.stringMatching(/cannot read missing/) });
  });
});
