/**
 * `pharmacheck-hub <command>` (in a checkout: `npm run hub -- <command>`): starts the hub (no
 * command, or `serve`), or administers it. The commands open the configured database directly
 * (the same environment variables as the hub); with the embedded PGlite database, stop the hub
 * first (one process per data directory).
 */
import { z } from 'zod';
import { loadConfig, type HubConfig } from '../config';
import { openDatabase, type Database } from '../db';
import { serve } from '../hub';
import { recheckDomainsCommand, refreshPeersCommand, subscribePeerCommand, updateRdapBootstrapCommand } from './after-report-commands';
import { directoryEntryCommand } from './directory-entry';
import { exportCommand } from './export-command';
import { createListCommand, listListsCommand } from './list-commands';
import { publishCommand } from './publish-command';
import { importRegisterCommand } from './register-command';
import { retentionCommand } from './retention-command';
import { createTokenCommand, listTokensCommand, revokeTokenCommand } from './token-commands';
import { CommandError } from './command-error';

const HELP = `Pharmacheck hub

  pharmacheck-hub                      start the hub (configuration: docs/hub.md)
  pharmacheck-hub migrate              apply database migrations and exit
  pharmacheck-hub create-token --role reviewer|publisher [--days 30] [--label "Name"]
  pharmacheck-hub list-tokens
  pharmacheck-hub revoke-token <id>
  pharmacheck-hub create-list --id <id> --name <name> --publisher <name> [--kind block|allow]
                            [--publisher-type authority|register|community] [--country FR] [--website https://…]
                            [--description …] [--validity-days 30] [--update-interval-minutes 60]
  pharmacheck-hub list-lists
  pharmacheck-hub import-register --list <id> <export.csv> [--skip-bad-lines]
                            [--website-column <header>] [--number-column <header>] [--name-column <header>] [--date-column <header>]
  pharmacheck-hub publish --list <id>  publish the list's draft as its next version
  pharmacheck-hub export --out <directory>
  pharmacheck-hub retention [--grace-days 90]
  pharmacheck-hub directory-entry --id <publisher id> --name <name> --country FR --list <list id> [--list …]
                            [--type authority|register] [--website https://…]
                                       this hub's entry for the directory of publishers (its public key)
  pharmacheck-hub subscribe-peer --url <latest.json address> --key <public key or key file>
  pharmacheck-hub refresh-peers        download other authorities' lists again (run it from a timer)
  pharmacheck-hub recheck-domains [<domain>…]
                                       ask RDAP again about domains whose notice was sent
  pharmacheck-hub update-rdap-bootstrap [--file dns.json | --url <address>]

In a checkout of the repository, "npm run hub -- <command>" runs the same.
`;

type Run = (db: Database, args: string[], config: HubConfig) => Promise<void>;

const COMMANDS: Record<string, Run> = {
  migrate: async () => console.log('Database is up to date.'),
  'create-token': createTokenCommand,
  'list-tokens': listTokensCommand,
  'revoke-token': revokeTokenCommand,
  'create-list': createListCommand,
  'list-lists': listListsCommand,
  'import-register': importRegisterCommand,
  publish: publishCommand,
  export: exportCommand,
  retention: retentionCommand,
  'subscribe-peer': subscribePeerCommand,
  'refresh-peers': refreshPeersCommand,
  'recheck-domains': recheckDomainsCommand,
  'update-rdap-bootstrap': updateRdapBootstrapCommand,
};

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...args] = argv;
  if (command === 'help' || command === '--help') return void console.log(HELP);
  const run = COMMANDS[command];
  if (command !== 'serve' && command !== 'directory-entry' && !run) {
    console.error(`unknown command: ${command}\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  if (command === 'serve') return serve(config);
  // Reads the signing key only: no database.
  if (command === 'directory-entry') return directoryEntryCommand(config, args);
  const db = await openDatabase(config.database);
  try {
    await run!(db, args, config);
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
  if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(error.message);
    process.exitCode = 2;
    return;
  }
  console.error(error.message);
  process.exitCode = error instanceof CommandError ? error.exitCode : 1;
});
