/**
 * The hub's configuration, from environment variables only (documented in docs/hub.md). Parsed
 * once at start with zod: every wrong value is reported, each on its own line naming its variable
 * (never echoing it: DATABASE_URL holds a password), rather than surfacing later as odd behaviour.
 * A PHARMACHECK_HUB_* variable the hub does not know is an error too: a misspelt setting would
 * otherwise be silently ignored.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseCidr, type AddressPolicy } from './fetch/addresses';
import type { Resolve } from './fetch/bounded-fetch';

export type DatabaseConfig =
  | { readonly kind: 'pglite'; readonly dataDir: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string; readonly poolSize: number };

export interface RateLimit {
  readonly max: number;
  readonly windowMs: number;
}

export interface HubConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  /** Where each publication is also written as a directory for a static host (off when absent). */
  readonly exportDir?: string;
  /** Exact origins, or `scheme://*` for every origin of that scheme. */
  readonly corsOrigins: readonly string[];
  readonly reportRateLimit: RateLimit;
  readonly reviewRateLimit: RateLimit;
  readonly bodyLimit: number;
  /** Behind a reverse proxy: trust its X-Forwarded-For (true, or the proxies' addresses/CIDRs). */
  readonly trustProxy: boolean | string[];
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly shutdownTimeoutMs: number;
  /** Secret key file that signs published lists; default `<dataDir>/signing-key.json` (created if missing). */
  readonly signingKeyPath?: string;
  /** Days a reporter's e-mail address is kept after the decision on the report (`retention`). */
  readonly retentionDays?: number;
  /** What the hub may connect to when it fetches a page copy or asks RDAP (fetch/addresses.ts). */
  readonly fetchPolicy?: AddressPolicy;
  /** Largest page copy, in bytes (cut there). */
  readonly fetchMaxBytes?: number;
  /** One deadline for a whole fetch, redirects included. */
  readonly fetchTimeoutMs?: number;
  /** The longest Retry-After the hub waits for before asking an RDAP server again. */
  readonly rdapMaxRetryAfterMs?: number;
  /**
   * Name resolution for the fetcher, in place of the system's: set by tests only (never from the
   * environment), as Chromium's --host-resolver-rules sends a test site's name to loopback.
   */
  readonly fetchResolve?: Resolve;
}

export const FETCH_DEFAULTS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 15_000, rdapMaxRetryAfterMs: 10_000 } as const;

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const origin = z.string().regex(/^(?:chrome-extension|moz-extension|safari-web-extension|https?):\/\/(?:\*|[a-z0-9.-]+(?::\d+)?)$/i, 'an origin like chrome-extension://<id> or moz-extension://*');
const path = z.string().min(1, 'a path');

function isPostgresUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
  } catch {
    return false;
  }
}

/** An address or a CIDR range, or one of the names proxy-addr knows. */
function isProxyAddress(text: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(text)) return true;
  const [address = '', prefix, ...rest] = text.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const cidrList = z
  .string()
  .transform((s) => s.split(',').map((r) => r.trim()).filter(Boolean))
  .refine((ranges) => ranges.every((r) => parseCidr(r) !== null), 'address ranges like 127.0.0.1/32 or ::1, comma-separated');

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

const envSchema = z.object({
  PORT: int(0, 65535).default(8787),
  HOST: z
    .string()
    .refine((h) => isIP(h) !== 0 || HOSTNAME.test(h), 'an IP address (127.0.0.1, ::1, 0.0.0.0) or a host name')
    .default('127.0.0.1'),
  DATABASE_URL: z.string().refine(isPostgresUrl, 'a postgres:// or postgresql:// URL (postgresql://user:password@host:5432/database)').optional(),
  PHARMACHECK_HUB_DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a schema name: lowercase letters, digits and _').optional(),
  PHARMACHECK_HUB_DB_POOL_SIZE: int(1, 100).optional(),
  PHARMACHECK_HUB_DATA_DIR: path.default('.cache/hub'),
  PHARMACHECK_HUB_EXPORT_DIR: path.optional(),
  PHARMACHECK_HUB_CORS_ORIGINS: z
    .string()
    .default('chrome-extension://*,moz-extension://*')
    .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(origin).min(1, 'at least one origin')),
  PHARMACHECK_HUB_RATE_LIMIT: int(1, 1_000_000).default(30),
  PHARMACHECK_HUB_REVIEW_RATE_LIMIT: int(1, 1_000_000).default(600),
  PHARMACHECK_HUB_RATE_WINDOW_SECONDS: int(1, 86_400).default(60),
  PHARMACHECK_HUB_BODY_LIMIT: int(1024, 1_048_576).default(32_768),
  PHARMACHECK_HUB_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((s): boolean | string[] => (s === 'true' ? true : s === 'false' ? false : s.split(',').map((a) => a.trim())))
    .refine((v) => typeof v === 'boolean' || (v.length > 0 && v.every(isProxyAddress)), 'true, false, or the proxies\' addresses or CIDR ranges, comma-separated'),
  PHARMACHECK_HUB_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PHARMACHECK_HUB_SHUTDOWN_TIMEOUT_SECONDS: int(1, 600).default(10),
  PHARMACHECK_HUB_SIGNING_KEY: path.optional(),
  PHARMACHECK_HUB_RETENTION_DAYS: int(0, 3650).default(90),
  PHARMACHECK_HUB_FETCH_ALLOW: cidrList.optional(),
  PHARMACHECK_HUB_FETCH_DENY: cidrList.optional(),
  PHARMACHECK_HUB_FETCH_MAX_BYTES: int(1024, 256 * 1024 * 1024).default(FETCH_DEFAULTS.maxBytes),
  PHARMACHECK_HUB_FETCH_TIMEOUT_SECONDS: int(1, 300).default(FETCH_DEFAULTS.timeoutMs / 1000),
});

