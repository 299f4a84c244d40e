import { helpOf, summaryOf, type Command } from '../../command';
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


export const directory: Command = {
  name: 'directory',
  helpArgs: (io) => [DIRECTORY_COMMANDS.map((c) => `  ${short(c).padEnd(width)}  ${summaryOf(c, io)}`).join('\n')],
  async run(argv, io) {
    const [name, ...rest] = argv;
    if (name === '--help' || name === '-h') return void io.stdout.write(helpOf(directory, io));
    if (name === undefined) throw usageError(`give a command: ${DIRECTORY_COMMANDS.map(short).join(', ')}`);
    const command = DIRECTORY_COMMANDS.find((c) => short(c) === name);
    if (!command) throw usageError(`unknown directory command "${name}" (commands: ${DIRECTORY_COMMANDS.map(short).join(', ')})`);
    await command.run(rest, io);
  },
};
