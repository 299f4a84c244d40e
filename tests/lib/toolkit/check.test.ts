import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entry, makeAllowList, makeBlockList } from '../lists/fixtures';
import { CHILD_TIMEOUT_MS, cli, inProcess, keyFiles, workDir, writeList } from './cli';

const far = { expires: '2099-01-01T00:00:00Z' };
const authority = () => makeBlockList('authority-list', 'authority', ['rogue.example', 'both.example'], far);
const register = () => makeAllowList('register-list', ['pharmacy.example', 'both.example', 'mixed.example'], far);
const community = () => makeBlockList('community-list', 'community', ['mixed.example', 'old-spam.example'], far);

async function lists(dir: string): Promise<string[]> {
  return [
    '--list', await writeList(join(dir, 'authority.json'), authority()),
    '--list', await writeList(join(dir, 'register.json'), register()),
    '--list', await writeList(join(dir, 'community.json'), community()),
  ];
}

const verdictOf = async (url: string, args: string[]) => JSON.parse((await inProcess(['check', url, ...args, '--json'])).stdout);

describe('pharmacheck check', { timeout: CHILD_TIMEOUT_MS }, () => {
  it('says "listed" for a blocklisted site and its subdomains, with the entry and its evidence', async () => {
    const dir = await workDir();
    const args = await lists(dir);
    const result = await inProcess(['check', 'https://shop.rogue.example/cart?x=1', ...args]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('https://shop.rogue.example/cart?x=1: listed (a full-page warning before the site loads, red badge)');
    expect(result.stdout).toContain('host shop.rogue.example, registrable domain rogue.example');
    expect(result.stdout).toContain('1. Test list ("authority-list" version 1): authority blocklist by authority publisher (authority)');
    expect(result.stdout).toContain('entry rogue.example: illegal-pharmacy, added 2026-01-15');
    expect(result.stdout).toContain('evidence: Test authority, https://authority.example/case/1');
    expect(result.stdout).toContain('signatures not checked');
  });

  it('applies the precedence: authority blocklist, then register allowlist, then community blocklist', async () => {
    const dir = await workDir();
    const args = await lists(dir);
    const both = await verdictOf('both.example', args);
    expect(both.verdict).toBe('listed');
    expect(both.hits.map((h: { list: string; rank: number }) => [h.list, h.rank])).toEqual([
      ['authority-list', 3],
      ['register-list', 2],
    ]);
    const mixed = await verdictOf('https://mixed.example/', args);
    expect(mixed.verdict).toBe('verified');
    expect(mixed.hits.map((h: { list: string }) => h.list)).toEqual(['register-list', 'community-list']);
    expect((await verdictOf('old-spam.example', args)).verdict).toBe('listed');
    expect((await verdictOf('pharmacy.example', args)).verdict).toBe('verified');
    expect(await verdictOf('http://elsewhere.example/', args)).toEqual({ url: 'http://elsewhere.example/', host: 'elsewhere.example', verdict: 'unknown', hits: [] });
  });

  it('reads what a person types as the extension reads a URL', async () => {
    const dir = await workDir();
    const args = await lists(dir);
    for (const typed of ['ROGUE.example', 'rogue.example.', 'rogue.example:8080/x', 'http://user@www.rogue.example']) {
      expect((await verdictOf(typed, args)).verdict, typed).toBe('listed');
    }
  });

  it('refuses what is not a web address (exit 1)', async () => {
    const dir = await workDir();
    const args = await lists(dir);
    for (const url of ['mailto:x@rogue.example', 'javascript:alert(1)', 'file:///etc/passwd', '']) {
      expect((await inProcess(['check', url, ...args])).code, url).toBe(1);
    }
  });

  it('checks against a publish directory, verifying every file with --key (child process)', async () => {
    const dir = await workDir();
    const keys = await keyFiles(dir);
    await writeList(join(dir, 'authority.json'), authority());
    await writeList(join(dir, 'register.json'), register());
    expect((await cli(['publish', 'authority.json', '--key', keys.secret, '--out', 'site'], dir)).code).toBe(0);
    expect((await cli(['publish', 'register.json', '--key', keys.secret, '--out', 'site'], dir)).code).toBe(0);
    const result = await cli(['check', 'both.example', '--dir', 'site', '--key', keys.public], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^both\.example: listed/);
    expect(result.stdout).toContain(`(2 lists, signatures verified with key ${keys.key.keyId})`);
  });

  it('refuses a tampered file in a publish directory when given a key', async () => {
    const dir = await workDir();
    const keys = await keyFiles(dir);
    const file = await writeList(join(dir, 'authority.json'), authority());
    expect((await inProcess(['publish', file, '--key', keys.secret, '--out', join(dir, 'site')])).code).toBe(0);
    const listFile = join(dir, 'site', 'authority-list', 'v1.json');
    await writeFile(listFile, (await readFile(listFile, 'utf8')).replace('rogue.example', 'rogue.exampl3'));
    const result = await inProcess(['check', 'rogue.example', '--dir', join(dir, 'site'), '--key', keys.public]);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/v1\.json is refused: bad-signature/) });
    const other = await keyFiles(dir, 'other');
    expect(await inProcess(['check', 'rogue.example', '--dir', join(dir, 'site'), '--key', other.public])).toMatchObject({ code: 1, stderr: expect.stringMatching(/wrong-key/) });
  });

  it('refuses the same list twice, a directory with no list, and no lists at all', async () => {
    const dir = await workDir();
    const file = await writeList(join(dir, 'authority.json'), authority());
    expect(await inProcess(['check', 'x.example', '--list', file, '--list', file])).toMatchObject({ code: 1, stderr: expect.stringMatching(/given twice/) });
    expect(await inProcess(['check', 'x.example', '--dir', dir])).toMatchObject({ code: 1, stderr: expect.stringMatching(/holds no published list/) });
    expect((await inProcess(['check', 'x.example'])).code).toBe(2);
  });

  it('shows an entry note', async () => {
    const dir = await workDir();
    const file = await writeList(join(dir, 'a.json'), makeBlockList('a-list', 'authority', [], { ...far, entries: [entry('noted.example', { note: 'sells falsified insulin' })] }));
    expect((await inProcess(['check', 'noted.example', '--list', file])).stdout).toContain('note: sells falsified insulin');
  });
});
