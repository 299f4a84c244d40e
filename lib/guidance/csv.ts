/** A small RFC 4180 reader: quoted fields may hold commas, line breaks and doubled quotes. */

export class CsvError extends Error {}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        if (i + 1 < text.length && !',\r\n'.includes(text[i + 1]!)) throw new CsvError(`line ${line}: text after a closing quote`);
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      if (field !== '') throw new CsvError(`line ${line}: a quote inside an unquoted field`);
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else {
      field += c;
    }
  }
  if (quoted) throw new CsvError(`line ${quoteLine}: a quoted field never ends`);
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Rows as objects keyed by the header, which must be exactly `columns`. */
export function csvRecords<C extends string>(text: string, columns: readonly C[]): Record<C, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header || header.join(',') !== columns.join(',')) {
    throw new CsvError(`expected the columns ${columns.join(',')}, found ${header?.join(',') ?? 'nothing'}`);
  }
  return rows.map((cells, index) => {
    if (cells.length !== columns.length) {
      throw new CsvError(`row ${index + 2} has ${cells.length} fields, expected ${columns.length}`);
    }
    return Object.fromEntries(columns.map((column, i) => [column, cells[i]!.trim()])) as Record<C, string>;
  });
}
