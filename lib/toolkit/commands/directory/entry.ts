import { z } from 'zod';
import { directoryEntry, PUBLISHER_KINDS, trustFileText } from '../../../trust';
import { parseCommand, required, type Command } from '../../command';
import { refused, usageError } from '../../exit';
import { firstIssue, writeFileAtomic } from '../../files';
import { readPublicKey } from '../../keys';

const help = `Usage: pharmacheck directory entry --key <public-key.json> --id <publisher id> --name <name>
       --type authority|register --country <CC> --list <list id>[=<latest.json URL>] [options]

Writes a publisher's entry for the directory of publishers (docs/list-format.md, section 15): who it
is, the list ids it may publish, and its public keys. A list ranks as an authority's or a register's
in the extension only when its key is in the directory for its list id. Give the entry to whoever
keeps the directory; it holds public keys only.

Options:
  --key <file>        a public key file of the publisher (repeatable: a key it rolls over to too)
  --id <id>           the publisher's id: lowercase letters, digits and hyphens
  --name <name>       the publisher's name as people should read it
  --type <type>       authority (acts on illegal supply) or register (keeps the register of
                      authorised pharmacies)
  --country <CC>      ISO 3166-1 alpha-2 code, e.g. FR
  --list <id[=url]>   a list id it publishes, with its latest.json URL if known (repeatable)
  --website <url>     its web site
  --out <file>        write the entry here (default: print it)
  -h, --help          show this help
`;

export const directoryEntryCommand: Command = {
  name: 'directory entry',
  summary: "a publisher's entry for the directory of publishers",
  help,
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
