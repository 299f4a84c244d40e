import { z } from 'zod';
import { makeRoot, trustFileText } from '../../../trust';
import { intOption, parseCommand, required, type Command } from '../../command';
import { refused, usageError } from '../../exit';
import { firstIssue, writeFileAtomic } from '../../files';
import { readPublicKey } from '../../keys';
import { DEFAULT_DIRECTORY_ID } from './build';


export const directoryRootCommand: Command = {
  name: 'directory root',
  helpArgs: [DEFAULT_DIRECTORY_ID],
  async run(argv, io) {
    const args = parseCommand(directoryRootCommand, argv, io, { key: { type: 'string', multiple: true }, threshold: { type: 'string' }, id: { type: 'string' }, out: { type: 'string' } });
    if (!args) return;
    const keyPaths = args.values.key ?? [];
    if (keyPaths.length === 0) throw usageError('--key is required');
    const threshold = intOption(required(args.values.threshold, 'threshold'), 'threshold', 1)!;
    const out = required(args.values.out, 'out');
    const keys = await Promise.all(keyPaths.map((p) => readPublicKey(p)));
    let root;
    try {
      root = makeRoot(args.values.id ?? DEFAULT_DIRECTORY_ID, keys, threshold);
    } catch (error) {
      if (error instanceof z.ZodError) throw refused(`not a valid root: ${firstIssue(error)}`);
      throw error;
    }
    await writeFileAtomic(out, trustFileText(root));
    io.stdout.write(`wrote ${out}: directory "${root.id}", ${root.threshold} of ${root.keys.length} keys (${root.keys.map((k) => k.keyId).join(', ')})\n`);
  },
};
