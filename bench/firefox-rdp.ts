/**
 * A minimal client of Firefox's devtools remote protocol (what about:debugging and web-ext speak),
 * for the one thing WebDriver BiDi cannot do: terminate an extension's background page (wake.ts).
 * Packets are `length:json`; each actor answers its requests in order, and a packet with a `type`
 * (and no `error`) is an event, which is ignored here. The server listens on 127.0.0.1 only.
 */
import { connect, type Socket } from 'node:net';

type Packet = Record<string, unknown>;

export interface Rdp {
  request(packet: { to: string; type: string } & Packet): Promise<Packet>;
  close(): void;
}

/** Splits a byte stream into packets; returns the bytes left over (an incomplete packet). */
function readPackets(buffer: Buffer, onPacket: (packet: Packet) => void): Buffer {
  let rest = buffer;
  for (;;) {
    const colon = rest.indexOf(0x3a);
    if (colon < 0) return rest;
    const header = rest.subarray(0, colon).toString('latin1');
    if (!/^\d{1,9}$/.test(header)) throw new Error(`not a devtools packet: ${JSON.stringify(header.slice(0, 20))}`);
    const length = Number(header);
    if (rest.length < colon + 1 + length) return rest;
    onPacket(JSON.parse(rest.subarray(colon + 1, colon + 1 + length).toString('utf8')) as Packet);
    rest = rest.subarray(colon + 1 + length);
  }
}

export async function connectRdp(port: number, timeoutMs = 10_000): Promise<Rdp> {
  const deadline = Date.now() + timeoutMs;
  let socket: Socket;
  // Firefox opens the port a moment after it starts.
  for (;;) {
    try {
      socket = await new Promise<Socket>((resolve, reject) => {
        const s = connect(port, '127.0.0.1', () => resolve(s));
        s.once('error', reject);
      });
      break;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const pending = new Map<string, { resolve: (p: Packet) => void; reject: (e: Error) => void }[]>();
  let greeted: () => void;
  const greeting = new Promise<void>((r) => (greeted = r));
  let buffer: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    buffer = readPackets(Buffer.concat([buffer, chunk]), (packet) => {
      const from = String(packet.from);
      if (from === 'root' && 'applicationType' in packet) return greeted();
      if ('type' in packet && !('error' in packet)) return;
      const waiter = pending.get(from)?.shift();
      if (!waiter) return;
      if ('error' in packet) waiter.reject(new Error(`${from}: ${String(packet.error)} ${String(packet.message ?? '')}`));
      else waiter.resolve(packet);
    });
  });
  socket.on('close', () => {
    for (const waiters of pending.values()) for (const w of waiters.splice(0)) w.reject(new Error('devtools connection closed'));
  });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no greeting from the devtools server')), Math.max(0, deadline - Date.now()) + 1_000)));
  try {
    await Promise.race([greeting, late]);
  } catch (error) {
    socket.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return {
    request: (packet) =>
      new Promise((resolve, reject) => {
        const queue = pending.get(packet.to) ?? [];
        queue.push({ resolve, reject });
        pending.set(packet.to, queue);
        const body = Buffer.from(JSON.stringify(packet), 'utf8');
        socket.write(`${body.length}:`);
        socket.write(body);
      }),
    close: () => socket.destroy(),
  };
}
