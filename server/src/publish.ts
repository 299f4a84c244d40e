/**
 * Publishing: the seam between the hub and the list toolkit. `publish` takes a list's draft and
 * metadata, builds version N+1 in lib/lists' format (validated by `listSchema`), and hands it to
 * the toolkit's directory publish, which signs it, writes deltas and `latest.json`, verifies every
 * file and swaps the directory in atomically (served under /lists/).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DELTA_COUNT, listSchema, type Entry, type List } from '../../lib/lists';
import type { SecretKeyFile } from '../../lib/signing';
import { publishToDirectory } from '../../lib/toolkit/publish-dir';
import { silentProgress } from '../../lib/toolkit/progress';
import type { HubListMeta } from './lists/store';
import type { DraftEntry } from './review/draft';

export interface PublishInput {
  readonly meta: HubListMeta;
  /** The last version this hub recorded as published (0 before the first). */
  readonly previousVersion: number;
  readonly validityDays: number;
  readonly entries: readonly DraftEntry[];
  readonly listsDir: string;
  /** The hub's signing key (server/src/signing-key.ts). */
  readonly key: SecretKeyFile;
  readonly now?: Date;
}

export interface PublishResult {
  readonly listId: string;
  readonly version: number;
  readonly issued: string;
  readonly expires: string;
  readonly entryCount: number;
  /** Paths relative to the lists directory (served under /lists/). */
  readonly files: string[];
}

/** The highest version already written for a list (a publication whose commit failed counts too). */
function highestWrittenVersion(dir: string): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  return Math.max(0, ...names.map((n) => /^v(\d+)\.json$/.exec(n)?.[1]).filter(Boolean).map(Number));
}

function entryOf(meta: HubListMeta, draft: DraftEntry): Entry {
  const reference = draft.reference ?? `Pharmacheck hub decision ${draft.evidence.decisionIds.at(-1)}`;
  return {
    domain: draft.domain,
    category: draft.category,
    added: draft.added,
    evidence: { source: meta.publisher.name, reference },
    ...(draft.note ? { note: draft.note } : {}),
  };
}

export async function publish(input: PublishInput): Promise<PublishResult> {
  const { meta, listsDir } = input;
  const versionsDir = join(listsDir, meta.id);
  // Never reuse a version number: a subscriber may already hold a file that carried it.
  const version = Math.max(input.previousVersion, highestWrittenVersion(versionsDir)) + 1;
  const now = input.now ?? new Date();
  const list: List = listSchema.parse({
    format: 1,
    ...meta,
    version,
    issued: now.toISOString(),
    expires: new Date(now.getTime() + input.validityDays * 86_400_000).toISOString(),
    entries: [...input.entries].sort((a, b) => (a.domain < b.domain ? -1 : 1)).map((e) => entryOf(meta, e)),
  });
  // The list toolkit's publish: signed list, deltas from recent versions, latest.json, index.json,
  // every file verified as a subscriber would before the directory changes, atomically.
  const result = await publishToDirectory({ list, key: input.key, root: listsDir, deltaCount: DEFAULT_DELTA_COUNT, now, progress: silentProgress });
  return {
    listId: meta.id,
    version,
    issued: list.issued,
    expires: list.expires,
    entryCount: list.entries.length,
    files: result.written,
  };
}
