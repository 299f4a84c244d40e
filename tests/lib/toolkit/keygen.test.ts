import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicKeySchema, secretKeySchema } from '../../../lib/signing';
import { CHILD_TIMEOUT_MS, cli, exists, readJsonFile, workDir } from './cli';

describe('pharmacheck keygen', { timeout: CHILD_TIMEOUT_MS }, () => {
  it('writes a secret key readable by its owner only, and the matching public key', async () => {
    const dir = await workDir();
    const result = await cli(['keygen', 'agency'], dir);
    expect(result.code).toBe(0);
    const secret = secretKeySchema.parse(await readJsonFile(join(dir, 'agency.secret-key.json')));
    const pub = publicKeySchema.parse(await readJsonFile(join(dir, 'agency.public-key.json')));
    expect((await stat(join(dir, 'agency.secret-key.json'))).mode & 0o777).toBe(0o600);
    expect(pub).toEqual({ format: 1, algorithm: 'ed25519', keyId: secret.keyId, publicKey: secret.publicKey });
    expect(secret.keyId).toBe(createHash('sha256').update(Buffer.from(secret.publicKey, 'base64')).digest('hex').slice(0, 16));
    expect(result.stdout).toContain(`key id ${secret.keyId}`);
  });

  it('names the files "pharmacheck" by default, or as --secret and --public say', async () => {
    const dir = await workDir();
    expect((await cli(['keygen'], dir)).code).toBe(0);
    expect(await exists(join(dir, 'pharmacheck.secret-key.json'))).toBe(true);
    expect((await cli(['keygen', '--secret', 'keys-s.json', '--public', 'keys-p.json'], dir)).code).toBe(0);
    expect(publicKeySchema.safeParse(await readJsonFile(join(dir, 'keys-p.json'))).success).toBe(true);
  });

  it('refuses to overwrite either file, and then writes neither', async () => {
    const dir = await workDir();
    await writeFile(join(dir, 'agency.public-key.json'), 'precious');
    const result = await cli(['keygen', 'agency'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pharmacheck keygen: agency.public-key.json already exists; keygen never overwrites a key (move it away or choose another name)\n');
    expect(await readFile(join(dir, 'agency.public-key.json'), 'utf8')).toBe('precious');
    expect(await exists(join(dir, 'agency.secret-key.json'))).toBe(false);
  });

  it('refuses a second run over the same key pair, leaving the first untouched', async () => {
    const dir = await workDir();
    await cli(['keygen', 'agency'], dir);
    const first = await readFile(join(dir, 'agency.secret-key.json'), 'utf8');
    expect((await cli(['keygen', 'agency'], dir)).code).toBe(1);
    expect(await readFile(join(dir, 'agency.secret-key.json'), 'utf8')).toBe(first);
  });

  it('refuses one file for both keys', async () => {
    const dir = await workDir();
    const result = await cli(['keygen', '--secret', 'k.json', '--public', './k.json'], dir);
    expect(result.code).toBe(1);
    expect(await exists(join(dir, 'k.json'))).toBe(false);
  });

  it('exits 3 when the folder cannot be written', async () => {
    const dir = await workDir();
    const result = await cli(['keygen', 'no/such/folder/agency'], dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/cannot write no\/such\/folder\/agency\.secret-key\.json: no such file or directory/);
  });
});
