/**
 * fetchBytes against a real HTTP server on 127.0.0.1, answering as good, broken and hostile servers
 * do: the limits must hold on the wire, not only in a mock.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchBytes, FetchFailed, fetchSigned, type FetchOptions } from '../../../lib/updater';

const encoder = new TextEncoder();
const LIST = 'a list, as bytes';
const SIGNATURE = '{"a":"signature"}\n';
const ETAG = '"v1"';

type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** Sends headers and part of a body, then keeps the connection open without finishing. */
const hangAfter = (headers: Record<string, string | number>, sent: number): Route => (_req, res) => {
  res.writeHead(200, headers);
  res.write(Buffer.alloc(sent, 'x'));
};

const routes: Record<string, Route> = {
  '/list.json': (req, res) => {
    if (req.headers['if-none-match'] === ETAG) {
      res.writeHead(304, { etag: ETAG }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', etag: ETAG }).end(LIST);
  },
  '/list.json.sig': (_req, res) => res.writeHead(200).end(SIGNATURE),
  '/no-etag.json': (_req, res) => res.writeHead(200).end(LIST),
  '/missing': (_req, res) => res.writeHead(404).end('not here'),
  '/error': (_req, res) => res.writeHead(500).end('broken'),
  '/exactly-100': (_req, res) => res.writeHead(200, { 'content-length': 100 }).end(Buffer.alloc(100, 'x')),
  '/chunked-30': (_req, res) => {
    res.writeHead(200);
    for (let i = 0; i < 3; i++) res.write(Buffer.alloc(10, 'x'));
    res.end();
  },
  // If the client read the body before refusing, it would wait for bytes that never come.
  '/declares-too-much': hangAfter({ 'content-length': 1_000_000 }, 10),
  '/grows-forever': hangAfter({}, 5 * 64),
  '/silent': () => undefined,
  '/stalls-mid-body': hangAfter({ 'content-length': 100 }, 10),
  '/reset-mid-body': (req, res) => {
    res.writeHead(200, { 'content-length': 1000 });
    res.write(Buffer.alloc(100, 'x'), () => req.socket.resetAndDestroy());
  },
  '/truncated': (req, res) => {
    res.writeHead(200, { 'content-length': 100 });
    res.write(Buffer.alloc(50, 'x'), () => req.socket.end());
  },
  '/big-sig.json': (_req, res) => res.writeHead(200).end(LIST),
  '/big-sig.json.sig': (_req, res) => res.writeHead(200).end(Buffer.alloc(1025, 'x')),
  '/no-sig.json': (_req, res) => res.writeHead(200).end(LIST),
  '/sig-304.json': (_req, res) => res.writeHead(200).end(LIST),
  '/sig-304.json.sig': (_req, res) => res.writeHead(304).end(),
};

const requests: { path: string; ifNoneMatch: string | null }[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, ifNoneMatch: req.headers['if-none-match'] ?? null });
    (routes[path] ?? routes['/missing']!)(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  requests.length = 0;
});

/** The reason fetchBytes gives up for, or 'no failure'. */
async function failure(path: string, options: FetchOptions): Promise<string> {
  try {
    await fetchBytes(`${base}${path}`, options);
    return 'no failure';
  } catch (error) {
    expect(error).toBeInstanceOf(FetchFailed);
    expect((error as FetchFailed).url).toBe(`${base}${path}`);
    return (error as FetchFailed).reason;
  }
}

