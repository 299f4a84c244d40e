import { z } from 'zod';
import { directoryEntry, PUBLISHER_KINDS, trustFileText } from '../../../trust';
import { parseCommand, required, type Command } from '../../command';
import { refused, usageError } from '../../exit';
import { firstIssue, writeFileAtomic } from '../../files';
import { readPublicKey } from '../../keys';


export const directoryEntryCommand: Command = {
  name: 'directory entry',
  async run(argv, io) {
    const args = parseCommand(directoryEntryCommand, argv, io, {
      key: { type: 'string', multiple: true },
      id: { type: 'string' },
      name: { type: 'string' },
      type: { type: 'string' },
      country: { type: 'string' },
      list: { type: 'string', multiple: true },
      website: { type: 'string' },
      out: { type: 'string' },
    });
    if (!args) return;
    const v = args.values;
    const type = required(v.type, 'type');
    if (!(PUBLISHER_KINDS as readonly string[]).includes(type)) throw usageError(`--type is authority or register, not "${type}"`);
    const keyPaths = v.key ?? [];
    if (keyPaths.length === 0) throw usageError('--key is required');
    const lists = (v.list ?? []).map((spec) => {
      const at = spec.indexOf('=');
      return at < 0 ? { id: spec } : { id: spec.slice(0, at), url: spec.slice(at + 1) };
    });
    if (lists.length === 0) throw usageError('--list is required');
    const keys = await Promise.all(keyPaths.map((p) => readPublicKey(p)));
    let entry;
    try {
      entry = directoryEntry({ id: required(v.id, 'id'), name: required(v.name, 'name'), type: type as 'authority' | 'register', country: required(v.country, 'country'), website: v.website, lists, keys });
    } catch (error) {
      if (error instanceof z.ZodError) throw refused(`not a valid directory entry: ${firstIssue(error)}`);
      throw error;
    }
    const text = trustFileText(entry);
    if (v.out === undefined) return void io.stdout.write(text);
    await writeFileAtomic(v.out, text);
    io.stdout.write(`wrote ${v.out}: ${entry.type} "${entry.id}" (${entry.country}), lists ${entry.lists.map((l) => l.id).join(', ')}, keys ${entry.keys.map((k) => k.keyId).join(', ')}\n`);
  },
};
