/** `create-list` (or update its metadata) and `list-lists`: the blocklists and allowlists this hub publishes. */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { actorName } from '../auth';
import { recordAudit } from '../audit';
import type { Database } from '../db';
import { hubListSettingsSchema, listLists, saveList } from '../lists/store';
import { CommandError } from './command-error';

const OPTION_OF: Record<string, string> = {
  'meta.id': 'id',
  'meta.name': 'name',
  'meta.description': 'description',
  'meta.publisher.name': 'publisher',
  'meta.publisher.type': 'publisher-type',
  'meta.publisher.country': 'country',
  'meta.publisher.website': 'website',
  'meta.kind': 'kind',
  'meta.updateIntervalMinutes': 'update-interval-minutes',
  validityDays: 'validity-days',
};

export async function createListCommand(db: Database, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      description: { type: 'string' },
      publisher: { type: 'string' },
      kind: { type: 'string', default: 'block' },
      'publisher-type': { type: 'string' },
      country: { type: 'string' },
      website: { type: 'string' },
      'validity-days': { type: 'string', default: '30' },
      'update-interval-minutes': { type: 'string' },
    },
  });
  const parsed = hubListSettingsSchema.safeParse({
    meta: {
      id: values.id,
      name: values.name,
      ...(values.description ? { description: values.description } : {}),
      publisher: {
        name: values.publisher,
        // A register publishes its allowlist; an authority its blocklist.
        type: values['publisher-type'] ?? (values.kind === 'allow' ? 'register' : 'authority'),
        ...(values.country ? { country: values.country } : {}),
        ...(values.website ? { website: values.website } : {}),
      },
      kind: values.kind,
      ...(values['update-interval-minutes'] ? { updateIntervalMinutes: Number(values['update-interval-minutes']) } : {}),
    },
    validityDays: Number(values['validity-days']),
  });
  if (!parsed.success) {
    // Name the command-line option, not the field of the settings it fills.
    throw new z.ZodError(parsed.error.issues.map((i) => ({ ...i, path: [OPTION_OF[i.path.join('.')] ?? i.path.join('.')] })));
  }
  const settings = parsed.data;
  const saved = await db.transaction(async (tx) => {
    const saved = await saveList(tx, settings);
    if (saved === 'kind-differs') throw new CommandError(`list ${settings.meta.id} exists with another kind; a list never changes kind`);
    await recordAudit(tx, {
      actor: actorName({ id: 'cli', label: 'command line' }),
      action: 'create-list',
      subject: settings.meta.id,
      details: { created: saved === 'created', kind: settings.meta.kind },
    });
    return saved;
  });
  console.log(`${saved === 'created' ? 'Created' : 'Updated'} ${settings.meta.kind === 'allow' ? 'allowlist' : 'blocklist'} ${settings.meta.id}.`);
}

export async function listListsCommand(db: Database): Promise<void> {
  for (const l of await listLists(db)) {
    console.log(`${l.meta.id}  ${l.meta.kind}  version ${l.version}  draft ${l.draftEntries} entries  ${l.meta.name}`);
  }
}
