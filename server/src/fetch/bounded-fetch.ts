/**
 * A fetch a hostile server cannot abuse: every address is resolved first and judged
 * (addresses.ts), then the connection goes to that very address (a DNS answer that changes between
 * the check and the connection changes nothing: there is no second lookup); redirects are
 * followed by hand, each judged and recorded; the body is read up to a size limit and then cut
 * (never buffered past it); one deadline covers the whole exchange, redirects included; bodies are
 * asked for uncompressed, and whatever arrives is kept as bytes (nothing is parsed or run).
 */
import { createHash } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { addressProblem, type AddressPolicy } from './addresses';

export interface Redirect {
  readonly url: string;
  readonly status: number;
  readonly location: string;
}

export type FetchOutcome = 'complete' | 'truncated' | 'timeout' | 'refused' | 'failed';

export interface BoundedResponse {
  readonly requestedUrl: string;
  /** The address that answered last; null when none did. */
  readonly finalUrl: string | null;
  readonly redirects: Redirect[];
  /** The IP address of the last connection. */
  readonly address: string | null;
  readonly status: number | null;
  readonly contentType: string | null;
  readonly headers: Record<string, string>;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly outcome: FetchOutcome;
  /** Why the fetch did not complete, in words. */
  readonly problem: string | null;
}

export type Resolve = (host: string) => Promise<{ address: string; family: number }[]>;

export interface BoundedFetchOptions {
  readonly policy: AddressPolicy;
  readonly maxBytes: number;
  readonly timeoutMs: number;
  readonly maxRedirects?: number;
  readonly headers?: Record<string, string>;
  /** Name resolution (tests inject one that answers what a rebinding server would). */
  readonly resolve?: Resolve;
  /** Called with each address before the hub connects to it (tests count connections). */
  readonly onConnect?: (address: string, url: string) => void;
}

const defaultResolve: Resolve = (host) => dnsLookup(host, { all: true, verbatim: true });

class Stop extends Error {
  constructor(
    readonly outcome: FetchOutcome,
    message: string,
  ) {
    super(message);
  }
}

/** The address to connect to for `url`: resolved, every answer judged, the first one used. */
async function pickAddress(url: URL, options: BoundedFetchOptions): Promise<{ address: string; family: 4 | 6 }> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = isIP(host);
  const answers = literal ? [{ address: host, family: literal }] : await (options.resolve ?? defaultResolve)(host).catch(() => {
    throw new Stop('failed', `${host} does not resolve`);
  });
  if (answers.length === 0) throw new Stop('failed', `${host} does not resolve`);
  // Any forbidden answer refuses the host: a name that also points inside is not followed.
  for (const a of answers) {
    const problem = addressProblem(a.address, options.policy);
    if (problem) throw new Stop('refused', `${url.host} is refused: ${problem}`);
  }
  const first = answers[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

function checkUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Stop('failed', `not an address: ${text.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Stop('refused', `only http and https are fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new Stop('refused', 'an address with a user name or password is not fetched');
  return url;
}

interface Hop {
  readonly response: IncomingMessage;
  readonly address: string;
}

function request(url: URL, target: { address: string; family: 4 | 6 }, options: BoundedFetchOptions, signal: AbortSignal): Promise<Hop> {
  // The connection goes to the address that was judged; the name still goes in Host and SNI.
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    options.onConnect?.(target.address, url.href);
    const req = client.request(
      url,
      {
        method: 'GET',
        lookup,
        signal,
        agent: false,
        headers: { 'accept-encoding': 'identity', 'user-agent': 'Pharmacheck-hub (evidence copy)', ...options.headers },
        ...(url.protocol === 'https:' ? { servername: isIP(url.hostname) ? undefined : url.hostname } : {}),
      },
      (response) => resolve({ response, address: target.address }),
    );
    req.on('error', reject);
    req.end();
  });
}

/** Reads into `parts` until the body ends or reaches `maxBytes` (then cut: true). */
async function readCapped(response: IncomingMessage, maxBytes: number, parts: Buffer[]): Promise<boolean> {
  let total = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    if (total + chunk.length > maxBytes) {
      parts.push(chunk.subarray(0, maxBytes - total));
      response.destroy();
      return true;
    }
    parts.push(chunk);
    total += chunk.length;
  }
  return false;
}

function headersOf(response: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function boundedFetch(startUrl: string, options: BoundedFetchOptions): Promise<BoundedResponse> {
  const maxRedirects = options.maxRedirects ?? 5;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const redirects: Redirect[] = [];
  const body: Buffer[] = [];
  let current = startUrl;
  let address: string | null = null;
  let last: { url: string; status: number; contentType: string | null; headers: Record<string, string> } | null = null;
  const result = (outcome: FetchOutcome, problem: string | null, bytes: Uint8Array = new Uint8Array(0)): BoundedResponse => ({
    requestedUrl: startUrl,
    finalUrl: last?.url ?? null,
    redirects,
    address,
    status: last?.status ?? null,
    contentType: last?.contentType ?? null,
    headers: last?.headers ?? {},
    bytes,
    sha256: sha256(bytes),
    outcome,
    problem,
  });
  try {
    for (;;) {
      const url = checkUrl(current);
      const target = await pickAddress(url, options);
      if (timedOut) throw new Stop('timeout', `no answer within ${options.timeoutMs} ms`);
      const hop = await request(url, target, options, controller.signal);
      address = hop.address;
      const status = hop.response.statusCode ?? 0;
      const location = hop.response.headers.location;
      last = { url: url.href, status, contentType: hop.response.headers['content-type'] ?? null, headers: headersOf(hop.response) };
      if (status >= 300 && status < 400 && status !== 304 && location) {
        hop.response.destroy();
        let next: string;
        try {
          next = new URL(location, url).href;
        } catch {
          throw new Stop('failed', `${url.href} redirects to an address that is not one`);
        }
        redirects.push({ url: url.href, status, location: next });
        if (redirects.length > maxRedirects) throw new Stop('failed', `more than ${maxRedirects} redirects`);
        current = next;
        continue;
      }
      const truncated = await readCapped(hop.response, options.maxBytes, body);
      return result(truncated ? 'truncated' : 'complete', truncated ? `cut at ${options.maxBytes} bytes` : null, Buffer.concat(body));
    }
  } catch (error) {
    if (error instanceof Stop) return result(error.outcome, error.message);
    // What arrived before the deadline is kept: a slow site still leaves a (partial) copy.
    if (timedOut) return result('timeout', `no complete answer within ${options.timeoutMs} ms`, Buffer.concat(body));
    return result('failed', (error as Error).message);
  } finally {
    clearTimeout(timer);
  }
}
