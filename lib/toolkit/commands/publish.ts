import { resolve } from 'node:path';
import { DEFAULT_DELTA_COUNT } from '../../lists';
import { PublishError, publishToDirectory, servedDirectoryProblem } from '../../publishing';
import { intOption, nowOf, parseCommand, required, type Command } from '../command';
import { ioError, refused, usageError } from '../exit';
import { readSecretKey } from '../keys';
import { readList } from '../signed-files';

const help = `Usage: pharmacheck publish <list.json> --key <secret-key.json> --out <directory> [options]

Publishes a list into a directory that any static web server or CDN can serve:
  <directory>/index.json                  the lists the directory holds (not signed)
  <directory>/<id>/latest.json (+ .sig)   what subscribers poll: the version and its files
  <directory>/<id>/v<N>.json (+ .sig)     the full list, version N
  <directory>/<id>/delta-<M>-<N>.json (+ .sig)   deltas from recent earlier versions
Earlier versions found in the directory are kept and deltas are made from the most recent ones.
Every file is verified as a subscriber would verify it before anything changes, and the directory
is replaced as a whole: a publish that fails leaves it as it was. Publishing an older version
than one already there, or the same version with other content, is refused (exit 1), and so is a
directory that holds the secret key (it is served to anyone) or the current directory.

Options:
  --key <file>     the secret key file (required)
  --out <dir>      the publish directory (required; created if missing)
  --deltas <n>     deltas from up to this many earlier versions (default ${DEFAULT_DELTA_COUNT}; 0 for none)
  -h, --help       show this help
`;

export const publish: Command = {
  name: 'publish',
  summary: 'write a directory of signed files ready for a static web server or CDN',
  help,
  async run(argv, io) {
    const args = parseCommand(publish, argv, io, { key: { type: 'string' }, out: { type: 'string' }, deltas: { type: 'string' } }, ['list']);
    if (!args) return;
    const out = required(args.values.out, 'out');
    const deltaCount = intOption(args.values.deltas, 'deltas', 0) ?? DEFAULT_DELTA_COUNT;
    const keyPath = required(args.values.key, 'key');
    const root = resolve(out);
    // The directory is replaced as a whole and served to anyone: never the one we stand in, never
    // one that holds the secret key.
    const problem = servedDirectoryProblem(root, { workingDirectory: process.cwd(), secrets: [keyPath] });
    if (problem?.holds === 'working-directory') throw usageError(`--out ${out} holds the current directory; publish into a directory of its own`);
    if (problem) throw refused(`the secret key ${keyPath} is inside ${out}, which is served to anyone; keep it elsewhere`);
    const key = await readSecretKey(keyPath);
    const list = await readList(args.positionals[0]!);
    let result;
    try {
      result = await publishToDirectory({ list, key, root, deltaCount, now: nowOf(io), onPhase: (label) => io.progress.start(label) });
    } catch (error) {
      if (error instanceof PublishError) throw error.problem === 'io' ? ioError(error.message) : refused(error.message);
      throw error;
    } finally {
      io.progress.done();
    }
    const deltas = result.deltasFrom.length ? `deltas from version${result.deltasFrom.length > 1 ? 's' : ''} ${result.deltasFrom.join(', ')}` : 'no deltas';
    io.stdout.write(
      `published list "${list.id}" version ${list.version} in ${out} (${list.entries.length} entries, ${deltas}, signed with key ${key.keyId})\n` +
        result.written.filter((p) => !p.endsWith('.sig')).map((p) => `  ${p}${p === 'index.json' ? '' : ' (+ .sig)'}\n`).join(''),
    );
  },
};
