/**
 * The bounded fetch against hostile test sites on loopback: a 1 GB body is cut at the limit, a
 * slow site times out, a page's scripts never run, and a redirect to a forbidden address is
 * refused before any connection to it. The test allows 127.0.0.0/8 and forbids 127.0.0.2, the
 * way a test hub is configured; nothing leaves the machine.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { boundedFetch, type BoundedFetchOptions } from '../../../server/src/fetch/bounded-fetch';

const POLICY = { allow: ['127.0.0.0/8'], deny: ['127.0.0.2/32'] };
const servers: Server[] = [];

interface Site {
  readonly url: string;
  readonly port: number;
  readonly requests: string[];
  connections: number;
}

async function site(handler: (path: string, res: ServerResponse) => void, host = '127.0.0.1'): Promise<Site> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    handler(req.url ?? '', res);
  });
  const state = { connections: 0 };
  server.on('connection', () => state.connections++);
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, host, done));
  const { port } = server.address() as { port: number };
  return Object.assign(state, { url: `http://${host}:${port}`, port, requests });
}

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((done) => s.close(done));
  }
});

const options = (extra: Partial<BoundedFetchOptions> = {}): BoundedFetchOptions => ({ policy: POLICY, maxBytes: 64 * 1024, timeoutMs: 5_000, ...extra });

describe('the bounded fetch', () => {
  it('cuts a 1 GB body at the limit, and the site never gets to send it', async () => {
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const big = await site((_path, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(1024 ** 3) });
      const pump = () => {
        while (sent < 1024 ** 3) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const page = await boundedFetch(`${big.url}/huge`, options({ maxBytes: 1024 * 1024 }));
    expect(page.outcome).toBe('truncated');
    expect(page.bytes.byteLength).toBe(1024 * 1024);
    expect(page.problem).toBe('cut at 1048576 bytes');
    expect(page.sha256).toBe(createHash('sha256').update(page.bytes).digest('hex'));
    // Socket buffers hold a few megabytes at most: far from the gigabyte the site offered.
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  });

  it('gives up on a site that drips its answer, keeping what came before the deadline', async () => {
    const slow = await site((_path, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>');
      const timer = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(timer));
    });
    const page = await boundedFetch(slow.url, options({ timeoutMs: 400 }));
    expect(page.outcome).toBe('timeout');
    expect(page.problem).toContain('400 ms');
    expect(new TextDecoder().decode(page.bytes).startsWith('<p>')).toBe(true);
  });

  it('gives up on a site that never answers at all', async () => {
    const silent = await site(() => {});
    const page = await boundedFetch(silent.url, options({ timeoutMs: 300 }));
    expect(page.outcome).toBe('timeout');
    expect(page.bytes.byteLength).toBe(0);
    expect(page.status).toBeNull();
  });

  it('keeps a page as bytes: its scripts, images and refreshes are never run or loaded', async () => {
    const html = `<!doctype html><meta http-equiv="refresh" content="0;url=/refresh"><img src="/image.png"><script>fetch('/beacon')</script><script src="/script.js"></script>`;
    const shop = await site((path, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(path === '/' ? html : 'x');
    });
    const page = await boundedFetch(`${shop.url}/`, options());
    expect(page.outcome).toBe('complete');
    expect(new TextDecoder().decode(page.bytes)).toBe(html);
    expect(page.contentType).toBe('text/html; charset=utf-8');
    // Give a script that would have run time to call home: the site only ever saw the page itself.
    await new Promise((done) => setTimeout(done, 200));
    expect(shop.requests).toEqual(['/']);
  });

  it('follows redirects and records each, with the final address and the address connected to', async () => {
    const shop = await site((path, res) => {
      if (path === '/a') return void res.writeHead(301, { location: '/b' }).end();
      if (path === '/b') return void res.writeHead(302, { location: `${shopUrl}/c?x=1` }).end();
      res.writeHead(200, { 'content-type': 'text/plain' }).end('here');
    });
    const shopUrl = shop.url;
    const page = await boundedFetch(`${shop.url}/a`, options());
    expect(page.outcome).toBe('complete');
    expect(page.redirects).toEqual([
      { url: `${shop.url}/a`, status: 301, location: `${shop.url}/b` },
      { url: `${shop.url}/b`, status: 302, location: `${shop.url}/c?x=1` },
    ]);
    expect(page.finalUrl).toBe(`${shop.url}/c?x=1`);
    expect(page.address).toBe('127.0.0.1');
    expect(page.status).toBe(200);
  });

  it('refuses a redirect to a forbidden address before connecting to it', async () => {
    const inside = await site((_path, res) => res.end('secret'), '127.0.0.2');
    const shop = await site((_path, res) => res.writeHead(302, { location: `${inside.url}/admin` }).end());
    const connected: string[] = [];
    const page = await boundedFetch(`${shop.url}/`, options({ onConnect: (address) => connected.push(address) }));
    expect(page.outcome).toBe('refused');
    expect(page.problem).toContain("127.0.0.2 is forbidden by this hub's configuration");
    expect(page.redirects).toEqual([{ url: `${shop.url}/`, status: 302, location: `${inside.url}/admin` }]);
    expect(connected).toEqual(['127.0.0.1']);
    expect(inside.connections).toBe(0);
    expect(inside.requests).toEqual([]);
  });

  it('refuses a name that resolves to a forbidden address, or to any forbidden one among others', async () => {
    const shop = await site((_path, res) => res.end('ok'));
    const connected: string[] = [];
    for (const answers of [[{ address: '10.0.0.7', family: 4 }], [{ address: '127.0.0.1', family: 4 }, { address: '169.254.169.254', family: 4 }]]) {
      const page = await boundedFetch(`http://rebinding.example:${shop.port}/`, options({ resolve: async () => answers, onConnect: (a) => connected.push(a) }));
      expect(page.outcome).toBe('refused');
    }
    expect(connected).toEqual([]);
    expect(shop.connections).toBe(0);
    // The judged answer is the one connected to: the name goes in Host, the connection to that address.
    const page = await boundedFetch(`http://rogue.example:${shop.port}/`, options({ resolve: async () => [{ address: '127.0.0.1', family: 4 }] }));
    expect(page.outcome).toBe('complete');
    expect(page.address).toBe('127.0.0.1');
  });

  it('with the default rules, refuses loopback itself', async () => {
    const shop = await site((_path, res) => res.end('ok'));
    const page = await boundedFetch(shop.url, { policy: {}, maxBytes: 1024, timeoutMs: 1000 });
    expect(page.outcome).toBe('refused');
    expect(page.problem).toContain('loopback');
    expect(shop.connections).toBe(0);
  });

  it('refuses other schemes, credentials in the address, and endless redirects', async () => {
    expect((await boundedFetch('file:///etc/passwd', options())).outcome).toBe('refused');
    expect((await boundedFetch('ftp://127.0.0.1/', options())).outcome).toBe('refused');
    expect((await boundedFetch('http://user:pass@127.0.0.1/', options())).outcome).toBe('refused');
    expect((await boundedFetch('not an address', options())).outcome).toBe('failed');
    const loop = await site((path, res) => res.writeHead(302, { location: `/${Number(path.slice(1) || 0) + 1}` }).end());
    const page = await boundedFetch(`${loop.url}/0`, options({ maxRedirects: 3 }));
    expect(page.outcome).toBe('failed');
    expect(page.problem).toBe('more than 3 redirects');
    expect(loop.requests).toEqual(['/0', '/1', '/2', '/3']);
    // A redirect to another scheme is refused as the first address would be.
    const toFile = await site((_path, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
    expect((await boundedFetch(toFile.url, options())).outcome).toBe('refused');
  });
});
