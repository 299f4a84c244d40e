/** `publish --list <id>`: the list's draft as version N+1, as `POST /v1/lists/<id>/publish` does. */
import { parseArgs } from 'node:util';
import { actorName } from '../auth';
import type { HubConfig } from '../config';
import type { Database } from '../db';
import { exportLists } from '../lists/export';
import { publishList } from '../publish';
import { claimSigningKey, loadSigningKey, signingKeyPath } from '../signing-key';
import { publicPart } from '../../../lib/signing';
import { CommandError } from './command-error';

export async function publishCommand(db: Database, args: string[], config: HubConfig): Promise<void> {
  const { values } = parseArgs({ args, options: { list: { type: 'string' } } });
  if (!values.list) throw new CommandError('--list <id> is required', 2);
  const { key } = await loadSigningKey(signingKeyPath(config), { create: !config.signingKeyPath });
  await claimSigningKey(db, key.keyId);
  const result = await publishList(db, { listId: values.list, actor: actorName({ id: 'cli', label: 'command line' }), key });
  console.log(`Published ${result.listId} version ${result.version} (${result.entryCount} entries), valid until ${result.expires}.`);
  if (config.exportDir) {
    const exported = await exportLists(db, { dir: config.exportDir, key: publicPart(key), config });
    console.log(`Exported ${exported.files} files to ${exported.dir}.`);
  }
}
