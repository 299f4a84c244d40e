import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateKey } from '../../lib/signing';
import { loadSigningKey, signingKeyPath } from '../../server/src/signing-key';

const dir = () => mkdtempSync(join(tmpdir(), 'hub-key-'));

describe('the hub signing key', () => {
  it('is created on first start, readable by its owner only, and the same on the next start', async () => {
    const path = join(dir(), 'nested', 'signing-key.json');
    const first = await loadSigningKey(path);
    expect(first.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = await loadSigningKey(path);
    expect(again).toEqual({ key: first.key, created: false });
  });

  it('defaults to the data directory, and PHARMACHECK_HUB_SIGNING_KEY wins', () => {
    expect(signingKeyPath({ dataDir: '/data' })).toBe('/data/signing-key.json');
    expect(signingKeyPath({ dataDir: '/data', signingKeyPath: '/keys/authority.json' })).toBe('/keys/authority.json');
  });

  it('uses a key file written by the toolkit', async () => {
    const path = join(dir(), 'key.json');
    const key = await generateKey();
    writeFileSync(path, JSON.stringify(key));
    expect(await loadSigningKey(path)).toEqual({ key, created: false });
  });

  it.each([
    ['not JSON', () => 'not json', /is not JSON/],
    ['a public key file only', async () => JSON.stringify({ ...(await generateKey()), secretKey: undefined }), /not a secret key file/],
    ['a key id that does not match the key', async () => JSON.stringify({ ...(await generateKey()), keyId: '0000000000000000' }), /signing key/],
    ['another key\'s secret half', async () => JSON.stringify({ ...(await generateKey()), secretKey: (await generateKey()).secretKey }), /signing key/],
  ])('refuses %s, and never overwrites it', async (_name, content, message) => {
    const path = join(dir(), 'key.json');
    const text = await content();
    writeFileSync(path, text);
    await expect(loadSigningKey(path)).rejects.toThrow(message);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});
