import { extname } from 'node:path';
import {
  domainOrder,
  entriesFromRows,
  INPUT_FORMATS,
  inputRows,
  LIMITS,
  serializedPieces,
  type Entry,
  type InputFormat,
  type InputProblem,
  type List,
} from '../../lists';
import { buildMetaFileSchema, DEFAULT_VALID_DAYS, resolveMeta, type BuildMetaFile } from '../build-meta';
import { intOption, nowOf, parseCommand, required, type Command, type Io } from '../command';
import { refused, usageError } from '../exit';
import { readJson, readText, writePiecesAtomic } from '../files';
import { readList } from '../signed-files';


const options = {
  out: { type: 'string' },
  format: { type: 'string' },
  'skip-bad-lines': { type: 'boolean' },
  'strip-www': { type: 'boolean' },
  version: { type: 'string' },
  previous: { type: 'string' },
  meta: { type: 'string' },
  id: { type: 'string' },
  name: { type: 'string' },
  description: { type: 'string' },
  kind: { type: 'string' },
  publisher: { type: 'string' },
  'publisher-type': { type: 'string' },
  country: { type: 'string' },
  website: { type: 'string' },
  issued: { type: 'string' },
  expires: { type: 'string' },
  'valid-days': { type: 'string' },
  'update-interval': { type: 'string' },
  category: { type: 'string' },
  added: { type: 'string' },
  source: { type: 'string' },
  reference: { type: 'string' },
} as const;

function formatOf(flag: string | undefined, input: string): InputFormat {
  if (flag !== undefined) {
    if (!(INPUT_FORMATS as readonly string[]).includes(flag)) throw usageError(`--format is one of ${INPUT_FORMATS.join(', ')}, not "${flag}"`);
    return flag as InputFormat;
  }
  const ext = extname(input).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.json' ? 'json' : 'text';
}

const MAX_ENTRIES = 5_000_000;

export function problemLine(p: InputProblem): string {
  return `${p.line > 0 ? `line ${p.line}: ` : ''}${p.problem}: ${p.detail ?? p.text.trim()}`;
}

/** Entries by domain, in code-unit order (as `<` compares); entriesFromRows has refused repeats. */
function sortedByDomain(entries: readonly Entry[]): Entry[] {
  return Array.from(domainOrder(entries.map((e) => e.domain)), (i) => entries[i]!);
}

function changes(previous: List | null, entries: readonly Entry[]): string {
  if (!previous) return '';
  const before = new Map(previous.entries.map((e) => [e.domain, JSON.stringify(e)]));
  let added = 0;
  let changed = 0;
  for (const e of entries) {
    const old = before.get(e.domain);
    if (old === undefined) added++;
    else if (old !== JSON.stringify(e)) changed++;
    before.delete(e.domain);
  }
  return `; since version ${previous.version}: ${added} added, ${before.size} removed, ${changed} changed`;
}

function report(problems: readonly InputProblem[], input: string, io: Io): void {
  io.stderr.write(`${input}: ${problems.length} bad line${problems.length === 1 ? '' : 's'}\n`);
  for (const p of problems) io.stderr.write(`${problemLine(p)}\n`);
}

export const build: Command = {
  name: 'build',
  helpArgs: [DEFAULT_VALID_DAYS],
  async run(argv, io) {
    const args = parseCommand(build, argv, io, options, ['input']);
    if (!args) return;
    const v = args.values;
    const input = args.positionals[0]!;
    const out = required(v.out, 'out', io);
    const format = formatOf(v.format, input);
    const previous = v.previous === undefined ? null : await readList(v.previous);
    const metaFile: BuildMetaFile | undefined = v.meta === undefined ? undefined : await readJson(v.meta, buildMetaFileSchema, 'metadata file');
    const now = nowOf(io);
    const { meta, defaults } = resolveMeta(
      {
        id: v.id,
        name: v.name,
        description: v.description,
        publisher: v.publisher,
        publisherType: v['publisher-type'],
        country: v.country,
        website: v.website,
        kind: v.kind,
        version: intOption(v.version, 'version', 1, io),
        issued: v.issued,
        expires: v.expires,
        validDays: intOption(v['valid-days'], 'valid-days', 1, io),
        updateInterval: intOption(v['update-interval'], 'update-interval', 1, io),
        category: v.category,
        added: v.added,
        source: v.source,
        reference: v.reference,
      },
      metaFile,
      previous,
      now,
    );
    if (previous && previous.id !== meta.id) throw refused(`--previous is list "${previous.id}", this one is "${meta.id}"`);
    if (Date.parse(meta.expires) <= now.getTime()) throw refused(`the list would expire at ${meta.expires}, in the past: subscribers would refuse it`);

    const text = await readText(input);
    io.progress.start('reading the input');
    const read = inputRows(text, format);
    // On any refusal, run() clears the progress line before the message is written.
    if (read.fatal) throw refused(`${input}: ${problemLine(read.fatal)}; nothing written`);
    io.progress.start('checking entries', read.rows.length);
    const { entries, problems } = entriesFromRows(read.rows, {
      kind: meta.kind,
      defaults,
      previous: previous ? new Map(previous.entries.map((e) => [e.domain, e])) : undefined,
      stripWww: v['strip-www'] ?? false,
      onProgress: (done) => io.progress.update(done),
    });
    const bad = [...read.problems, ...problems].sort((a, b) => a.line - b.line);
    io.progress.done();
    if (bad.length > 0) {
      report(bad, input, io);
      if (!v['skip-bad-lines']) throw refused(`nothing written: fix the lines above, or leave them out with --skip-bad-lines`);
    }

    // Every value was checked as it came in, by the schemas subscribers apply (meta by resolveMeta,
    // each row's domain and fields by entriesFromRows, repeats too): no second pass over a million
    // entries. The list's own limits remain.
    if (entries.length > MAX_ENTRIES) throw refused(`${entries.length} entries, more than a list may hold (${MAX_ENTRIES}); nothing written`);
    const list = { ...meta, entries: sortedByDomain(entries) };
    io.progress.start('writing');
    await writePiecesAtomic(out, serializedPieces(list), LIMITS.listBytes, (bytes) => refused(`the list is more than ${bytes} bytes, more than subscribers accept (${LIMITS.listBytes}); nothing written`));
    io.progress.done();
    const skipped = bad.length > 0 ? ` (${bad.length} bad line${bad.length === 1 ? '' : 's'} left out)` : '';
    io.stdout.write(
      `wrote ${out}: list "${meta.id}" version ${meta.version}, ${entries.length} entries${skipped}${changes(previous, entries)}\n` +
        `  ${meta.kind} list by ${meta.publisher.name} (${meta.publisher.type}), expires ${meta.expires}\n`,
    );
  },
};
