/**
 * A national register's export (CSV) read into allowlist rows: one authorised online pharmacy a
 * line, with its website (the entry's domain), registration number (the entry's evidence), name
 * (its note) and registration date (when it was added). Exports vary, so the reader is tolerant of
 * what does not matter (header names and language, `,` `;` tab or `|` between fields, a byte-order
 * mark, Windows-1252 text, dates written day first) and strict about what does: every bad line is
 * reported with its number, and a line is bad when its website is not a domain a list may hold.
 */
import { checkEntryDomain, hostFromUserInput } from '../../../lib/domain';
import { parseCsv, type CsvRecord } from '../../../lib/lists';
import { mapColumns, type ColumnChoice, type RegisterColumn } from './columns';

export interface RegisterRow {
  readonly line: number;
  readonly domain: string;
  readonly number: string;
  readonly name: string | null;
  /** YYYY-MM-DD, or null when the export has no date column. */
  readonly date: string | null;
}

export interface LineProblem {
  readonly line: number;
  readonly message: string;
}

export interface RegisterFile {
  readonly rows: RegisterRow[];
  /** Bad lines; line 0 is the file as a whole (no header, no usable column). */
  readonly problems: LineProblem[];
  readonly delimiter: string;
  readonly encoding: 'utf-8' | 'windows-1252';
  /** The header of each column used. */
  readonly columns: Partial<Record<RegisterColumn, string>>;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;
const MAX_TEXT = 500;

/** UTF-8 if the bytes are UTF-8; otherwise the Windows-1252 that spreadsheet software on Windows writes. */
export function decodeExport(bytes: Uint8Array): { text: string; encoding: RegisterFile['encoding'] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The delimiter whose header row names the most known columns (then has the most fields). */
function chooseDelimiter(text: string, chosen: ColumnChoice): { delimiter: string; header: CsvRecord | null } {
  let best: { delimiter: string; header: CsvRecord | null; score: number } = { delimiter: ',', header: null, score: -Infinity };
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  for (const delimiter of DELIMITERS) {
    const header = parseCsv(firstLine, { delimiter }).records[0] ?? null;
    if (!header) continue;
    const map = mapColumns(header.fields, chosen);
    const score = Object.keys(map.index).length * 1000 - map.problems.length * 100 + header.fields.length;
    if (score > best.score) best = { delimiter, header, score };
  }
  return best;
}

const pad = (n: number) => String(n).padStart(2, '0');

function realDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** YYYY-MM-DD (with or without a time), YYYY/MM/DD, or day first: DD/MM/YYYY, DD.MM.YYYY, DD-MM-YYYY. */
export function parseRegisterDate(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (iso) return realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  if (dayFirst) return realDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  return null;
}

/** The list entry a website stands for: its host, without a leading `www.`. */
export function websiteDomain(website: string): { domain: string } | { problem: string } {
  const host = hostFromUserInput(website);
  if (!host) return { problem: `website: not a web address: ${website}` };
  const name = host.name.startsWith('www.') ? host.name.slice(4) : host.name;
  const check = checkEntryDomain(name);
  if (!check.ok) return { problem: `website: ${check.problem}: ${website}` };
  return { domain: check.domain };
}

export interface ReadOptions {
  readonly columns?: ColumnChoice;
  /** Today, for refusing registration dates in the future. */
  readonly now: Date;
}

export function readRegisterExport(bytes: Uint8Array, { columns: chosen = {}, now }: ReadOptions): RegisterFile {
  const { text, encoding } = decodeExport(bytes);
  const { delimiter, header } = chooseDelimiter(text, chosen);
  const empty = { rows: [], delimiter, encoding, columns: {} };
  if (!header) return { ...empty, problems: [{ line: 0, message: 'the file is empty: a register export starts with a header line' }] };
  const map = mapColumns(header.fields, chosen);
  const columns = Object.fromEntries(Object.entries(map.index).map(([column, at]) => [column, header.fields[at]!.trim()]));
  if (map.problems.length > 0) return { ...empty, columns, problems: map.problems.map((message) => ({ line: header.line, message })) };

  const parsed = parseCsv(text, { delimiter });
  const problems: LineProblem[] = parsed.problems.map((p) => ({ line: p.line, message: p.detail }));
  const rows: RegisterRow[] = [];
  const seen = new Map<string, number>();
  const today = now.toISOString().slice(0, 10);
  for (const record of parsed.records) {
    if (record.line <= header.line) continue;
    const field = (column: RegisterColumn) => {
      const at = map.index[column];
      return at === undefined ? '' : (record.fields[at] ?? '').trim();
    };
    let isBad = false;
    const bad = (message: string) => {
      isBad = true;
      problems.push({ line: record.line, message });
    };
    const website = field('website');
    const number = field('number');
    const name = field('name');
    const dateText = field('date');
    if (website === '') {
      bad('no website');
      continue;
    }
    const domain = websiteDomain(website);
    if ('problem' in domain) {
      bad(domain.problem);
      continue;
    }
    if (number === '') bad('no registration number');
    else if (number.length > MAX_TEXT) bad(`registration number: longer than ${MAX_TEXT} characters`);
    if (name.length > MAX_TEXT) bad(`name: longer than ${MAX_TEXT} characters`);
    let date: string | null = null;
    if (map.index.date !== undefined) {
      date = parseRegisterDate(dateText);
      if (dateText === '') bad('no registration date');
      else if (date === null) bad(`date: not a date (write 2024-03-31 or 31/03/2024): ${dateText}`);
      else if (date > today) bad(`date: in the future: ${dateText}`);
    }
    const earlier = seen.get(domain.domain);
    if (earlier !== undefined) bad(`duplicate: ${domain.domain} is also on line ${earlier}`);
    if (isBad) continue;
    seen.set(domain.domain, record.line);
    rows.push({ line: record.line, domain: domain.domain, number, name: name === '' ? null : name, date });
  }
  problems.sort((a, b) => a.line - b.line);
  if (rows.length === 0 && problems.length === 0) problems.push({ line: 0, message: 'no pharmacy in the file: a register export lists at least one' });
  return { rows, problems, delimiter, encoding, columns };
}
