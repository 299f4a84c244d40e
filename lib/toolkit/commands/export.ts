/**
 * `pharmacheck export <list.json> --format rpz|hosts|adblock`: a blocklist for DNS resolvers and
 * filters (lib/resolver-formats). With --key the list and its .sig are verified as a download
 * would be before anything is written; without, the list is still held to the list schema.
 */
import { exportList, FORMATS, zoneName, type Format } from '../../resolver-formats';
import { nowOf, parseCommand, type Command } from '../command';
import { refused, usageError } from '../exit';
import { writeFileAtomic } from '../files';
import { readPublicKey } from '../keys';
import { loadListFile } from '../load-lists';

export const exportCommand: Command = {
  name: 'export',
  async run(argv, io) {
    const args = parseCommand(exportCommand, argv, io, { format: { type: 'string' }, out: { type: 'string' }, key: { type: 'string' }, zone: { type: 'string' }, now: { type: 'string' } }, ['list.json']);
    if (!args) return;
    const v = args.values;
    if (!v.format || !(FORMATS as readonly string[]).includes(v.format)) throw usageError(`--format takes ${FORMATS.join(', ')}${v.format ? `, not "${v.format}"` : ''}`);
    if (v.zone !== undefined && v.format !== 'rpz') throw usageError('--zone is for --format rpz');
    if (v.zone !== undefined && !zoneName(v.zone)) throw usageError(`--zone takes a DNS name, not "${v.zone}"`);
    const now = v.now === undefined ? nowOf(io) : new Date(v.now);
    if (Number.isNaN(now.getTime())) throw usageError(`--now takes an ISO time, not "${v.now}"`);
    const keys = v.key ? [await readPublicKey(v.key)] : [];
    const { list } = await loadListFile(args.positionals[0]!, keys, now);
    let result;
    try {
      result = exportList(list, v.format as Format, v.zone ? { zone: v.zone } : {});
    } catch (error) {
      throw refused((error as Error).message);
    }
    // writeFileAtomic names the file when it cannot write it (exit 3), and leaves an old one whole.
    if (v.out) await writeFileAtomic(v.out, result.text);
    else io.stdout.write(result.text);
    io.stderr.write(`exported ${result.written} entries of "${list.id}" version ${list.version} as ${v.format}${v.out ? ` to ${v.out}` : ''}\n`);
  },
};
