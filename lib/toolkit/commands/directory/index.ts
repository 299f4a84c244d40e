import type { Command } from '../../command';
import { usageError } from '../../exit';
import { directoryBuildCommand } from './build';
import { directoryEntryCommand } from './entry';
import { directoryPublishCommand } from './publish';
import { directoryRootCommand } from './root';
import { directorySignCommand } from './sign';
import { directoryVerifyCommand } from './verify';

export const DIRECTORY_COMMANDS: readonly Command[] = [directoryEntryCommand, directoryBuildCommand, directorySignCommand, directoryVerifyCommand, directoryPublishCommand, directoryRootCommand];

const short = (c: Command) => c.name.replace(/^directory /, '');
const width = Math.max(...DIRECTORY_COMMANDS.map((c) => short(c).length));

const help = `Usage: pharmacheck directory <command> [options]

The directory of publishers (docs/list-format.md, section 15): the signed file, shipped in the
extension and updated like a list, that says which keys may speak as an authority or a register
and which keys are revoked. A publisher makes its entry; whoever keeps the directory builds, signs
and publishes it.

Commands:
${DIRECTORY_COMMANDS.map((c) => `  ${short(c).padEnd(width)}  ${c.summary}`).join('\n')}

Run "pharmacheck directory <command> --help" for a command's options.
`;

export const directory: Command = {
  name: 'directory',
  summary: 'make, sign, verify and publish the directory of publishers',
  help,
  async run(argv, io) {
    const [name, ...rest] = argv;
    if (name === '--help' || name === '-h') return void io.stdout.write(help);
    if (name === undefined) throw usageError(`give a command: ${DIRECTORY_COMMANDS.map(short).join(', ')}`);
    const command = DIRECTORY_COMMANDS.find((c) => short(c) === name);
    if (!command) throw usageError(`unknown directory command "${name}" (commands: ${DIRECTORY_COMMANDS.map(short).join(', ')})`);
    await command.run(rest, io);
  },
};
