/**
 * A small RFC 4180 reader for maintainers' spreadsheets: comma-separated, fields in double quotes
 * may hold commas, quotes (doubled) and line breaks. Each record keeps the line it starts on, so a
 * bad entry is reported where the maintainer will look for it.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  readonly line: number;
  /** The record as written (for messages). */
  readonly text: string;
  readonly fields: string[];
}

export interface CsvProblem {
  readonly line: number;
  readonly text: string;
  readonly detail: string;
}

export interface CsvResult {
  readonly records: CsvRecord[];
  readonly problems: CsvProblem[];
}

/**
 * Records of the text; blank lines (and rows of empty fields) are skipped. `delimiter` is a comma
 * unless told otherwise (registers' exports use `;` or a tab as often as a comma).
 */
export function parseCsv(text: string, { delimiter = ',' }: { delimiter?: string } = {}): CsvResult {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let at = 0;
  let line = 1;
  while (at < body.length) {
    const start = at;
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let inQuotes = false;
    let bad: string | null = null;
    for (; at < body.length; at++) {
      const c = body[at]!;
      if (inQuotes) {
        if (c === '"' && body[at + 1] === '"') (field += '"'), at++;
        else if (c === '"') inQuotes = false;
        else {
          if (c === '\n') line++;
          field += c;
        }
      } else if (c === '"' && field === '' && !quoted) (inQuotes = true), (quoted = true);
      else if (c === delimiter) fields.push(field), (field = ''), (quoted = false);
      else if (c === '\n' || (c === '\r' && body[at + 1] === '\n')) break;
      else if (quoted) bad ??= 'text after a closing quote';
      else if (c === '"') bad ??= 'a quote inside an unquoted field';
      else field += c;
    }
    if (inQuotes) bad = 'a quoted field is never closed';
    fields.push(field);
    const raw = body.slice(start, at);
    at += body[at] === '\r' ? 2 : 1;
    line++;
    if (bad) problems.push({ line: startLine, text: raw, detail: bad });
    else if (fields.some((f) => f.trim() !== '')) records.push({ line: startLine, text: raw, fields });
  }
  return { records, problems };
}
