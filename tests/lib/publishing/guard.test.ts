import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { servedDirectoryProblem } from '../../../lib/publishing';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'pharmacheck-guard-'));
  dirs.push(d);
  return d;
};

describe('a directory that is served to anyone', () => {
  it('may not hold a secret key, a private directory, or the working directory, nor be one of them', () => {
    const root = dir();
    const site = join(root, 'site');
    expect(servedDirectoryProblem(site, { secrets: [join(site, 'key.json')] })).toEqual({ holds: 'secret', path: join(site, 'key.json') });
    expect(servedDirectoryProblem(site, { privateDirectories: [site] })).toEqual({ holds: 'private-directory', path: site });
    expect(servedDirectoryProblem(root, { privateDirectories: [join(root, 'data', 'pgdata')] })).toMatchObject({ holds: 'private-directory' });
    expect(servedDirectoryProblem(site, { workingDirectory: root })).toBeNull();
    expect(servedDirectoryProblem(root, { workingDirectory: site })).toMatchObject({ holds: 'working-directory' });
    // Inside a private directory is fine: the directory does not hold it.
    expect(servedDirectoryProblem(join(root, 'data', 'lists'), { privateDirectories: [join(root, 'data')], secrets: [join(root, 'data', 'key.json')] })).toBeNull();
    // A sibling whose name starts the same is not inside.
    expect(servedDirectoryProblem(join(root, 'site'), { secrets: [join(root, 'site-keys', 'key.json')] })).toBeNull();
  });

  it('sees through symbolic links: a link to the key, or a served path that is a link to the key\'s folder', () => {
    const root = dir();
    mkdirSync(join(root, 'keys'));
    writeFileSync(join(root, 'keys', 'key.json'), '{}');
    symlinkSync(join(root, 'keys'), join(root, 'served'));
    expect(servedDirectoryProblem(join(root, 'served'), { secrets: [join(root, 'keys', 'key.json')] })).toMatchObject({ holds: 'secret' });
    expect(servedDirectoryProblem(join(root, 'keys'), { secrets: [join(root, 'served', 'key.json')] })).toMatchObject({ holds: 'secret' });
  });
});
