/**
 * A static file server on 127.0.0.1 for published lists, as any web server or CDN would serve
 * them: strong ETags and 304 answers to If-None-Match, and a log of every request.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListServerRequest {
  readonly path: string;
  readonly status: number;
  readonly ifNoneMatch: string | null;
}

export interface ListServer {
  readonly port: number;
  /** Absolute URL of a path, on a host name the browser maps to 127.0.0.1. */
  url(path: string): string;
  /** Adds or replaces files (paths without a leading slash). */
  publish(files: ReadonlyMap<string, Uint8Array>): void;
  /** While set, every request gets this status and no body (a server down: 503). */
  failWith(status: number | null): void;
  /** Replaces one file's bytes (to simulate tampering). */
  tamper(path: string, change: (bytes: Uint8Array) => Uint8Array): void;
  readonly log: ListServerRequest[];
  close(): Promise<void>;
}

export async function startListServer(host = 'lists.authority.example'): Promise<ListServer> {
  const files = new Map<string, Uint8Array>();
  const log: ListServerRequest[] = [];
  let failing: number | null = null;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
    const ifNoneMatch = req.headers['if-none-match'] ?? null;
    if (failing !== null) {
      log.push({ path, status: failing, ifNoneMatch });
      res.writeHead(failing).end();
      return;
    }
    const body = files.get(path);
    if (!body) {
      log.push({ path, status: 404, ifNoneMatch });
      res.writeHead(404).end();
      return;
    }
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
    if (ifNoneMatch === etag) {
      log.push({ path, status: 304, ifNoneMatch });
      res.writeHead(304, { etag }).end();
      return;
    }
    log.push({ path, status: 200, ifNoneMatch });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.byteLength, etag });
    res.end(Buffer.from(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path) => `http://${host}:${port}/${path}`,
    publish: (more) => {
      for (const [path, bytes] of more) files.set(path, bytes);
    },
    failWith: (status) => {
      failing = status;
    },
    tamper: (path, change) => {
      const bytes = files.get(path);
      if (!bytes) throw new Error(`no file ${path}`);
      files.set(path, change(bytes.slice()));
    },
    log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
