/**
 * The directory of publishers the extension ships (data/directory/): it verifies with the pinned
 * keys shipped beside it, and it names no invented authority. There is no real authority key yet,
 * so it names no publisher at all; when real entries come, each must be an authority's or a
 * register's own key, and this test keeps test keys and example names out of the shipped file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Refused } from '../../lib/lists';
import { DIRECTORY_ASSETS, directoryRootSchema, shippedDirectory } from '../../lib/trust';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const read = (path: string) => readFileSync(`${DATA}${path}`, 'utf8');
const shipped = () => ({ root: directoryRootSchema.parse(JSON.parse(read(DIRECTORY_ASSETS.root))), text: read(DIRECTORY_ASSETS.directory), signature: read(DIRECTORY_ASSETS.signature) });
// The public keys of RFC 8032's test vectors (docs/list-format.md's examples use them).
const RFC_8032_TEST_KEYS = [
  'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
  '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
  'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
  '278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e',
  'ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf',
];
const hex = (base64: string) => Buffer.from(base64, 'base64').toString('hex');

describe('the shipped directory of publishers', () => {
  it('verifies with the pinned keys shipped beside it', async () => {
    const d = await shippedDirectory(shipped(), new Date('2030-01-01T00:00:00Z'));
    expect(d.id).toBe(shipped().root.id);
    expect(d.version).toBeGreaterThanOrEqual(1);
  });

  it('is refused once changed by one byte (the check can fail)', async () => {
    const s = shipped();
    const error = await shippedDirectory({ ...s, text: s.text.replace('"revoked": []', '"revoked": [ ]') }, new Date()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Refused);
  });

  it('names no invented authority: no test key, no example name, and no publisher until a real one gives its key', async () => {
    const d = await shippedDirectory(shipped(), new Date());
    const keys = [...d.publishers.flatMap((p) => p.keys.map((k) => k.publicKey)), ...shipped().root.keys.map((k) => k.publicKey)];
    expect(keys.map(hex).filter((k) => RFC_8032_TEST_KEYS.includes(k))).toEqual([]);
    expect(d.publishers.filter((p) => /test|example/i.test(`${p.id} ${p.name}`))).toEqual([]);
    expect(d.publishers).toEqual([]);
  });

  it('has no update address until the project serves one (the extension then polls nothing for it)', async () => {
    expect((await shippedDirectory(shipped(), new Date())).updateUrl).toBeUndefined();
  });
});
