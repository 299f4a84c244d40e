/**
 * What a maintainer gives the toolkit's `build`, read into rows: a plain list of domains (one a
 * line), a CSV file with a header, or a JSON array of domains or of entries. Each row keeps its
 * line, so every problem is reported where the maintainer will look for it. Nothing here judges a
 * domain or a field: that is input-entries.ts, the same for every format.
 */
import { z } from 'zod';
import type { EntryProblem } from '../domain';
import { parseCsv } from './csv';
import { arrayElementLines, jsonErrorLine } from './json-lines';

export const INPUT_FORMATS = ['text', 'csv', 'json'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** The fields an input may give for an entry; the rest come from the previous version or defaults. */
export const INPUT_COLUMNS = ['domain', 'category', 'added', 'source', 'reference', 'note'] as const;
type Column = (typeof INPUT_COLUMNS)[number];
export type InputFields = Partial<Record<Exclude<Column, 'domain'>, string>>;

export interface InputRow {
  readonly line: number;
  readonly text: string;
  readonly domain: string;
  readonly fields: InputFields;
}

export interface InputProblem {
  /** 1-based; 0 when the problem has no line (JSON.parse did not say where). */
  readonly line: number;
  readonly text: string;
  readonly problem: EntryProblem | 'duplicate' | 'invalid';
  readonly detail?: string;
}

export interface RowsResult {
  readonly rows: InputRow[];
  /** Rows that cannot be read; the others can still be used. */
  readonly problems: InputProblem[];
  /** A problem with the whole input (not JSON, a bad CSV header): no row can be trusted. */
  readonly fatal: InputProblem | null;
}

const NO_FIELDS: InputFields = Object.freeze({});

/** One domain a line; blank lines and lines starting with `#` are ignored. */
export function rowsFromText(text: string): RowsResult {
  const rows: InputRow[] = [];
  // A scan rather than split(): a million lines would be a million strings twice over.
  for (let start = 0, line = 1; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    const trimmed = raw.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) rows.push({ line, text: raw, domain: trimmed, fields: NO_FIELDS });
    start = end + 1;
  }
  return { rows, problems: [], fatal: null };
}

const invalid = (line: number, text: string, detail: string): InputProblem => ({ line, text, problem: 'invalid', detail });

/** A header naming the columns (any order, any case), then one entry a record. */
export function rowsFromCsv(text: string): RowsResult {
  const { records, problems: csvProblems } = parseCsv(text);
  const problems = csvProblems.map((p) => invalid(p.line, p.text, p.detail));
  const [header, ...body] = records;
  if (!header) return { rows: [], problems, fatal: invalid(1, '', 'no header: the first line names the columns, e.g. domain,category,added,source,reference,note') };
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const unknown = columns.find((c) => !(INPUT_COLUMNS as readonly string[]).includes(c));
  const repeated = columns.find((c, i) => columns.indexOf(c) !== i);
  const headerProblem = !columns.includes('domain')
    ? 'the header has no "domain" column'
    : unknown !== undefined
      ? `unknown column "${unknown}" (columns: ${INPUT_COLUMNS.join(', ')})`
      : repeated !== undefined
        ? `column "${repeated}" appears twice`
        : null;
  if (headerProblem) return { rows: [], problems, fatal: invalid(header.line, header.text, headerProblem) };
  const rows: InputRow[] = [];
  for (const record of body) {
    if (record.fields.length > columns.length) {
      problems.push(invalid(record.line, record.text, `${record.fields.length} fields, but the header names ${columns.length}`));
      continue;
    }
    const fields: InputFields = {};
    let domain = '';
    record.fields.forEach((value, i) => {
      const column = columns[i] as Column;
      if (column === 'domain') domain = value;
      else if (value.trim() !== '') fields[column] = value.trim();
    });
    rows.push({ line: record.line, text: record.text, domain, fields });
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems, fatal: null };
}

const jsonEntrySchema = z.strictObject({
  domain: z.string(),
  category: z.string().optional(),
  added: z.string().optional(),
  evidence: z.strictObject({ source: z.string().optional(), reference: z.string().optional() }).optional(),
  note: z.string().optional(),
});

/** An array whose elements are domains (strings) or entries (objects shaped like list entries). */
export function rowsFromJson(text: string): RowsResult {
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text);
  } catch (error) {
    const line = jsonErrorLine(text, error);
    return { rows: [], problems: [], fatal: invalid(line ?? 0, '', `not JSON: ${(error as Error).message}`) };
  }
  if (!Array.isArray(value)) return { rows: [], problems: [], fatal: invalid(0, '', 'JSON input is an array of domains or of entries') };
  const lines = arrayElementLines(text);
  const rows: InputRow[] = [];
  const problems: InputProblem[] = [];
  value.forEach((element: unknown, i) => {
    const line = lines[i] ?? 1;
    if (typeof element === 'string') {
      rows.push({ line, text: element, domain: element, fields: {} });
      return;
    }
    const parsed = jsonEntrySchema.safeParse(element);
    const shown = JSON.stringify(element) ?? String(element);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(invalid(line, shown, `an element is a domain or an entry object (${issue ? `${issue.path.join('.') || 'element'}: ${issue.message}` : 'invalid'})`));
      return;
    }
    const { domain, evidence, ...rest } = parsed.data;
    rows.push({ line, text: shown, domain, fields: { ...rest, ...evidence } });
  });
  return { rows, problems, fatal: null };
}

export function inputRows(text: string, format: InputFormat): RowsResult {
  if (format === 'csv') return rowsFromCsv(text);
  if (format === 'json') return rowsFromJson(text);
  return rowsFromText(text);
}
