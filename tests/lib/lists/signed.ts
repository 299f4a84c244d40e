/** Signed files for tests of the download checks: small, valid, with a fixed clock. */
import { deltaBytes, diffLists, serializeList, type Latest, type List } from '../../../lib/lists';
import { sign, signatureText, type SecretKeyFile } from '../../../lib/signing';
import { entry, makeList } from './fixtures';

/** Inside the fixtures' validity (issued 2026-01-15, expires 2027-01-15). */
export const NOW = new Date('2026-06-01T00:00:00Z');

export const encode = (text: string) => new TextEncoder().encode(text);

export interface SignedFile {
  readonly bytes: Uint8Array;
  readonly signature: string;
}

export async function signed(bytes: Uint8Array, key: SecretKeyFile): Promise<SignedFile> {
  return { bytes, signature: signatureText(await sign(bytes, key)) };
}

export const version1 = (overrides: Partial<List> = {}) => makeList({ version: 1, ...overrides });
export const version2 = (overrides: Partial<List> = {}) =>
  makeList({ version: 2, entries: [entry('rogue.example'), entry('new-shop.example')], ...overrides });

export const listBytes = (list: List) => encode(serializeList(list));
export const deltaFile = (from: List, to: List) => deltaBytes(diffLists(from, to));

export function latestFor(list: List, deltasFrom: readonly number[] = []): Latest {
  return {
    format: 1,
    type: 'latest',
    id: list.id,
    version: list.version,
    issued: list.issued,
    expires: list.expires,
    list: `v${list.version}.json`,
    deltas: deltasFrom.map((from) => ({ from, file: `delta-${from}-${list.version}.json` })),
  };
}

export const latestBytes = (latest: Latest) => encode(`${JSON.stringify(latest, null, 1)}\n`);

/** Every single-byte change of interest at a position: the lowest bit, the highest, all bits. */
export const FLIPS = [0x01, 0x80, 0xff] as const;
