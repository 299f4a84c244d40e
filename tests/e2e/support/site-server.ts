/**
 * A stand-in for "the web": one HTTP server on 127.0.0.1 that answers for every host name (the
 * browser maps all names to loopback), and counts the requests each host received, so a test can
 * prove that a listed site got no request at all.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  readonly host: string;
  readonly path: string;
  readonly method: string;
}

export interface SiteServer {
  readonly port: number;
  /** `http://HOST:PORT` for a host name. */
  origin(host: string): string;
  /** Requests received so far, optionally for one host (port stripped, lowercase). */
  requests(host?: string): SeenRequest[];
  /** Serves this HTML at `path` of `host` (any path when `path` is '*'), instead of the stand-in page. */
  serve(host: string, path: string, html: string, headers?: Record<string, string>): void;
  reset(): void;
  close(): Promise<void>;
}

function hostOf(req: IncomingMessage): string {
  return (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startSiteServer(): Promise<SiteServer> {
  const seen: SeenRequest[] = [];
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const server: Server = createServer((req, res) => {
    const host = hostOf(req);
    const path = req.url ?? '/';
    seen.push({ host, path, method: req.method ?? 'GET' });
    const url = new URL(path, `http://${host}`);
    const page = pages.get(`${host}${url.pathname}`) ?? pages.get(`${host}*`);
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...page.headers });
      res.end(page.html);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(404).end();
      return;
    }
    if (url.pathname === '/redirect') {
      res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    // An inline empty icon: browsers then never fetch /favicon.ico, which could otherwise arrive
    // after a test has moved on and be counted against the next one.
    res.end(`<!doctype html><html lang="en"><link rel="icon" href="data:,"><title>${escapeHtml(host)}</title><h1>Site ${escapeHtml(host)}</h1><p id="path">${escapeHtml(path)}</p>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: (host) => `http://${host}:${port}`,
    requests: (host) => (host === undefined ? [...seen] : seen.filter((r) => r.host === host.toLowerCase())),
    serve: (host, path, html, headers = {}) => void pages.set(`${host.toLowerCase()}${path}`, { html, headers }),
    reset: () => void seen.splice(0),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
