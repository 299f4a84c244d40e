/**
 * The IANA RDAP bootstrap for domain names (RFC 9224): which RDAP server answers for each TLD. A
 * copy is bundled (data/rdap/dns.json, with its date and source in data/rdap/README.md);
 * `update-rdap-bootstrap` keeps a newer one in the database, and the newer of the two is used.
 */
import { z } from 'zod';
import bundledFile from '../../../data/rdap/dns.json';
import { recordAudit } from '../audit';
import type { Database, Queryable } from '../db';

export const IANA_DNS_BOOTSTRAP = 'https://data.iana.org/rdap/dns.json';

export const bootstrapSchema = z.object({
  description: z.string().max(500).optional(),
  publication: z.iso.datetime({ offset: true }),
  version: z.string().max(20).optional(),
  services: z
    .array(z.tuple([z.array(z.string().regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/i, 'a TLD in ASCII')).min(1), z.array(z.url({ protocol: /^https?$/ })).min(1)]))
    .min(1)
    .max(10_000),
});
export type BootstrapFile = z.infer<typeof bootstrapSchema>;

export interface Bootstrap {
  readonly file: BootstrapFile;
  readonly source: string;
  /** When this hub obtained it (null for the bundled copy). */
  readonly fetchedAt: string | null;
}

export const BUNDLED: Bootstrap = { file: bootstrapSchema.parse(bundledFile), source: 'bundled data/rdap/dns.json', fetchedAt: null };

const SETTING = 'rdap-bootstrap';

export async function currentBootstrap(db: Queryable): Promise<Bootstrap> {
  const { rows } = await db.query<{ value: string }>('select value from hub_settings where name = $1', [SETTING]);
  if (!rows[0]) return BUNDLED;
  const stored = z.object({ file: bootstrapSchema, source: z.string(), fetchedAt: z.string() }).safeParse(JSON.parse(rows[0].value));
  if (!stored.success) return BUNDLED;
  return Date.parse(stored.data.file.publication) >= Date.parse(BUNDLED.file.publication) ? stored.data : BUNDLED;
}

/**
 * The RDAP base URLs for a domain: the service whose TLD is the longest suffix of the domain
 * (a bootstrap entry may name more than one label), https first.
 */
export function rdapServers(domain: string, bootstrap: BootstrapFile): string[] {
  const name = domain.toLowerCase().replace(/\.$/, '');
  let best: { length: number; urls: string[] } | null = null;
  for (const [tlds, urls] of bootstrap.services) {
    for (const tld of tlds) {
      const t = tld.toLowerCase();
      if ((name === t || name.endsWith(`.${t}`)) && (!best || t.length > best.length)) best = { length: t.length, urls };
    }
  }
  if (!best) return [];
  return [...best.urls].sort((a, b) => Number(b.startsWith('https:')) - Number(a.startsWith('https:'))).map((u) => (u.endsWith('/') ? u : `${u}/`));
}

/** Checks a bootstrap file and keeps it; refused (nothing kept) when it is not one. */
export async function saveBootstrap(db: Database, bytes: Uint8Array, source: string, actor: string, now = new Date()): Promise<BootstrapFile> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Error(`${source} is not a JSON file`);
  }
  const parsed = bootstrapSchema.safeParse(value);
  if (!parsed.success) throw new Error(`${source} is not an RDAP bootstrap file: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into hub_settings (name, value, set_at) values ($1, $2, $3) on conflict (name) do update set value = excluded.value, set_at = excluded.set_at`,
      [SETTING, JSON.stringify({ file: parsed.data, source, fetchedAt: now.toISOString() }), now],
    );
    await recordAudit(tx, { actor, action: 'update-rdap-bootstrap', subject: source, details: { publication: parsed.data.publication, services: parsed.data.services.length } });
  });
  return parsed.data;
}
