/**
 * A hub in a child process (`node --import tsx server/src/cli/index.ts`), started the way
 * `npm run hub` starts it, so a test can kill it (SIGKILL) or stop it (SIGTERM) for real.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { TestDatabase } from './databases';
import { clockEnv } from './clock-env';

const CLI = resolve(import.meta.dirname, '../../../server/src/cli/index.ts');

export interface ChildHub {
  readonly url: string;
  readonly process: ChildProcess;
  readonly output: string[];
  /** Resolves when the process has exited: its code, or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A port free right now on 127.0.0.1, so a restarted hub comes back at the same address. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** The environment that points a hub at a test's database, and its files at the test's directory. */
export function databaseEnv(database: TestDatabase): Record<string, string> {
  const { config, dir } = database;
  // A PGlite test database lives in <dir>/pgdata, which is where the hub looks under its data dir.
  if (config.kind === 'pglite') return { PHARMACHECK_HUB_DATA_DIR: resolve(config.dataDir, '..') };
  return { PHARMACHECK_HUB_DATA_DIR: dir, DATABASE_URL: config.url, ...(config.schema ? { PHARMACHECK_HUB_DATABASE_SCHEMA: config.schema } : {}) };
}

export async function spawnHub(env: Record<string, string>, timeoutMs = 45_000): Promise<ChildHub> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI], {
    env: { PATH: process.env.PATH, ...clockEnv(), HOST: '127.0.0.1', PHARMACHECK_HUB_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`hub did not start in time:\n${output.join('')}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      fail(new Error(`hub exited (${code ?? signal}) before listening:\n${output.join('')}`));
    });
  });
  return {
    url,
    process: child,
    output,
    exited,
    kill: (signal) => {
      child.kill(signal);
      return exited;
    },
  };
}