const KNOWN = Object.keys(envSchema.shape).filter((name) => name.startsWith('PHARMACHECK_HUB_'));
/** Settings that were renamed or retired, and what to do instead. */
const RETIRED: Record<string, string> = {
  PHARMACHECK_HUB_LISTS_DIR: 'no longer used: published lists live in the database; set PHARMACHECK_HUB_EXPORT_DIR to also write them to a directory',
};

export class ConfigError extends Error {}

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

function unknownSettings(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env)
    .filter((name) => name.startsWith('PHARMACHECK_HUB_') && !KNOWN.includes(name))
    .sort()
    .map((name) => {
      if (RETIRED[name]) return `  ${name}: ${RETIRED[name]}`;
      const near = KNOWN.find((known) => distance(name, known) <= 3);
      return `  ${name}: not a setting of the hub${near ? ` (did you mean ${near}?)` : ''}`;
    });
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const parsed = envSchema.safeParse(env);
  const lines = parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  lines.push(...unknownSettings(env));
  if (parsed.success && !parsed.data.DATABASE_URL) {
    for (const name of ['PHARMACHECK_HUB_DATABASE_SCHEMA', 'PHARMACHECK_HUB_DB_POOL_SIZE'] as const) {
      if (parsed.data[name] !== undefined) lines.push(`  ${name}: applies to a PostgreSQL server only, and DATABASE_URL is not set`);
    }
  }
  if (!parsed.success || lines.length > 0) throw new ConfigError(`invalid hub configuration:\n${lines.join('\n')}`);
  const e = parsed.data;
  const dataDir = resolve(e.PHARMACHECK_HUB_DATA_DIR);
  const windowMs = e.PHARMACHECK_HUB_RATE_WINDOW_SECONDS * 1000;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, schema: e.PHARMACHECK_HUB_DATABASE_SCHEMA, poolSize: e.PHARMACHECK_HUB_DB_POOL_SIZE ?? 10 }
      : { kind: 'pglite', dataDir: resolve(dataDir, 'pgdata') },
    ...(e.PHARMACHECK_HUB_EXPORT_DIR ? { exportDir: resolve(e.PHARMACHECK_HUB_EXPORT_DIR) } : {}),
    corsOrigins: e.PHARMACHECK_HUB_CORS_ORIGINS,
    reportRateLimit: { max: e.PHARMACHECK_HUB_RATE_LIMIT, windowMs },
    reviewRateLimit: { max: e.PHARMACHECK_HUB_REVIEW_RATE_LIMIT, windowMs },
    bodyLimit: e.PHARMACHECK_HUB_BODY_LIMIT,
    trustProxy: e.PHARMACHECK_HUB_TRUST_PROXY,
    logLevel: e.PHARMACHECK_HUB_LOG_LEVEL,
    shutdownTimeoutMs: e.PHARMACHECK_HUB_SHUTDOWN_TIMEOUT_SECONDS * 1000,
    ...(e.PHARMACHECK_HUB_SIGNING_KEY ? { signingKeyPath: resolve(e.PHARMACHECK_HUB_SIGNING_KEY) } : {}),
    retentionDays: e.PHARMACHECK_HUB_RETENTION_DAYS,
    fetchPolicy: { allow: e.PHARMACHECK_HUB_FETCH_ALLOW ?? [], deny: e.PHARMACHECK_HUB_FETCH_DENY ?? [] },
    fetchMaxBytes: e.PHARMACHECK_HUB_FETCH_MAX_BYTES,
    fetchTimeoutMs: e.PHARMACHECK_HUB_FETCH_TIMEOUT_SECONDS * 1000,
  };
}
