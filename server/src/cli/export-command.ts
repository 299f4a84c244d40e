/** `export --out <dir>`: everything the hub publishes, as a directory for any static host. */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { PublishError } from '../../../lib/publishing';
import { publicPart } from '../../../lib/signing';
import { actorName } from '../auth';
import { recordAudit } from '../audit';
import type { HubConfig } from '../config';
import type { Database } from '../db';
import { exportLists } from '../lists/export';
import { claimSigningKey, loadSigningKey, signingKeyPath } from '../signing-key';
import { CommandError } from './command-error';

export async function exportCommand(db: Database, args: string[], config: HubConfig): Promise<void> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  if (!values.out) throw new CommandError('--out <directory> is required', 2);
  const dir = resolve(values.out);
  // Checked with the key the hub signs with, as subscribers check with its public half.
  const { key } = await loadSigningKey(signingKeyPath(config), { create: false });
  await claimSigningKey(db, key.keyId);
  let result;
  try {
    result = await exportLists(db, { dir, key: publicPart(key), config });
  } catch (error) {
    if (error instanceof PublishError) throw new CommandError(`--out: ${error.message}`);
    throw error;
  }
  await recordAudit(db, { actor: actorName({ id: 'cli', label: 'command line' }), action: 'export', subject: dir, details: { files: result.files } });
  console.log(`Exported ${result.files} files to ${dir}.`);
  for (const id of result.expired) console.log(`Warning: the current version of ${id} has expired; subscribers refuse it until it is published again.`);
}
