import { resolve } from 'node:path';
import { DEFAULT_DELTA_COUNT } from '../../lists';
import { PublishError, publishToDirectory, servedDirectoryProblem } from '../../publishing';
import { intOption, nowOf, parseCommand, required, type Command } from '../command';
import { ioError, refused, usageError } from '../exit';
import { readSecretKey } from '../keys';
import { readList } from '../signed-files';


export const publish: Command = {
  name: 'publish',
  helpArgs: [DEFAULT_DELTA_COUNT],
  async run(argv, io) {
    const args = parseCommand(publish, argv, io, { key: { type: 'string' }, out: { type: 'string' }, deltas: { type: 'string' } }, ['list']);
    if (!args) return;
    const out = required(args.values.out, 'out', io);
    const deltaCount = intOption(args.values.deltas, 'deltas', 0, io) ?? DEFAULT_DELTA_COUNT;
    const keyPath = required(args.values.key, 'key', io);
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
