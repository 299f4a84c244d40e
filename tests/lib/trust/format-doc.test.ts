/**
 * Sections 15 to 18 of docs/list-format.md specify the trust formats for other tools, so their
 * worked example is checked against the reference code: every file verifies, the entry is what the
 * toolkit makes, the rotation is followed before the revocation and refused after, and the
 * vouches come out as the text says. The tables name the code's refusal reasons and limits.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS, Refused, type Subscription } from '../../../lib/lists';
import { MAX_SIGNATURES, SIGNATURES_MAX_CHARS } from '../../../lib/signing';
import {
  checkDirectory,
  checkDirectoryLatest,
  checkRotation,
  directoryEntry,
  directoryPublisherSchema,
  directoryRootSchema,
  keyIsItsId,
  revocationOf,
  trustFileText,
  TRUST_LIMITS,
  vouchFor,
  type Directory,
} from '../../../lib/trust';
import { newSubscription } from '../../../lib/updater';

const doc = readFileSync(new URL('../../../docs/list-format.md', import.meta.url), 'utf8');
const files = new Map([...doc.matchAll(/<!-- file: (trust\/\S+) -->\n```json\n([\s\S]*?)\n```\n/g)].map((m) => [m[1]!, `${m[2]!}\n`]));
const text = (name: string) => files.get(name)!;
const bytes = (name: string) => new TextEncoder().encode(text(name));
function section(n: number): string {
  const start = doc.indexOf(`\n## ${n}. `);
  if (start < 0) throw new Error(`docs/list-format.md has no section ${n}`);
  const end = doc.indexOf('\n## ', start + 4);
  return doc.slice(start, end < 0 ? undefined : end);
}
const root = () => directoryRootSchema.parse(JSON.parse(text('trust/root.json')));
const ROTATION = 'trust/example-volunteers/rotation-39f713d0a644253f.json';
const OLD_KEY = { format: 1 as const, algorithm: 'ed25519' as const, keyId: '39f713d0a644253f', publicKey: 'PUAXw+hDiVqStwqnTRt+vJyYLM8uxJaMwM1V8Sr0Zgw=' };

async function outcome(check: Promise<unknown>): Promise<string> {
  try {
    await check;
    return 'ok';
  } catch (error) {
    if (error instanceof Refused) return error.reason;
    throw error;
  }
}

describe('the worked example of docs/list-format.md, section 18', () => {
  it('shows every file of the example', () => {
    expect([...files.keys()].sort()).toEqual([
      'trust/directory/latest.json',
      'trust/directory/latest.json.sig',
      'trust/directory/v1.json',
      'trust/directory/v1.json.sig',
      'trust/directory/v2.json',
      'trust/directory/v2.json.sig',
      'trust/example-agency.entry.json',
      ROTATION,
      `${ROTATION}.sig`,
      'trust/root.json',
    ]);
  });

  it('pins RFC 8032’s "SHA(abc)" test key, whose id is its own', async () => {
    const [key] = root().keys;
    expect(Buffer.from(key!.publicKey, 'base64').toString('hex')).toBe('ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf');
    expect(await keyIsItsId(key!)).toBe(true);
  });

  it('has the entry the toolkit makes from the agency’s key and options', () => {
    const entry = directoryPublisherSchema.parse(JSON.parse(text('trust/example-agency.entry.json')));
    const made = directoryEntry({ id: 'example-agency', name: 'Example Medicines Agency', type: 'authority', country: 'FR', website: 'https://agency.example/', lists: [{ id: 'example-agency', url: 'https://lists.agency.example/example-agency/latest.json' }], keys: entry.keys });
    expect(trustFileText(made)).toBe(text('trust/example-agency.entry.json'));
  });

  it('has directories and a latest.json that verify with the pinned key, version 1 then 2, never back', async () => {
    const now = new Date('2026-12-12T00:00:00Z');
    const v1 = await checkDirectory(bytes('trust/directory/v1.json'), text('trust/directory/v1.json.sig'), { root: root(), currentVersion: null, now });
    const v2 = await checkDirectory(bytes('trust/directory/v2.json'), text('trust/directory/v2.json.sig'), { root: root(), currentVersion: 1, now });
    expect(v2.publishers).toEqual(v1.publishers);
    expect(await checkDirectoryLatest(bytes('trust/directory/latest.json'), text('trust/directory/latest.json.sig'), { root: root(), currentVersion: 1, now })).toMatchObject({ version: 2, list: 'v2.json' });
    expect(await outcome(checkDirectory(bytes('trust/directory/v1.json'), text('trust/directory/v1.json.sig'), { root: root(), currentVersion: 2, now }))).toBe('rollback');
  });

  it('has a rotation that a subscriber on the old key follows before the revocation, and refuses after it', async () => {
    const v2 = (await checkDirectory(bytes('trust/directory/v2.json'), text('trust/directory/v2.json.sig'), { root: root(), currentVersion: null, now: new Date('2026-12-12T00:00:00Z') })) as Directory;
    const expect_ = (revoked: Directory | null) => ({ id: 'example-volunteers', current: OLD_KEY, left: [], lastIssued: null, revoked: (id: string) => revocationOf(revoked, id), now: new Date('2026-12-05T00:00:00Z') });
    const rotation = await checkRotation(bytes(ROTATION), text(`${ROTATION}.sig`), expect_(null));
    expect(rotation).toMatchObject({ to: { keyId: 'dac073e0123bdea5' }, rollover: '2026-12-18T09:00:00Z' });
    expect(Buffer.from(OLD_KEY.publicKey, 'base64').toString('hex')).toBe('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c');
    expect(Buffer.from(rotation.to.publicKey, 'base64').toString('hex')).toBe('fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025');
    expect(await outcome(checkRotation(bytes(ROTATION), text(`${ROTATION}.sig`), expect_(v2)))).toBe('revoked-key');
  });

  it('gives the vouches the text says: the agency by the directory, the volunteers kept or undone by when they followed', async () => {
    const v1 = JSON.parse(text('trust/directory/v1.json')) as Directory;
    const v2 = JSON.parse(text('trust/directory/v2.json')) as Directory;
    const agency = { ...newSubscription('example-agency', 'https://lists.agency.example/example-agency/latest.json', { format: 1, algorithm: 'ed25519', ...v1.publishers[0]!.keys[0]! }, 'person', new Date('2026-12-01T00:00:00Z')) };
    expect(vouchFor(agency, v1)).toMatchObject({ by: 'directory', publisher: { id: 'example-agency', type: 'authority', country: 'FR' } });
    const followed = (at: string): Subscription => ({
      ...newSubscription('example-volunteers', 'https://volunteers.example/example-volunteers/latest.json', { format: 1, algorithm: 'ed25519', keyId: 'dac073e0123bdea5', publicKey: '/FHNjmIYoaONpH7QAjDwWAgW7RO6MwOsXeuRFUiQgCU=' }, 'person', new Date('2026-11-01T00:00:00Z')),
      keyHistory: [{ key: OLD_KEY, until: '2026-12-18T09:00:00Z', issued: '2026-12-04T09:00:00Z', followedAt: at }],
    });
    expect(vouchFor(followed('2026-12-05T08:00:00.000Z'), v2)).toEqual({ by: 'person' });
    expect(vouchFor(followed('2026-12-10T08:00:00.000Z'), v2)).toMatchObject({ by: 'revoked', keyId: '39f713d0a644253f' });
  });
});

describe('the trust sections of docs/list-format.md', () => {
  it('name every trust refusal reason', () => {
    const text11 = section(11);
    const trust = `${section(15)}${section(16)}${section(17)}`;
    for (const reason of ['threshold', 'revoked-key', 'retired-key', 'rotation-loop', 'rotation-replay', 'not-directory-key']) {
      expect(text11, reason).toContain(`\`${reason}\``);
      if (reason !== 'not-directory-key' && reason !== 'retired-key') expect(trust, reason).toContain(`\`${reason}\``);
    }
  });

  it('give the limits of the code', () => {
    const limits = section(12);
    expect(limits).toContain(`a directory of publishers | ${TRUST_LIMITS.directoryBytes.toLocaleString('en')} bytes`);
    expect(limits).toContain(`\`.sig\` | ${SIGNATURES_MAX_CHARS.toLocaleString('en')} characters, at most ${MAX_SIGNATURES} signatures`);
    expect(limits).toContain(`a rotation statement | ${TRUST_LIMITS.rotationBytes.toLocaleString('en')} bytes`);
    expect(limits).toContain(`rotation statements followed in one update | ${TRUST_LIMITS.rotationHops}`);
    expect(LIMITS.latestBytes).toBe(64 * 1024);
  });
});
