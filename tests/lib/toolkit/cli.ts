/** Running the toolkit in tests: as a child process (the honest test of exit codes and files), or in-process (fast). */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { serializeList, type List } from '../../../lib/lists';
import { generateKey, publicPart, type SecretKeyFile } from '../../../lib/signing';
import { run, silentProgress } from '../../../lib/toolkit';

export const BIN = fileURLToPath(new URL('../../../bin/pharmacheck.mjs', import.meta.url));

/** A child process starts Node and tsx (about 0.3 s alone); on a busy 2-core machine several can queue. */
export const CHILD_TIMEOUT_MS = 60_000;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A locale that names no language, so that a child's messages are English whatever the machine's (lib/toolkit/i18n.ts). */
const PLAIN_LOCALE = { LANGUAGE: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };

/** `pharmacheck <args>` in a child process, in `cwd` (`env` adds to, or replaces, the plain locale). */
export function cli(args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const options = { cwd, encoding: 'utf8' as const, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...PLAIN_LOCALE, ...env } };
    execFile(process.execPath, [BIN, ...args], options, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * The clock in-process runs read unless a test gives another: a fixed day, so that no test depends
 * on today's date (child-process runs read the system clock, so their tests use relative dates).
 */
export const TEST_NOW = new Date('2026-11-15T12:00:00Z');

/** The same command run in this process (paths must be absolute or relative to the test's cwd). */
export async function inProcess(args: readonly string[], { now = TEST_NOW, env = {} }: { now?: Date; env?: Record<string, string> } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    progress: silentProgress,
    now: () => now,
  }, env);
  return { code, stdout, stderr };
}

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A fresh temporary directory, removed after the test. */
export async function workDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pharmacheck-toolkit-'));
  dirs.push(dir);
  return dir;
}

/** Key files as keygen writes them, made in-process (keygen itself has its own tests). */
export async function keyFiles(dir: string, name = 'test'): Promise<{ key: SecretKeyFile; secret: string; public: string }> {
  const key = await generateKey();
  const secret = join(dir, `${name}.secret-key.json`);
  const pub = join(dir, `${name}.public-key.json`);
  await writeFile(secret, JSON.stringify(key), { mode: 0o600 });
  await writeFile(pub, JSON.stringify(publicPart(key)));
  return { key, secret, public: pub };
}

export async function writeList(path: string, list: List): Promise<string> {
  await writeFile(path, serializeList(list));
  return path;
}

export const readJsonFile = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Every file under a directory with its bytes, for "left exactly as it was" checks. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length + 1)] = (await readFile(path)).toString('base64');
  }
  return out;
}

/** Metadata flags for a small authority blocklist. */
export const META = ['--id', 'test-list', '--name', 'Test list', '--kind', 'block', '--publisher', 'Test agency', '--publisher-type', 'authority'];
