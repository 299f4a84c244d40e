/**
 * `pharmacheck export`, checked by real consumers of each format: the RPZ zone loaded by Unbound
 * and the hosts file by dnsmasq (Debian's packages, answering on 127.0.0.1 on a free port), the
 * Adblock filters by @ghostery/adblocker's engine. Each blocks the listed names and lets others
 * through; the hosts file shows its limit (a subdomain other than www. is not blocked).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Resolver } from 'node:dns/promises';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { FiltersEngine, Request } from '@ghostery/adblocker';
import { afterEach, describe, expect, it } from 'vitest';
import { entry, makeAllowList, makeList } from '../lists/fixtures';
import { CHILD_TIMEOUT_MS, cli, inProcess, keyFiles, workDir, writeList } from './cli';

const LIST = makeList({ id: 'fr-test', version: 3, expires: '2099-01-01T00:00:00Z', entries: [entry('rogue.example'), entry('pills.example')] });
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await gone;
    }
  }
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** What a resolver answers for a name: its IPv4 addresses, or the DNS error code (ENOTFOUND is NXDOMAIN). */
async function answer(port: number, name: string): Promise<string[] | string> {
  const resolver = new Resolver({ timeout: 1000, tries: 1 });
  resolver.setServers([`127.0.0.1:${port}`]);
  try {
    return await resolver.resolve4(name);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'error';
  }
}

/** Starts a DNS server and waits until it answers `probe` (a name it knows), at most 20 s. */
async function startDns(command: string, args: string[], port: number, probe: string): Promise<string[]> {
  const output: string[] = [];
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${command} exited:\n${output.join('')}`);
    if (Array.isArray(await answer(port, probe))) return output;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${command} did not answer:\n${output.join('')}`);
}

async function signedList(dir: string) {
  const keys = await keyFiles(dir);
  const path = await writeList(join(dir, 'fr-test.json'), LIST);
  expect((await inProcess(['sign', path, '--key', keys.secret])).code).toBe(0);
  return { keys, path };
}

