/**
 * An HTTP proxy on 127.0.0.1 that writes down every request a browser sends through it, with its
 * headers and body, and lets nothing out of the machine: plain-http requests for the local site
 * server are passed to it, everything else is answered 502, and https tunnels (CONNECT) are
 * refused, so of an https request only its host name is ever seen, and nothing is sent.
 */
import { createServer, request as forward, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  readonly method: string;
  /** Absolute URL for plain http; `host:port` for a CONNECT (https) or a refused upgrade. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export interface LoggingProxy {
  readonly port: number;
  /** Browser flags that send every request, loopback names included, through this proxy. */
  readonly chromiumArgs: readonly string[];
  /** Firefox preferences that do the same (support/firefox.ts takes them as `prefs`). */
  readonly firefoxPrefs: Readonly<Record<string, string | number | boolean>>;
  requests(): ProxiedRequest[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Forwards plain http to the test's own servers on 127.0.0.1 (the site server, and any `otherPorts`). */
export async function startLoggingProxy(sitePort: number, otherPorts: readonly number[] = []): Promise<LoggingProxy> {
  const ports = new Set([sitePort, ...otherPorts]);
  const seen: ProxiedRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = req.url ?? '';
    seen.push({ method: req.method ?? '', url, headers: req.headers, body: body.toString('latin1') });
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (target.protocol !== 'http:' || !ports.has(Number(target.port))) {
      res.writeHead(502).end();
      return;
    }
    const upstream = forward({ host: '127.0.0.1', port: Number(target.port), method: req.method, path: `${target.pathname}${target.search}`, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    upstream.end(body);
  });
  server.on('connect', (req, socket) => {
    seen.push({ method: 'CONNECT', url: req.url ?? '', headers: req.headers, body: '' });
    socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
  });
  server.on('upgrade', (req, socket) => {
    seen.push({ method: `UPGRADE ${req.headers.upgrade ?? ''}`.trim(), url: req.url ?? '', headers: req.headers, body: '' });
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    // "<-loopback>" removes Chromium's implicit bypass of localhost names, so nothing skips the log.
    chromiumArgs: [`--proxy-server=http://127.0.0.1:${port}`, '--proxy-bypass-list=<-loopback>'],
    firefoxPrefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.no_proxies_on': '',
      // Firefox never proxies localhost and 127.0.0.1 (a hub on this machine) unless told to.
      'network.proxy.allow_hijacking_localhost': true,
    },
    requests: () => [...seen],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
