/**
 * docs/list-format.md is the format's specification for other tools, so its claims are checked
 * against the reference code: every worked example verifies, the tables name exactly the
 * categories, refusal reasons and limits the code has, and the domain examples say what
 * checkEntryDomain says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkEntryDomain } from '../../../lib/domain';
import {
  applyDelta,
  CATEGORIES,
  checkDelta,
  checkLatest,
  checkList,
  LIMITS,
  MAX_DELTA_CHANGES,
  publishIndexSchema,
  type RefusalReason,
} from '../../../lib/lists';
import { keyFileProblem, publicKeySchema, secretKeySchema } from '../../../lib/signing';

const doc = readFileSync(new URL('../../../docs/list-format.md', import.meta.url), 'utf8');
const files = new Map([...doc.matchAll(/<!-- file: (\S+) -->\n```json\n([\s\S]*?)\n```\n/g)].map((m) => [m[1]!, `${m[2]!}\n`]));
const bytes = (name: string) => new TextEncoder().encode(files.get(name));
const section = (title: string) => doc.slice(doc.indexOf(`## ${title}`), doc.indexOf('\n## ', doc.indexOf(`## ${title}`) + 3));
const NOW = new Date('2026-12-01T00:00:00Z');

describe('the worked example of docs/list-format.md', () => {
  const key = () => publicKeySchema.parse(JSON.parse(files.get('example.public-key.json')!));
  const expect_ = (currentVersion: number | null) => ({ id: 'example-agency', key: key(), currentVersion, now: NOW });

  it('shows every file of the example (section 18, the trust example, has its own test)', () => {
    expect([...files.keys()].filter((name) => !name.startsWith('trust/')).sort()).toEqual([
      'example-agency/delta-1-2.json',
      'example-agency/delta-1-2.json.sig',
      'example-agency/latest.json',
      'example-agency/latest.json.sig',
      'example-agency/v1.json',
      'example-agency/v1.json.sig',
      'example-agency/v2.json',
      'example-agency/v2.json.sig',
      'example.public-key.json',
      'example.secret-key.json',
      'index.json',
    ]);
  });

  it('has a consistent key pair, the RFC 8032 test key', async () => {
    const secret = secretKeySchema.parse(JSON.parse(files.get('example.secret-key.json')!));
    expect(await keyFileProblem(secret)).toBeNull();
    expect(Buffer.from(secret.publicKey, 'base64').toString('hex')).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    expect(secret.keyId).toBe(key().keyId);
  });

  it('has lists, a delta and a latest.json that verify, and a delta that makes version 2', async () => {
    const sig = (name: string) => files.get(`${name}.sig`)!;
    const v1 = await checkList(bytes('example-agency/v1.json'), sig('example-agency/v1.json'), expect_(null));
    const v2 = await checkList(bytes('example-agency/v2.json'), sig('example-agency/v2.json'), expect_(1));
    const delta = await checkDelta(bytes('example-agency/delta-1-2.json'), sig('example-agency/delta-1-2.json'), expect_(1));
    const latest = await checkLatest(bytes('example-agency/latest.json'), sig('example-agency/latest.json'), expect_(1));
    expect(latest).toMatchObject({ version: 2, list: 'v2.json', deltas: [{ from: 1, file: 'delta-1-2.json' }] });
    const sorted = <T extends { domain: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.domain < b.domain ? -1 : 1));
    expect(sorted(applyDelta(v1.entries, delta))).toEqual(sorted(v2.entries));
    const { entries: _entries, ...meta } = v2;
    expect(delta.meta).toEqual(meta);
  });

  it('has an index.json that the index schema accepts', () => {
    expect(publishIndexSchema.parse(JSON.parse(files.get('index.json')!)).lists[0]).toMatchObject({ id: 'example-agency', version: 2, keyId: key().keyId });
  });
});

describe('the tables of docs/list-format.md', () => {
  it('name exactly the categories of the schema', () => {
    const named = [...section('3. Entries and categories').matchAll(/^\| `([a-z-]+)` \| (block|allow) \|/gm)].map((m) => m[1]);
    expect(named).toEqual([...CATEGORIES]);
  });

  it('name every refusal reason of the download checks', () => {
    const reasons: RefusalReason[] = ['too-large', 'bad-signature-file', 'wrong-key', 'bad-signature', 'not-utf8', 'not-json', 'invalid', 'wrong-id', 'rollback', 'delta-gap', 'expired', 'not-yet-valid', 'delta-mismatch'];
    const text = section('11. How a subscriber checks a download');
    for (const reason of reasons) expect(text).toContain(`\`${reason}\``);
  });

  it('give the limits of the code', () => {
    const text = section('12. Size limits');
    expect(text).toContain(`a list file | ${LIMITS.listBytes.toLocaleString('en')} bytes`);
    expect(text).toContain(`a delta file | ${LIMITS.deltaBytes.toLocaleString('en')} bytes`);
    expect(text).toContain(`a \`latest.json\` | ${LIMITS.latestBytes.toLocaleString('en')} bytes`);
    expect(text).toContain(`a \`.sig\` file | ${LIMITS.signatureBytes.toLocaleString('en')} characters`);
    expect(text).toContain(`in a delta | ${MAX_DELTA_CHANGES.toLocaleString('en')} each`);
  });

  it('say of each domain example what checkEntryDomain says', () => {
    const rows = [...section('4. Domains').matchAll(/^\| (`.+`) \| (valid|refused: [a-zA-Z ]+)/gm)];
    expect(rows.length).toBeGreaterThan(5);
    for (const [, written, result] of rows) {
      for (const [, domain] of written!.matchAll(/`([^`]+)`/g)) {
        const check = checkEntryDomain(domain!);
        const verdict = !check.ok ? `refused: ${check.problem}` : check.domain === domain ? 'valid' : 'refused: not canonical';
        const expected = result!.replace('public suffix', 'public-suffix').replace('IP address', 'ip-address').replace('not a domain', 'not-a-domain').trim();
        expect(verdict, domain).toBe(expected);
      }
    }
  });
});