describe('pharmacheck export', { timeout: CHILD_TIMEOUT_MS }, () => {
  it('writes an RPZ zone that Unbound loads and answers the listed names and their subdomains as blocked', async () => {
    const dir = await workDir();
    const { keys } = await signedList(dir);
    const result = await cli(['export', 'fr-test.json', '--format', 'rpz', '--key', keys.public, '--zone', 'fr-test.rpz.example', '--out', 'fr-test.rpz'], dir);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toBe('exported 2 entries of "fr-test" version 3 as rpz to fr-test.rpz\n');
    // The names exist in a zone Unbound serves itself, so only the RPZ can make them vanish.
    await writeFile(join(dir, 'example.zone'), ['$ORIGIN example.', '$TTL 60', '@ SOA ns.example. hostmaster.example. 1 3600 600 604800 60', '@ NS ns.example.', 'ns A 192.0.2.53',
      'fine A 192.0.2.1', 'notrogue A 192.0.2.2', 'rogue A 192.0.2.66', 'shop.rogue A 192.0.2.67', 'pills A 192.0.2.68', ''].join('\n'));
    const port = await freePort();
    await writeFile(join(dir, 'unbound.conf'), `server:
  interface: 127.0.0.1
  port: ${port}
  do-daemonize: no
  use-syslog: no
  logfile: ""
  username: ""
  chroot: ""
  directory: "${dir}"
  pidfile: ""
  do-ip6: no
  module-config: "respip iterator"
remote-control:
  control-enable: no
auth-zone:
  name: "example."
  zonefile: "${join(dir, 'example.zone')}"
  for-downstream: no
  for-upstream: yes
  fallback-enabled: no
rpz:
  name: "fr-test.rpz.example."
  zonefile: "${join(dir, 'fr-test.rpz')}"
`);
    const log = await startDns('unbound', ['-d', '-c', join(dir, 'unbound.conf')], port, 'fine.example');
    expect(await answer(port, 'fine.example')).toEqual(['192.0.2.1']);
    expect(await answer(port, 'notrogue.example')).toEqual(['192.0.2.2']);
    expect(await answer(port, 'rogue.example'), log.join('')).toBe('ENOTFOUND');
    expect(await answer(port, 'shop.rogue.example')).toBe('ENOTFOUND');
    expect(await answer(port, 'pills.example')).toBe('ENOTFOUND');
  });

  it('writes a hosts file that dnsmasq answers with 0.0.0.0, for the name and www. only', async () => {
    const dir = await workDir();
    const { keys, path } = await signedList(dir);
    const result = await inProcess(['export', path, '--format', 'hosts', '--key', keys.public, '--out', join(dir, 'hosts')]);
    expect(result.code).toBe(0);
    const port = await freePort();
    await startDns('dnsmasq', ['--keep-in-foreground', '--no-resolv', '--no-hosts', `--addn-hosts=${join(dir, 'hosts')}`, `--port=${port}`, '--listen-address=127.0.0.1',
      '--bind-interfaces', '--pid-file=', '--user=root', '--log-facility=-', '--host-record=fine.example,192.0.2.1', '--host-record=shop.rogue.example,192.0.2.67'], port, 'fine.example');
    expect(await answer(port, 'rogue.example')).toEqual(['0.0.0.0']);
    expect(await answer(port, 'www.rogue.example')).toEqual(['0.0.0.0']);
    expect(await answer(port, 'pills.example')).toEqual(['0.0.0.0']);
    expect(await answer(port, 'fine.example')).toEqual(['192.0.2.1']);
    // The limit of the format: another subdomain of a listed domain is not blocked by a hosts file.
    expect(await answer(port, 'shop.rogue.example')).toEqual(['192.0.2.67']);
  });

  it('writes Adblock-style filters that an adblocker engine applies to the domains, their subdomains and what they serve', async () => {
    const dir = await workDir();
    const { keys, path } = await signedList(dir);
    const result = await inProcess(['export', path, '--format', 'adblock', '--key', keys.public]);
    expect(result.code).toBe(0);
    const engine = FiltersEngine.parse(result.stdout);
    const blocked = (url: string, type: 'main_frame' | 'sub_frame' | 'script' = 'main_frame') => engine.match(Request.fromRawDetails({ url, type, sourceUrl: 'https://news.example/' })).match;
    expect(blocked('https://rogue.example/')).toBe(true);
    expect(blocked('https://shop.rogue.example/cart', 'sub_frame')).toBe(true);
    expect(blocked('https://pills.example/pay.js', 'script')).toBe(true);
    expect(blocked('https://notrogue.example/')).toBe(false);
    expect(blocked('https://fine.example/')).toBe(false);
  });

  it('refuses a list that does not verify, an allowlist and bad options, writing nothing', async () => {
    const dir = await workDir();
    const { keys, path } = await signedList(dir);
    await writeFile(path, (await readFile(path, 'utf8')).replace('rogue.example', 'rogue.exampl3'));
    const out = join(dir, 'out.rpz');
    const tampered = await inProcess(['export', path, '--format', 'rpz', '--key', keys.public, '--out', out]);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('bad signature');
    await expect(readFile(out)).rejects.toThrow();
    const allow = await writeList(join(dir, 'register.json'), makeAllowList('register', ['good-pharmacy.example']));
    expect(await inProcess(['export', allow, '--format', 'hosts'])).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('allowlist') });
    expect((await inProcess(['export', path, '--format', 'bind'])).code).toBe(2);
    expect((await inProcess(['export', path])).code).toBe(2);
    expect((await inProcess(['export', path, '--format', 'hosts', '--zone', 'x.example'])).code).toBe(2);
    expect((await inProcess(['export', path, '--format', 'rpz', '--zone', 'bad zone'])).code).toBe(2);
    expect((await inProcess(['export', join(dir, 'missing.json'), '--format', 'rpz'])).code).toBe(3);
  });
});
