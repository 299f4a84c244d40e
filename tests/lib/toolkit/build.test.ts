import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSchema, serializeList } from '../../../lib/lists';
import { CHILD_TIMEOUT_MS, cli, exists, inProcess, META, readJsonFile, workDir, writeList } from './cli';
import { entry, makeList } from '../lists/fixtures';

const FUTURE = ['--issued', '2026-11-01T00:00:00Z', '--expires', '2099-01-01T00:00:00Z'];

async function input(dir: string, name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('pharmacheck build', { timeout: CHILD_TIMEOUT_MS }, () => {
  it('reports every bad line by number and reason, and writes nothing (child process)', async () => {
    const dir = await workDir();
    await writeFile(join(dir, 'domains.txt'), '# agency list\nrogue.example\nco.uk\n1.2.3.4\nnot a domain\nrogue.example\npills.example\n');
    const result = await cli(['build', 'domains.txt', '--out', 'list.json', '--version', '1', ...META], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        'domains.txt: 4 bad lines',
        'line 3: public-suffix: co.uk',
        'line 4: ip-address: 1.2.3.4',
        'line 5: not-a-domain: not a domain',
        'line 6: duplicate: rogue.example',
        'pharmacheck build: nothing written: fix the lines above, or leave them out with --skip-bad-lines',
        '',
      ].join('\n'),
    );
    expect(await exists(join(dir, 'list.json'))).toBe(false);
  });

  it('leaves an existing output file as it was when a line is bad', async () => {
    const dir = await workDir();
    const out = join(dir, 'list.json');
    await writeFile(out, 'the previous build');
    const result = await inProcess(['build', await input(dir, 'd.txt', 'rogue.example\nblogspot.com\n'), '--out', out, '--version', '2', ...META]);
    expect(result.code).toBe(1);
    expect(await readFile(out, 'utf8')).toBe('the previous build');
  });

  it('with --skip-bad-lines, still reports them, leaves them out, and writes the list', async () => {
    const dir = await workDir();
    const out = join(dir, 'list.json');
    const result = await inProcess(['build', await input(dir, 'd.txt', 'rogue.example\nco.uk\n'), '--out', out, '--version', '1', '--skip-bad-lines', ...META, ...FUTURE]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('line 2: public-suffix: co.uk');
    expect(result.stdout).toContain('1 entries (1 bad line left out)');
    expect(listSchema.parse(await readJsonFile(out)).entries.map((e) => e.domain)).toEqual(['rogue.example']);
  });

  it('writes a valid list, entries sorted by domain and canonical, in the serialized form', async () => {
    const dir = await workDir();
    const out = join(dir, 'list.json');
    const text = 'zeta.example\nBücher.de\nalpha.example.\n';
    const result = await inProcess(['build', await input(dir, 'd.txt', text), '--out', out, '--version', '3', ...META, ...FUTURE, '--reference', 'decision 12', '--country', 'FR']);
    expect(result.code).toBe(0);
    const list = listSchema.parse(await readJsonFile(out));
    expect(list.entries.map((e) => e.domain)).toEqual(['alpha.example', 'xn--bcher-kva.de', 'zeta.example']);
    expect(list).toMatchObject({ format: 1, id: 'test-list', version: 3, kind: 'block', publisher: { name: 'Test agency', type: 'authority', country: 'FR' } });
    expect(list.entries[0]).toEqual({ domain: 'alpha.example', category: 'illegal-pharmacy', added: '2026-11-01', evidence: { source: 'Test agency', reference: 'decision 12' } });
    expect(await readFile(out, 'utf8')).toBe(serializeList(list));
  });

  it('reads CSV with a header, reporting bad fields by line', async () => {
    const dir = await workDir();
    const out = join(dir, 'list.json');
    const csv = 'domain,category,added,source,reference,note\nrogue.example,falsified-medicines,2026-03-01,Customs,"case 4, seizure",\npills.example,not-a-category,,,,\n';
    const bad = await inProcess(['build', await input(dir, 'list.csv', csv), '--out', out, '--version', '1', ...META, ...FUTURE]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^line 3: invalid: category: /m);
    const good = await inProcess(['build', await input(dir, 'list2.csv', csv.split('\n').slice(0, 2).join('\n')), '--out', out, '--version', '1', ...META, ...FUTURE]);
    expect(good.code).toBe(0);
    expect(listSchema.parse(await readJsonFile(out)).entries).toEqual([
      { domain: 'rogue.example', category: 'falsified-medicines', added: '2026-03-01', evidence: { source: 'Customs', reference: 'case 4, seizure' } },
    ]);
  });

  it('reads a JSON array, and names the line of a bad element', async () => {
    const dir = await workDir();
    const json = '[\n "rogue.example",\n {"domain": "pills.example", "note": "n"},\n {"domain": "github.io"}\n]\n';
    const result = await inProcess(['build', await input(dir, 'list.json', json), '--out', join(dir, 'out.json'), '--version', '1', ...META, ...FUTURE]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 4: public-suffix: github.io');
  });

  it('takes --format over the file extension', async () => {
    const dir = await workDir();
    const out = join(dir, 'out.json');
    const result = await inProcess(['build', await input(dir, 'list.txt', '["rogue.example"]'), '--format', 'json', '--out', out, '--version', '1', ...META, ...FUTURE]);
    expect(result.code).toBe(0);
    expect(listSchema.parse(await readJsonFile(out)).entries.map((e) => e.domain)).toEqual(['rogue.example']);
  });

  it('refuses a whole input it cannot read as its format, writing nothing', async () => {
    const dir = await workDir();
    const out = join(dir, 'out.json');
    const csv = await inProcess(['build', await input(dir, 'list.csv', 'host\nrogue.example\n'), '--out', out, '--version', '1', ...META, ...FUTURE]);
    expect(csv.code).toBe(1);
    expect(csv.stderr).toMatch(/line 1: invalid: the header has no "domain" column; nothing written/);
    const json = await inProcess(['build', await input(dir, 'list.json', '{"domains": []}'), '--out', out, '--version', '1', ...META, ...FUTURE]);
    expect(json.code).toBe(1);
    expect(await exists(out)).toBe(false);
    await writeFile(join(dir, 'raw.txt'), Buffer.from([0x72, 0xff, 0x0a]));
    const notUtf8 = await inProcess(['build', join(dir, 'raw.txt'), '--out', out, '--version', '1', ...META, ...FUTURE]);
    expect(notUtf8).toMatchObject({ code: 1, stderr: expect.stringMatching(/is not UTF-8 text/) });
  });

  describe('with --previous', () => {
    const previous = () =>
      makeList({
        version: 4,
        issued: '2026-10-01T00:00:00Z',
        expires: '2099-01-01T00:00:00Z',
        publisher: { name: 'Test agency', type: 'authority' },
        entries: [entry('old.example', { added: '2025-05-05' }), entry('rogue.example', { added: '2025-06-06', note: 'kept' })],
      });

    it('is the next version, with the previous metadata, keeping unchanged entries as they were', async () => {
      const dir = await workDir();
      const prev = await writeList(join(dir, 'v4.json'), previous());
      const out = join(dir, 'v5.json');
      const result = await inProcess(['build', await input(dir, 'd.txt', 'rogue.example\nnew.example\n'), '--previous', prev, '--out', out, '--issued', '2026-11-01T00:00:00Z']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('since version 4: 1 added, 1 removed, 0 changed');
      const list = listSchema.parse(await readJsonFile(out));
      expect(list).toMatchObject({ id: 'test-list', name: 'Test list', version: 5, kind: 'block', publisher: previous().publisher });
      expect(list.entries).toEqual([
        entry('new.example', { added: '2026-11-01', evidence: { source: 'Test agency' } }),
        previous().entries[1],
      ]);
    });

    it('keeps the previous validity period unless told otherwise', async () => {
      const dir = await workDir();
      const prev = await writeList(join(dir, 'v4.json'), makeList({ version: 4, issued: '2026-11-01T00:00:00Z', expires: '2026-12-01T00:00:00Z', entries: [] }));
      const out = join(dir, 'v5.json');
      expect((await inProcess(['build', await input(dir, 'd.txt', 'a.example\n'), '--previous', prev, '--out', out, '--issued', '2026-11-20T00:00:00Z'])).code).toBe(0);
      expect(listSchema.parse(await readJsonFile(out)).expires).toBe('2026-12-20T00:00:00Z');
    });

    it('refuses a version that does not follow it, and another list', async () => {
      const dir = await workDir();
      const prev = await writeList(join(dir, 'v4.json'), previous());
      const d = await input(dir, 'd.txt', 'a.example\n');
      const older = await inProcess(['build', d, '--previous', prev, '--version', '4', '--out', join(dir, 'x.json')]);
      expect(older).toMatchObject({ code: 1, stderr: expect.stringMatching(/version 4 does not follow the previous version 4/) });
      const other = await inProcess(['build', d, '--previous', prev, '--id', 'other-list', '--out', join(dir, 'x.json')]);
      expect(other).toMatchObject({ code: 1, stderr: expect.stringMatching(/--previous is list "test-list"/) });
    });
  });

  it('takes metadata from a file, flags winning', async () => {
    const dir = await workDir();
    const meta = join(dir, 'meta.json');
    await writeFile(
      meta,
      JSON.stringify({
        id: 'register-fr',
        name: 'Authorised pharmacies',
        kind: 'allow',
        publisher: { name: 'Register', type: 'register', country: 'FR', website: 'https://register.example/' },
        validDays: 30,
        updateIntervalMinutes: 60,
        defaults: { source: 'National register' },
      }),
    );
    const out = join(dir, 'out.json');
    const result = await inProcess(['build', await input(dir, 'd.txt', 'pharmacie.example\n'), '--meta', meta, '--name', 'Registered pharmacies', '--version', '1', '--issued', '2026-11-01T00:00:00Z', '--out', out]);
    expect(result.code).toBe(0);
    const list = listSchema.parse(await readJsonFile(out));
    expect(list).toMatchObject({ id: 'register-fr', name: 'Registered pharmacies', kind: 'allow', expires: '2026-12-01T00:00:00Z', updateIntervalMinutes: 60 });
    expect(list.entries[0]).toMatchObject({ category: 'authorised-pharmacy', evidence: { source: 'National register' } });
  });

  it.each([
    ['no version', ['--kind', 'block'], 2, /give the version/],
    ['no kind', ['--version', '1'], 2, /--kind block .* or --kind allow/],
    ['an invalid metadata field', ['--version', '1', '--kind', 'block', '--id', 'Not An Id'], 1, /list metadata: id: a list id is lowercase/],
    ['a category that does not fit the kind', ['--version', '1', '--kind', 'allow', '--category', 'fraud'], 1, /category fraud does not belong on an allowlist/],
    ['an expiry in the past', ['--version', '1', '--kind', 'block', '--issued', '2020-01-01T00:00:00Z', '--expires', '2020-02-01T00:00:00Z'], 1, /in the past: subscribers would refuse it/],
  ])('refuses %s', async (_what, flags, code, message) => {
    const dir = await workDir();
    const base = ['--id', 'test-list', '--name', 'Test', '--publisher', 'A', '--publisher-type', 'authority'];
    const result = await inProcess(['build', await input(dir, 'd.txt', 'a.example\n'), '--out', join(dir, 'out.json'), ...base, ...flags]);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(await exists(join(dir, 'out.json'))).toBe(false);
  });
});
