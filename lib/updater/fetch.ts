/**
 * Downloads with limits: a size cap enforced while reading (a server cannot make us hold more than
 * we accept), a timeout, no cookies or referrer (a list download says nothing about the person),
 * and conditional requests (If-None-Match) so an unchanged list costs a 304.
 */
export type FetchFailure = 'network' | 'timeout' | 'too-large' | `http-${number}`;

export class FetchFailed extends Error {
  constructor(
    readonly reason: FetchFailure,
    readonly url: string,
  ) {
    super(`${reason} fetching ${url}`);
    this.name = 'FetchFailed';
  }
}

export type Fetched = { readonly notModified: true } | { readonly notModified: false; readonly bytes: Uint8Array; readonly etag: string | null };

export interface FetchOptions {
  readonly maxBytes: number;
  readonly etag?: string | null;
  readonly timeoutMs?: number;
}

export type FetchBytes = (url: string, options: FetchOptions) => Promise<Fetched>;

export const fetchBytes: FetchBytes = async (url, { maxBytes, etag, timeoutMs = 30_000 }) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        headers: etag ? { 'If-None-Match': etag } : {},
      });
    } catch {
      throw new FetchFailed(controller.signal.aborted ? 'timeout' : 'network', url);
    }
    if (response.status === 304) return { notModified: true };
    if (!response.ok) throw new FetchFailed(`http-${response.status}`, url);
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort();
      throw new FetchFailed('too-large', url);
    }
    return { notModified: false, bytes: await readCapped(response, maxBytes, url, controller), etag: response.headers.get('etag') };
  } finally {
    clearTimeout(timer);
  }
};

async function readCapped(response: Response, maxBytes: number, url: string, controller: AbortController): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        controller.abort();
        throw new FetchFailed('too-large', url);
      }
      parts.push(value);
    }
  } catch (error) {
    if (error instanceof FetchFailed) throw error;
    throw new FetchFailed(controller.signal.aborted ? 'timeout' : 'network', url);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
}

/** Fetches a file and its detached signature (`<url>.sig`; a directory's may hold several signatures). */
export async function fetchSigned(fetcher: FetchBytes, url: string, maxBytes: number, etag?: string | null, signatureBytes = 1024): Promise<{ notModified: true } | { notModified: false; bytes: Uint8Array; signature: string; etag: string | null }> {
  const file = await fetcher(url, { maxBytes, etag: etag ?? null });
  if (file.notModified) return file;
  const sig = await fetcher(`${url}.sig`, { maxBytes: signatureBytes });
  if (sig.notModified) throw new FetchFailed('http-304', `${url}.sig`);
  return { notModified: false, bytes: file.bytes, signature: new TextDecoder().decode(sig.bytes), etag: file.etag };
}
