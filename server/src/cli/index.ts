/**
 * `npm run hub -- <command>`: starts the hub (no command, or `serve`), or administers it. The
 * commands open the configured database directly (the same environment variables as the hub); with
 * the embedded PGlite database, stop the hub first (one process per data directory).
 */
import { z } from 'zod';
import { loadConfig } from '../config';
import { openDatabase, type Database } from '../db';
import { serve } from '../hub';
import { directoryEntryCommand } from './directory-entry';
import { createListCommand, listListsCommand } from './list-commands';
import { createTokenCommand, listTokensCommand, revokeTokenCommand } from './token-commands';

const HELP = `Pharmacheck hub

  npm run hub                          start the hub (configuration: docs/hub.md)
  npm run hub -- migrate               apply database migrations and exit
  npm run hub -- create-token --role reviewer|publisher [--days 30] [--label "Name"]
  npm run hub -- list-tokens
  npm run hub -- revoke-token <id>
  npm run hub -- create-list --id <id> --name <name> --publisher <name> [--publisher-type authority|register|community]
                            [--country FR] [--website https://…] [--description …] [--validity-days 30]
                            [--update-interval-minutes 60]
  npm run hub -- list-lists
  npm run hub -- directory-entry --id <publisher id> --name <name> --country FR --list <list id> [--list …]
                            [--type authority|register] [--website https://…]
                                       this hub's entry for the directory of publishers (its public key)
`;

const COMMANDS: Record<string, (db: Database, args: string[]) => Promise<void>> = {
  migrate: async () => console.log('Database is up to date.'),
  'create-token': createTokenCommand,
  'list-tokens': listTokensCommand,
  'revoke-token': revokeTokenCommand,
  'create-list': createListCommand,
  'list-lists': listListsCommand,
};

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...args] = argv;
  if (command === 'help' || command === '--help') return void console.log(HELP);
  const config = loadConfig();
  if (command === 'serve') return serve(config);
  // Reads the signing key only: no database.
  if (command === 'directory-entry') return directoryEntryCommand(config, args);
  const run = COMMANDS[command];
  if (!run) {
    console.error(`unknown command: ${command}\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  const db = await openDatabase(config.database);
  try {
    await run(db, args);
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  if (error instanceof z.ZodError) {
    // A wrong option: say which, in one line each, without a stack trace.
    for (const issue of error.issues) console.error(`--${issue.path.join('.') || 'options'}: ${issue.message}`);
    process.exitCode = 2;
    return;
  }
  console.error(error.message);
  process.exitCode = 1;
});
