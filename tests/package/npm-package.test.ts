/**
 * The toolkit and the hub as an authority installs them: `npm pack` here (which builds dist/ with
 * `prepack`), then `npm install --omit=dev <tarball>` in an empty directory, and from there
 * `npx pharmacheck keygen`, `build`, `publish`, `check`, and the hub's command line, server and
 * health. Nothing of TypeScript, tsx, esbuild or the extension's own libraries is installed, and
 * none is needed. One pack and one install serve every case (they take most of the time).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const INSTALL_TIMEOUT_MS = 300_000;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let work: string;
let app: string;
let hubProcess: ChildProcess | null = null;

/** A clean environment: no npm_* from the test's own `npm test`, no PHARMACHECK_* of this machine. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...(process.env.npm_config_cache ? { npm_config_cache: process.env.npm_config_cache } : {}), ...extra };
}

function run(command: string, args: readonly string[], cwd: string, extra: Record<string, string> = {}, timeout = 120_000): Promise<Run> {
  return new Promise((done) => {
    execFile(command, [...args], { cwd, env: env(extra), encoding: 'utf8', timeout, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const npx = (args: readonly string[], extra: Record<string, string> = {}) => run('npx', args, app, extra);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pharmacheck-npm-package-'));
  const packed = await run('npm', ['pack', '--pack-destination', work, '--json'], ROOT, {}, INSTALL_TIMEOUT_MS);
  expect(packed.code, packed.stderr).toBe(0);
  const [{ filename }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as [{ filename: string }];
  // An empty project of the authority's own, so npm installs here and nowhere above.
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "authority-lists", "private": true }\n');
  // From npm's cache when it holds the packages (CI's npm ci filled it), else from the registry.
  const installed = await run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', join(work, filename)], app, {}, INSTALL_TIMEOUT_MS);
  expect(installed.code, installed.stderr).toBe(0);
}, INSTALL_TIMEOUT_MS * 2);

afterAll(async () => {
  if (hubProcess && hubProcess.exitCode === null) {
    hubProcess.kill('SIGKILL');
    await new Promise((done) => hubProcess!.once('exit', done));
  }
  if (work) rmSync(work, { recursive: true, force: true });
}, 60_000);

// Each npx start of a command takes seconds, more on a loaded 2-core machine: generous limits, not a speed test.
describe('the npm package, installed with npm install --omit=dev', { timeout: 300_000 }, () => {
  it('holds compiled JavaScript and runtime dependencies only', () => {
    const installed = readdirSync(join(app, 'node_modules'));
    for (const dev of ['typescript', 'tsx', 'esbuild', 'vite', 'wxt', 'preact', 'dexie', 'webextension-polyfill', 'vitest']) expect(installed).not.toContain(dev);
    expect(installed).toEqual(expect.arrayContaining(['pharmacheck', 'fastify', 'pg', 'zod', 'tldts']));
    const files = readdirSync(join(app, 'node_modules', 'pharmacheck'), { recursive: true }).map(String);
    expect(files.filter((f) => /\.tsx?$/.test(f))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['dist/toolkit/pharmacheck.js', 'dist/hub/pharmacheck-hub.js', 'dist/hub/migrations/001-initial.sql']));
  });

  it('runs pharmacheck keygen, build, publish and check', async () => {
    const version = await npx(['pharmacheck', '--version']);
    expect(version.stdout).toBe(`pharmacheck ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
    expect(await npx(['pharmacheck', 'keygen', 'agency'])).toMatchObject({ code: 0, stdout: expect.stringContaining('agency.secret-key.json') });
    writeFileSync(join(app, 'domains.txt'), 'rogue-shop.example\npills-cheap.example\n');
    writeFileSync(join(app, 'meta.json'), JSON.stringify({ id: 'agency-list', name: 'Agency list', kind: 'block', publisher: { name: 'Agency', type: 'authority' } }));
    expect((await npx(['pharmacheck', 'build', 'domains.txt', '--meta', 'meta.json', '--version', '1', '--out', 'v1.json'])).code).toBe(0);
    const published = await npx(['pharmacheck', 'publish', 'v1.json', '--key', 'agency.secret-key.json', '--out', 'site']);
    expect(published.stdout).toMatch(/^published list "agency-list" version 1 in site \(2 entries/);
    const check = await npx(['pharmacheck', 'check', 'https://shop.rogue-shop.example/', '--dir', 'site', '--key', 'agency.public-key.json', '--json']);
    expect(check.code, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ verdict: 'listed' });
    const unlisted = await npx(['pharmacheck', 'check', 'https://fine.example/', '--dir', 'site', '--key', 'agency.public-key.json', '--json']);
    expect(JSON.parse(unlisted.stdout)).toMatchObject({ verdict: 'unknown' });
    expect((await npx(['pharmacheck', 'publish', 'v1.json', '--key', 'nowhere.json', '--out', 'site'])).code).toBe(3);
  });

  it('reads what it ships at run time: its messages in French, the caution detector and the bundled list for check --page', async () => {
    const french = await npx(['pharmacheck', '--lang', 'fr', '--help']);
    expect(french.code, french.stderr).toBe(0);
    expect(french.stdout).toMatch(/^Usage : pharmacheck <commande>/);
    copyFileSync(join(ROOT, 'tests/e2e/fixtures/caution/rogue-shop.html'), join(app, 'shop.html'));
    const page = await npx(['pharmacheck', 'check', 'https://cheapmeds24-online.example/', '--page', 'shop.html', '--json']);
    expect(page.code, page.stderr).toBe(0);
    const verdict = JSON.parse(page.stdout) as { verdict: string; signals: { reason: string }[] };
    expect(verdict.verdict).toBe('caution');
    // The reasons in English words from the shipped catalogue, not message keys.
    expect(verdict.signals.length).toBeGreaterThan(2);
    for (const { reason } of verdict.signals) expect(reason).toMatch(/^[A-Z][^{}]+[.”]$/);
    const listed = await npx(['pharmacheck', 'check', 'https://1-pharm.com/', '--page', 'shop.html', '--json']);
    expect(JSON.parse(listed.stdout)).toMatchObject({ verdict: 'listed' });
  });

  it('runs the hub: its command line, then its server, with health, the review page and published lists', async () => {
    const hubEnv = { PHARMACHECK_HUB_DATA_DIR: join(work, 'hub-data') };
    expect((await npx(['pharmacheck-hub', 'create-list', '--id', 'agency-list', '--name', 'Agency list', '--publisher', 'Agency'], hubEnv)).stdout).toContain('Created blocklist agency-list.');
    const token = /^(phc_\S+)$/m.exec((await npx(['pharmacheck-hub', 'create-token', '--role', 'publisher', '--label', 'Pat'], hubEnv)).stdout)?.[1];
    expect(token).toBeDefined();
    expect((await npx(['pharmacheck-hub', 'start-the-hub'], hubEnv)).code).toBe(2);

    // Started as a process manager starts it: the installed bin, no npm in between.
    hubProcess = spawn(join(app, 'node_modules', '.bin', 'pharmacheck-hub'), [], { cwd: app, env: env({ ...hubEnv, PORT: '0' }), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`the hub did not start:\n${output}`)), 60_000);
      hubProcess!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(output);
        if (match) {
          clearTimeout(timer);
          done(match[1]!);
        }
      });
      hubProcess!.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      hubProcess!.once('exit', (code) => fail(new Error(`the hub exited (${code}):\n${output}`)));
      hubProcess!.once('error', fail);
    });
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: { kind: 'pglite', state: 'up' } });
    const page = await fetch(`${url}/review/app.js`);
    expect(page.status).toBe(200);
    expect((await page.text()).length).toBeGreaterThan(1000);

    const published = await fetch(`${url}/v1/lists/agency-list/publish`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(published.status).toBe(201);
    const v1 = await fetch(`${url}/lists/agency-list/v1.json`);
    expect(v1.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(JSON.parse(await v1.text())).toMatchObject({ id: 'agency-list', version: 1 });

    hubProcess.kill('SIGTERM');
    const code = await new Promise<number | null>((done) => hubProcess!.once('exit', done));
    expect(code, output).toBe(0);
    expect(existsSync(join(work, 'hub-data', 'signing-key.json'))).toBe(true);
  });
});
