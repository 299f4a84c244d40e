/**
 * From the researched CSVs (data/sources/authorities.csv and eu-registers.csv) to
 * data/caution/registers.json: every national register of online medicine sellers, with the hosts
 * an EU common logo may link to. Shared by scripts/build-caution-registers.ts and the unit test
 * that checks the committed file, so both use one definition.
 */
import { parse } from 'tldts';
import { authoritiesFromCsv } from '../../guidance/convert';
import { csvRecords } from '../../guidance/csv';
import { registersSchema, type Register, type RegisterVerification } from './schema';

export const EU_REGISTER_COLUMNS = [
  'iso2', 'country', 'register_url', 'register_host', 'evidence_url', 'evidence_note', 'verification', 'date_seen',
] as const;

/**
 * Older hosts that older logos link to, read off the sources' notes by a person (the notes also
 * name third-party sites, so they are not parsed for host names). The conversion refuses an entry
 * whose row no longer mentions it, so this table cannot drift from its source.
 */
export const OLDER_HOSTS: Readonly<Record<string, readonly string[]>> = {
  DE: ['versandhandel.dimdi.de'],
  GB: ['medicine-seller-register.mhra.gov.uk'],
  NO: ['legemiddelverket.no'],
  PL: ['ra.rejestrymedyczne.csioz.gov.pl'],
  PT: ['www.infarmed.pt'],
  FI: ['www.fimea.fi'],
};

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
};

/** The domain a logo link may be on: a subdomain of the register's registrable domain is the same authority's site. */
const domainOf = (host: string): string => parse(host).domain ?? host;

const unique = (values: readonly (string | null)[]): string[] => [...new Set(values.filter((v): v is string => !!v))];

/** The authorities file says how far the whole row was checked; for its register that reads as follows. */
function verificationOfAuthority(status: 'verified' | 'partly-verified' | 'unverified'): RegisterVerification {
  return status === 'verified' ? 'VERIFIED' : status === 'partly-verified' ? 'SECONDARY' : 'INFERRED';
}

export function registersFromCsv(authoritiesCsv: string, euRegistersCsv: string): Register[] {
  const authorities = authoritiesFromCsv(authoritiesCsv);
  const euRows = new Map(csvRecords(euRegistersCsv, EU_REGISTER_COLUMNS).map((row) => [row.iso2, row]));
  for (const iso2 of euRows.keys()) {
    if (!authorities.some((a) => a.iso2 === iso2)) throw new Error(`eu-registers.csv: ${iso2} is not in authorities.csv`);
  }
  const registers: Register[] = [];
  for (const authority of authorities) {
    const eu = euRows.get(authority.iso2);
    const url = (eu?.register_url || null) ?? authority.register?.url ?? null;
    const older = OLDER_HOSTS[authority.iso2] ?? [];
    const rowText = `${authority.register?.note ?? ''} ${authority.source.join(' ')} ${eu?.evidence_note ?? ''}`;
    for (const host of older) {
      if (!rowText.includes(host)) throw new Error(`${authority.iso2}: the sources no longer mention the older logo host ${host}`);
    }
    const registerHosts = unique([url && hostOf(url), authority.register && hostOf(authority.register.url), eu?.register_host.toLowerCase() || null, ...older]);
    if (registerHosts.length === 0) continue; // nothing a logo could be checked against
    // The authority's own site hosts the register: a logo linking there cannot be the shop's.
    const hosts = unique([...registerHosts, authority.website && hostOf(authority.website)]);
    registers.push({
      country: authority.iso2,
      authority: authority.authority ?? authority.country,
      url,
      hosts,
      domains: unique(hosts.map(domainOf)),
      euLogo: authority.euCommonLogoApplies === true,
      verification: eu ? (eu.verification as RegisterVerification) : verificationOfAuthority(authority.verificationStatus),
    });
  }
  const result = registersSchema.safeParse(registers);
  if (!result.success) throw new Error(`registers: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}

export function registersJson(registers: readonly Register[]): string {
  return `[\n${registers.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]\n`;
}
