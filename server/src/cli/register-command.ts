/** `import-register --list <id> <export.csv>`: a register's export becomes the allowlist's draft. */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { actorName } from '../auth';
import type { Database } from '../db';
import { readRegisterExport } from '../registers/csv';
import { BadRegisterFile, importRegister } from '../registers/import';
import { CommandError } from './command-error';

export async function importRegisterCommand(db: Database, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      list: { type: 'string' },
      'skip-bad-lines': { type: 'boolean', default: false },
      'website-column': { type: 'string' },
      'number-column': { type: 'string' },
      'name-column': { type: 'string' },
      'date-column': { type: 'string' },
    },
  });
  if (!values.list) throw new CommandError('--list <id> is required', 2);
  if (positionals.length !== 1) throw new CommandError('give one register export (a CSV file)', 2);
  const path = positionals[0]!;
  const bytes = await readFile(path).catch((error: Error) => {
    throw new CommandError(`cannot read ${path}: ${error.message}`);
  });
  const file = readRegisterExport(bytes, {
    columns: { website: values['website-column'], number: values['number-column'], name: values['name-column'], date: values['date-column'] },
    now: new Date(),
  });
  try {
    const result = await importRegister(db, { listId: values.list, file, bytes, actor: actorName({ id: 'cli', label: 'command line' }), skipBadLines: values['skip-bad-lines'] });
    for (const p of result.skipped) console.error(`${path}: line ${p.line}: ${p.message} (skipped)`);
    console.log(
      `Imported ${result.entries} pharmacies into the draft of ${result.listId}: ${result.added} added, ${result.removed} removed, ${result.changed} changed, ${result.unchanged} unchanged.`,
    );
    console.log('Review the draft, then publish it (the review page, or POST /v1/lists/<id>/publish).');
  } catch (error) {
    if (!(error instanceof BadRegisterFile)) throw error;
    for (const p of error.problems) console.error(p.line === 0 ? `${path}: ${p.message}` : `${path}: line ${p.line}: ${p.message}`);
    throw new CommandError(`${path}: ${error.message}${file.rows.length > 0 ? ' (--skip-bad-lines imports the good lines)' : ''}`);
  }
}
