/**
 * The hub's configuration, from environment variables only (documented in docs/hub.md). Parsed
 * once at start with zod: a wrong value stops the hub with a message naming the variable, rather
 * than surfacing later as odd behaviour.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

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
  readonly listsDir: string;
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
}

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const origin = z.string().regex(/^(?:chrome-extension|moz-extension|safari-web-extension|https?):\/\/(?:\*|[a-z0-9.-]+(?::\d+)?)$/i, 'an origin like chrome-extension://<id> or moz-extension://*');

const envSchema = z.object({
  PORT: int(0, 65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().regex(/^postgres(?:ql)?:\/\//, 'a postgres:// URL').optional(),
  PHARMACHECK_HUB_DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).optional(),
  PHARMACHECK_HUB_DB_POOL_SIZE: int(1, 100).default(10),
  PHARMACHECK_HUB_DATA_DIR: z.string().min(1).default('.cache/hub'),
  PHARMACHECK_HUB_LISTS_DIR: z.string().min(1).optional(),
  PHARMACHECK_HUB_CORS_ORIGINS: z
    .string()
    .default('chrome-extension://*,moz-extension://*')
    .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(origin)),
  PHARMACHECK_HUB_RATE_LIMIT: int(1, 1_000_000).default(30),
  PHARMACHECK_HUB_REVIEW_RATE_LIMIT: int(1, 1_000_000).default(600),
  PHARMACHECK_HUB_RATE_WINDOW_SECONDS: int(1, 86_400).default(60),
  PHARMACHECK_HUB_BODY_LIMIT: int(1024, 1_048_576).default(32_768),
  PHARMACHECK_HUB_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((s): boolean | string[] => (s === 'true' ? true : s === 'false' ? false : s.split(',').map((a) => a.trim()))),
  PHARMACHECK_HUB_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PHARMACHECK_HUB_SHUTDOWN_TIMEOUT_SECONDS: int(1, 600).default(10),
  PHARMACHECK_HUB_SIGNING_KEY: z.string().min(1).optional(),
});

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid hub configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.PHARMACHECK_HUB_DATA_DIR);
  const windowMs = e.PHARMACHECK_HUB_RATE_WINDOW_SECONDS * 1000;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, schema: e.PHARMACHECK_HUB_DATABASE_SCHEMA, poolSize: e.PHARMACHECK_HUB_DB_POOL_SIZE }
      : { kind: 'pglite', dataDir: resolve(dataDir, 'pgdata') },
    listsDir: resolve(e.PHARMACHECK_HUB_LISTS_DIR ?? resolve(dataDir, 'lists')),
    corsOrigins: e.PHARMACHECK_HUB_CORS_ORIGINS,
    reportRateLimit: { max: e.PHARMACHECK_HUB_RATE_LIMIT, windowMs },
    reviewRateLimit: { max: e.PHARMACHECK_HUB_REVIEW_RATE_LIMIT, windowMs },
    bodyLimit: e.PHARMACHECK_HUB_BODY_LIMIT,
    trustProxy: e.PHARMACHECK_HUB_TRUST_PROXY,
    logLevel: e.PHARMACHECK_HUB_LOG_LEVEL,
    shutdownTimeoutMs: e.PHARMACHECK_HUB_SHUTDOWN_TIMEOUT_SECONDS * 1000,
    ...(e.PHARMACHECK_HUB_SIGNING_KEY ? { signingKeyPath: resolve(e.PHARMACHECK_HUB_SIGNING_KEY) } : {}),
  };
}
