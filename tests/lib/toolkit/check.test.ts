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

const ROGUE_PAGE = `<!doctype html><html lang="en"><head><title>Buy Xanax Online Without Prescription</title></head><body>
<nav><a href="/cart">Cart</a></nav><h1>Xanax 2mg, Viagra 100mg, Tramadol 50mg</h1>
<ul><li>Xanax 2mg – $2.10 per pill <button>Add to cart</button></li><li>Viagra 100mg – $0.99 per pill <button>Add to cart</button></li>
<li>Tramadol 50mg – $1.20 per pill <button>Add to cart</button></li></ul><p>No prescription needed. We accept Bitcoin only.</p></body></html>`;
const LEAFLET_PAGE = `<!doctype html><html lang="en"><head><title>Xanax 0.5 mg tablets – patient leaflet</title></head><body>
<h1>Package leaflet: information for the patient</h1><p>Xanax contains alprazolam. This medicine has been prescribed for you only. Do not take it with alcohol.</p></body></html>`;

describe('pharmacheck check --page', { timeout: CHILD_TIMEOUT_MS }, () => {
  async function saved(name: string, content: string | Uint8Array): Promise<string> {
    const dir = await workDir();
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  }

  it('says "caution" for an unlisted shop page, with every signal, its weight and its English reason', async () => {
    const page = await saved('shop.html', ROGUE_PAGE);
    const result = JSON.parse((await inProcess(['check', 'https://pills.example/', '--page', page, '--json'])).stdout);
    expect(result.verdict).toBe('caution');
    expect(result.caution.level).toBe('strong');
    const ids = result.signals.map((s: { id: string }) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['page.no-prescription', 'page.class-mix', 'page.hidden-payment', 'page.price-per-pill']));
    const noRx = result.signals.find((s: { id: string }) => s.id === 'page.no-prescription');
    expect(noRx).toMatchObject({ family: 'page', weight: 1, key: 'cautionPageNoPrescription' });
    expect(noRx.reason).toMatch(/^It offers prescription-only medicines without a prescription: “.*[Pp]rescription.*”\.$/);
    expect(result.signals.every((s: { reason: string }) => !/\$[A-Z]+\$/.test(s.reason))).toBe(true);
  });

  it('prints the reasons in the text output too', async () => {
    const page = await saved('shop.html', ROGUE_PAGE);
    const result = await inProcess(['check', 'https://pills.example/', '--page', page]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('https://pills.example/: caution (amber badge');
    expect(result.stdout).toContain('caution detector: strong');
    expect(result.stdout).toContain('page.hidden-payment (0.6): The only ways to pay that it names cannot be disputed or traced to a shop (bitcoin).');
  });

  it('says "unknown" for a leaflet about the same medicine', async () => {
    const page = await saved('leaflet.html', LEAFLET_PAGE);
    const result = JSON.parse((await inProcess(['check', 'https://leaflets.example/xanax', '--page', page, '--json'])).stdout);
    expect(result).toMatchObject({ verdict: 'unknown', signals: [], caution: { level: 'none', register: null } });
  });

  it('lets a list verdict win over caution', async () => {
    const dir = await workDir();
    const page = await saved('shop.html', ROGUE_PAGE);
    const blocked = await writeList(join(dir, 'block.json'), makeBlockList('block-list', 'authority', ['pills.example'], far));
    const allowed = await writeList(join(dir, 'allow.json'), makeAllowList('allow-list', ['pills.example'], far));
    const listed = JSON.parse((await inProcess(['check', 'https://pills.example/', '--page', page, '--list', blocked, '--json'])).stdout);
    expect(listed.verdict).toBe('listed');
    expect(listed.caution.level).toBe('strong');
    const verified = JSON.parse((await inProcess(['check', 'https://pills.example/', '--page', page, '--list', allowed, '--json'])).stdout);
    expect(verified.verdict).toBe('verified');
    expect((await inProcess(['check', 'https://pills.example/', '--page', page, '--list', blocked])).stdout).toContain('(the list verdict wins)');
  });

  it('uses the bundled community list when no list is given', async () => {
    const bundled = JSON.parse(await readFile(new URL('../../../data/lists/community-rogue-pharmacies.json', import.meta.url), 'utf8')) as { entries: { domain: string }[] };
    const page = await saved('leaflet.html', LEAFLET_PAGE);
    const listed = JSON.parse((await inProcess(['check', `https://${bundled.entries[0]!.domain}/`, '--page', page, '--json'])).stdout);
    expect(listed.verdict).toBe('listed');
    expect(listed.hits[0].list).toBe('community-rogue-pharmacies');
  });

  // linkedom needs tens of seconds for the 17 MB page and the 100,000 levels on this machine: the timeout is for the parser, not a measure.
  it('gives a verdict, and no stack trace, for hostile saved pages', { timeout: 300_000 }, async () => {
    let seed = 7;
    const junk = new Uint8Array(3_000_000).map(() => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff);
    const huge = `<html><body>${'<div><h3>Viagra 100mg</h3><p>$0.99 per pill</p><button>Add to cart</button></div>'.repeat(220_000)}</body></html>`;
    const nested = `<html><body>${'<div>'.repeat(100_000)}viagra no prescription needed${'</div>'.repeat(100_000)}</body></html>`;
    const pages: Record<string, string | Uint8Array> = { 'empty.html': '', 'junk.bin': junk, 'huge.html': huge, 'nested.html': nested, 'text.html': 'just words, no markup at all' };
    const verdicts: Record<string, string> = {};
    for (const [name, content] of Object.entries(pages)) {
      const result = await inProcess(['check', 'https://odd.example/', '--page', await saved(name, content), '--json']);
      expect(result.code, `${name}: ${result.stderr}`).toBe(0);
      verdicts[name] = JSON.parse(result.stdout).verdict;
    }
    // A 17 MB page of shop markup is read (cut at 16 MiB) and still judged a shop; the others give nothing to judge.
    expect(verdicts).toEqual({ 'empty.html': 'unknown', 'junk.bin': 'unknown', 'huge.html': 'caution', 'nested.html': 'unknown', 'text.html': 'unknown' });
  });

  it('reads a page in the charset it declares (windows-1252), as a browser would', async () => {
    const html = '<html lang="fr"><head><meta charset="windows-1252"><title>Acheter Viagra sans ordonnance</title></head><body><h1>Médicaments sans ordonnance</h1><p>Viagra 100 mg : 0,90 € par comprimé <button>Ajouter au panier</button></p><p>Paiement par Bitcoin.</p></body></html>';
    const bytes = Uint8Array.from([...html].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0))));
    const result = JSON.parse((await inProcess(['check', 'https://pharma.example/', '--page', await saved('latin.html', bytes), '--json'])).stdout);
    expect(result.verdict).toBe('caution');
    expect(result.signals.find((s: { id: string }) => s.id === 'page.price-per-pill').reason).toContain('0,90 € par comprimé');
  });

  it('refuses a page it cannot read (exit 3) and still refuses what is not a web address (exit 1)', async () => {
    expect(await inProcess(['check', 'https://x.example/', '--page', '/nonexistent/page.html'])).toMatchObject({ code: 3, stderr: expect.stringMatching(/cannot read/) });
    const page = await saved('leaflet.html', LEAFLET_PAGE);
    expect((await inProcess(['check', 'javascript:alert(1)', '--page', page])).code).toBe(1);
  });

  it('runs as a child process too', async () => {
    const page = await saved('shop.html', ROGUE_PAGE);
    const result = await cli(['check', 'https://pills.example/', '--page', page, '--json'], await workDir());
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).verdict).toBe('caution');
  });
});
