/**
 * From the researched CSVs (data/sources/) to the JSON the extension ships. Shared by
 * scripts/build-guidance-data.ts and the unit test that checks the committed JSON, so both use
 * one definition. Every row is validated: a bad URL or an unknown status stops the conversion.
 */
import * as z from 'zod/mini';
import { authoritiesSchema, medicrimePartiesSchema, type Authority, type MedicrimeParty, type VerificationStatus } from './authorities';
import { csvRecords } from './csv';
import { issuesText } from './issues';

export const AUTHORITY_COLUMNS = [
  'iso2', 'country', 'region', 'authority', 'website', 'report_url', 'online_pharmacy_register_url',
  'eu_common_logo', 'medicrime_status', 'source', 'verification',
] as const;

export const PARTY_COLUMNS = [
  'iso2', 'country', 'status', 'signature_date', 'ratification_or_deposit_date', 'entry_into_force',
  'source', 'notes', 'verification',
] as const;

const orNull = (value: string): string | null => (value === '' ? null : value);

/**
 * Conservative on purpose: only a plain "verified", or "verified (…)" with no reservation in the
 * brackets and nothing after them, reads as verified; any other mention of a check is partial.
 */
export function verificationStatus(note: string): VerificationStatus {
  const text = note.trim().toLowerCase();
  if (text.startsWith('unverified') || !text.includes('verified')) return 'unverified';
  const plain = /^verified(?: \([^()]*\))?$/.test(text);
  const reserved = /unverified|not captured|not found|missing|researcher knowledge|secondary|third-party|only|partly/.test(text);
  return plain && !reserved ? 'verified' : 'partly-verified';
}

/** The sources column: several references separated by " ; ". */
export function splitSources(value: string): string[] {
  return value.split(/\s;\s/).map((s) => s.trim()).filter((s) => s !== '');
}

/** "URL (what the source says about it)" → the first web address and the rest as a note. */
export function registerFrom(value: string): Authority['register'] {
  const match = /https?:\/\/[^\s;,()]+/.exec(value);
  if (!match) return value === '' ? null : { url: value, note: null }; // validation then names the bad URL
  let rest = `${value.slice(0, match.index)} ${value.slice(match.index + match[0].length)}`.trim();
  const wrapped = /^\(([^()]*)\)$/.exec(rest);
  if (wrapped) rest = wrapped[1]!.trim();
  return { url: match[0], note: orNull(rest) };
}

export function euLogoApplies(value: string): boolean | null {
  if (/^yes\b/i.test(value)) return true;
  if (/^(no\b|n\/a)/i.test(value)) return false;
  return null;
}

function validated<T>(schema: z.ZodMiniType<T>, value: unknown, file: string): T {
  const result = z.safeParse(schema, value, { reportInput: true });
  if (!result.success) {
    const rowOf = (path: readonly PropertyKey[]) => (typeof path[0] === 'number' ? `row ${path[0] + 2}: ` : '');
    throw new Error(`${file}: ${result.error.issues.map((i) => rowOf(i.path) + issuesText([{ ...i, path: i.path.slice(1) }])).join('; ')}`);
  }
  return result.data;
}

export function authoritiesFromCsv(csv: string): Authority[] {
  const rows = csvRecords(csv, AUTHORITY_COLUMNS).map((row) => ({
    iso2: row.iso2,
    country: row.country,
    region: row.region,
    authority: orNull(row.authority),
    website: orNull(row.website),
    reportUrl: orNull(row.report_url),
    register: registerFrom(row.online_pharmacy_register_url),
    euCommonLogo: orNull(row.eu_common_logo),
    euCommonLogoApplies: euLogoApplies(row.eu_common_logo),
    medicrimeStatus: orNull(row.medicrime_status),
    source: splitSources(row.source),
    verification: row.verification,
    verificationStatus: verificationStatus(row.verification),
  }));
  return validated(authoritiesSchema, rows, 'authorities.csv');
}

export function medicrimePartiesFromCsv(csv: string): MedicrimeParty[] {
  const rows = csvRecords(csv, PARTY_COLUMNS).map((row) => ({
    iso2: row.iso2,
    country: row.country,
    status: row.status,
    signatureDate: orNull(row.signature_date),
    ratificationDate: orNull(row.ratification_or_deposit_date),
    entryIntoForce: orNull(row.entry_into_force),
    source: splitSources(row.source),
    notes: orNull(row.notes),
    verification: row.verification,
    verificationStatus: verificationStatus(row.verification),
  }));
  return validated(medicrimePartiesSchema, rows, 'medicrime-parties.csv');
}

/** The JSON text committed in data/ (stable formatting, so a diff shows what changed). */
export function toDataJson(rows: readonly unknown[]): string {
  return `[\n${rows.map((row) => `  ${JSON.stringify(row)}`).join(',\n')}\n]\n`;
}
