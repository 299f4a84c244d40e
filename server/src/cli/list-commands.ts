/** `create-list` (or update its metadata) and `list-lists`: the lists this hub publishes. */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { actorName } from '../auth';
import { recordAudit } from '../audit';
import type { Database } from '../db';
import { hubListSettingsSchema, listLists, saveList } from '../lists/store';

const OPTION_OF: Record<string, string> = {
  'meta.id': 'id',
  'meta.name': 'name',
  'meta.description': 'description',
  'meta.publisher.name': 'publisher',
  'meta.publisher.type': 'publisher-type',
  'meta.publisher.country': 'country',
  'meta.publisher.website': 'website',
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
      'publisher-type': { type: 'string', default: 'authority' },
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
        type: values['publisher-type'],
        ...(values.country ? { country: values.country } : {}),
        ...(values.website ? { website: values.website } : {}),
      },
      kind: 'block',
      ...(values['update-interval-minutes'] ? { updateIntervalMinutes: Number(values['update-interval-minutes']) } : {}),
    },
    validityDays: Number(values['validity-days']),
  });
  if (!parsed.success) {
    // Name the command-line option, not the field of the settings it fills.
    throw new z.ZodError(parsed.error.issues.map((i) => ({ ...i, path: [OPTION_OF[i.path.join('.')] ?? i.path.join('.')] })));
  }
  const settings = parsed.data;
  const created = await db.transaction(async (tx) => {
    const created = await saveList(tx, settings);
    await recordAudit(tx, { actor: actorName({ id: 'cli', label: 'command line' }), action: 'create-list', subject: settings.meta.id, details: { created } });
    return created;
  });
  console.log(`${created ? 'Created' : 'Updated'} list ${settings.meta.id}.`);
}

export async function listListsCommand(db: Database): Promise<void> {
  for (const l of await listLists(db)) {
    console.log(`${l.meta.id}  version ${l.version}  draft ${l.draftEntries} entries  ${l.meta.name}`);
  }
}
