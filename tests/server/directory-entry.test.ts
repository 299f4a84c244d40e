/** `npm run hub -- directory-entry`: the hub's entry for the directory of publishers, from its signing key. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { generateKey, publicPart } from '../../lib/signing';
import { directoryPublisherSchema } from '../../lib/trust';
import { clockEnv } from './support/clock-env';

const CLI = resolve(import.meta.dirname, '../../server/src/cli/index.ts');
const run = promisify(execFile);
const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function hub(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, 'directory-entry', ...args], { env: { PATH: process.env.PATH, ...clockEnv(), ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function withKey() {
  const dir = await mkdtemp(join(tmpdir(), 'hub-directory-entry-'));
  dirs.push(dir);
  const key = await generateKey();
  const path = join(dir, 'signing-key.json');
  await writeFile(path, JSON.stringify(key), { mode: 0o600 });
  return { dir, key, env: { PHARMACHECK_HUB_DATA_DIR: dir, PHARMACHECK_HUB_SIGNING_KEY: path } };
}

describe('the hub’s directory-entry command', () => {
  it('prints an entry holding the hub’s public key, never its secret', async () => {
    const { key, env } = await withKey();
    const result = await hub(env, '--id', 'fr-ansm', '--name', 'ANSM', '--country', 'FR', '--list', 'fr-ansm-illegal', '--list', 'fr-ansm-spam', '--website', 'https://ansm.example/');
    expect(result.code, result.stderr).toBe(0);
    const entry = directoryPublisherSchema.parse(JSON.parse(result.stdout));
    expect(entry).toEqual({
      id: 'fr-ansm', name: 'ANSM', type: 'authority', country: 'FR', website: 'https://ansm.example/',
      lists: [{ id: 'fr-ansm-illegal' }, { id: 'fr-ansm-spam' }],
      keys: [{ keyId: key.keyId, publicKey: publicPart(key).publicKey }],
    });
    expect(result.stdout).not.toContain(key.secretKey);
  }, 60_000);

  it('names the option at fault, exit 2, and creates no key when there is none', async () => {
    const { env, dir } = await withKey();
    const wrong = await hub(env, '--id', 'fr-ansm', '--name', 'ANSM', '--country', 'France', '--list', 'fr-ansm-illegal');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--country:');
    const noList = await hub(env, '--id', 'fr-ansm', '--name', 'ANSM', '--country', 'FR', '--type', 'community');
    expect(noList.code).toBe(2);
    expect(noList.stderr).toMatch(/--type:[\s\S]*--list:/);
    const missing = await hub({ PHARMACHECK_HUB_DATA_DIR: join(dir, 'empty') }, '--id', 'x', '--name', 'X', '--country', 'FR', '--list', 'x');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no signing key at .*signing-key\.json: start the hub once/);
  }, 60_000);
});
