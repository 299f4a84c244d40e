/**
 * A stand-in for an authority's hub where a test needs only its reporting endpoint: answers
 * `POST /v1/reports` with a receipt, as server/ does, and records what arrived.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeHub {
  readonly port: number;
  url(host: string): string;
  readonly received: { path: string; headers: Record<string, unknown>; body: string }[];
  close(): Promise<void>;
}

export async function startFakeHub(): Promise<FakeHub> {
  const received: FakeHub['received'] = [];
  const server = createServer(async (req, res) => {
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    const body = Buffer.concat(parts).toString('utf8');
    received.push({ path: req.url ?? '', headers: req.headers, body });
    if (req.method !== 'POST' || req.url !== '/v1/reports') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not-found","message":"no such endpoint"}');
      return;
    }
    const key = (JSON.parse(body) as { idempotencyKey: string }).idempotencyKey;
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: received.length, idempotencyKey: key, domain: 'reported.example', receivedAt: new Date().toISOString() }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, url: (host) => `http://${host}:${port}`, received, close: () => new Promise((r) => server.close(() => r())) };
}
