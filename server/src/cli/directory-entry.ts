/**
 * `directory-entry`: this hub's entry for the directory of publishers (docs/list-format.md §15),
 * made from its signing key's public half and what the authority is, for whoever keeps the
 * directory. Nothing secret leaves: the entry holds the public key only. The key must exist (the
 * hub creates it on its first start); this command never creates one.
 */
import { access } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { publicPart } from '../../../lib/signing';
import { directoryEntry, trustFileText } from '../../../lib/trust';
import type { HubConfig } from '../config';
import { loadSigningKey, signingKeyPath } from '../signing-key';

export async function directoryEntryCommand(config: HubConfig, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      type: { type: 'string', default: 'authority' },
      country: { type: 'string' },
      website: { type: 'string' },
      list: { type: 'string', multiple: true, default: [] },
    },
  });
  const path = signingKeyPath(config);
  await access(path).catch(() => {
    throw new Error(`no signing key at ${path}: start the hub once (it creates one), or set PHARMACHECK_HUB_SIGNING_KEY`);
  });
  const { key } = await loadSigningKey(path);
  const input = { id: values.id, name: values.name, type: values.type, country: values.country, website: values.website, lists: values.list.map((id) => ({ id })), keys: [publicPart(key)] };
  let entry;
  try {
    entry = directoryEntry(input as Parameters<typeof directoryEntry>[0]);
  } catch (error) {
    // Name the command-line option, not the field of the entry it fills.
    if (error instanceof z.ZodError) throw new z.ZodError(error.issues.map((i) => ({ ...i, path: [i.path[0] === 'lists' ? 'list' : String(i.path[0] ?? 'options')] })));
    throw error;
  }
  process.stdout.write(trustFileText(entry));
}