describe('fetchBytes', () => {
  it('returns the body and its ETag for a 200, sending no If-None-Match without an ETag', async () => {
    const result = await fetchBytes(`${base}/list.json`, { maxBytes: 1024 });
    expect(result).toEqual({ notModified: false, bytes: encoder.encode(LIST), etag: ETAG });
    expect(requests).toEqual([{ path: '/list.json', ifNoneMatch: null }]);
  });

  it('gives a null ETag when the server sends none', async () => {
    expect(await fetchBytes(`${base}/no-etag.json`, { maxBytes: 1024 })).toEqual({ notModified: false, bytes: encoder.encode(LIST), etag: null });
  });

  it('sends the ETag as If-None-Match and reports "not modified" for a 304', async () => {
    expect(await fetchBytes(`${base}/list.json`, { maxBytes: 1024, etag: ETAG })).toEqual({ notModified: true });
    expect(requests).toEqual([{ path: '/list.json', ifNoneMatch: ETAG }]);
  });

  it('downloads again when the ETag no longer matches', async () => {
    const result = await fetchBytes(`${base}/list.json`, { maxBytes: 1024, etag: '"v0"' });
    expect(result).toEqual({ notModified: false, bytes: encoder.encode(LIST), etag: ETAG });
  });

  it.each([
    ['/missing', 'http-404'],
    ['/error', 'http-500'],
  ])('fails on an error status: %s gives %s', async (path, reason) => {
    expect(await failure(path, { maxBytes: 1024 })).toBe(reason);
  });

  it('accepts a body of exactly maxBytes', async () => {
    const result = await fetchBytes(`${base}/exactly-100`, { maxBytes: 100 });
    expect(result.notModified === false && result.bytes.byteLength).toBe(100);
  });

  it('accepts a chunked body (no Content-Length) within maxBytes, joined in order', async () => {
    const result = await fetchBytes(`${base}/chunked-30`, { maxBytes: 30 });
    expect(result).toMatchObject({ notModified: false, bytes: encoder.encode('x'.repeat(30)) });
  });

  it('refuses a declared Content-Length one byte over maxBytes', async () => {
    expect(await failure('/exactly-100', { maxBytes: 99 })).toBe('too-large');
  });

  it('refuses a declared Content-Length over maxBytes without reading the body', async () => {
    expect(await failure('/declares-too-much', { maxBytes: 1000, timeoutMs: 3000 })).toBe('too-large');
  });

  it('refuses a chunked body as soon as it grows past maxBytes, without waiting for its end', async () => {
    expect(await failure('/grows-forever', { maxBytes: 100, timeoutMs: 3000 })).toBe('too-large');
  });

  it('gives up with "timeout" on a server that never answers', async () => {
    expect(await failure('/silent', { maxBytes: 1024, timeoutMs: 200 })).toBe('timeout');
  });

  it('gives up with "timeout" on a body that stops half way', async () => {
    expect(await failure('/stalls-mid-body', { maxBytes: 1024, timeoutMs: 200 })).toBe('timeout');
  });

  it('fails with "network" when the connection is reset in the middle of the body', async () => {
    expect(await failure('/reset-mid-body', { maxBytes: 10_000, timeoutMs: 3000 })).toBe('network');
  });

  it('fails with "network", rather than returning short bytes, when the body is shorter than its Content-Length', async () => {
    expect(await failure('/truncated', { maxBytes: 1024, timeoutMs: 3000 })).toBe('network');
  });

  it('fails with "network" when nothing listens on the port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(fetchBytes(`http://127.0.0.1:${port}/list.json`, { maxBytes: 1024, timeoutMs: 3000 })).rejects.toMatchObject({ reason: 'network' });
  });
});

describe('fetchSigned', () => {
  it('fetches the file, then <url>.sig, and returns the signature as text', async () => {
    const result = await fetchSigned(fetchBytes, `${base}/list.json`, 1024);
    expect(result).toEqual({ notModified: false, bytes: encoder.encode(LIST), signature: SIGNATURE, etag: ETAG });
    expect(requests.map((r) => r.path)).toEqual(['/list.json', '/list.json.sig']);
  });

  it('sends the ETag for the file only, and fetches no signature when the file is not modified', async () => {
    expect(await fetchSigned(fetchBytes, `${base}/list.json`, 1024, ETAG)).toEqual({ notModified: true });
    expect(requests).toEqual([{ path: '/list.json', ifNoneMatch: ETAG }]);
  });

  it('sends a stale ETag with the file only, never with its signature', async () => {
    const result = await fetchSigned(fetchBytes, `${base}/list.json`, 1024, '"v0"');
    expect(result).toMatchObject({ notModified: false, signature: SIGNATURE, etag: ETAG });
    expect(requests).toEqual([
      { path: '/list.json', ifNoneMatch: '"v0"' },
      { path: '/list.json.sig', ifNoneMatch: null },
    ]);
  });

  it('fails when the signature is missing', async () => {
    await expect(fetchSigned(fetchBytes, `${base}/no-sig.json`, 1024)).rejects.toMatchObject({ reason: 'http-404', url: `${base}/no-sig.json.sig` });
  });

  it('refuses a signature file over 1024 bytes, whatever the file may be', async () => {
    await expect(fetchSigned(fetchBytes, `${base}/big-sig.json`, 1_000_000)).rejects.toMatchObject({ reason: 'too-large', url: `${base}/big-sig.json.sig` });
  });

  it('fails when the server answers 304 for a signature it was not asked to compare', async () => {
    await expect(fetchSigned(fetchBytes, `${base}/sig-304.json`, 1024)).rejects.toMatchObject({ reason: 'http-304', url: `${base}/sig-304.json.sig` });
  });

  it("applies the caller's limit to the file", async () => {
    await expect(fetchSigned(fetchBytes, `${base}/list.json`, LIST.length - 1)).rejects.toMatchObject({ reason: 'too-large', url: `${base}/list.json` });
  });
});
