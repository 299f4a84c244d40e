/** Reading the trust files a command is given (docs/list-format.md §15-§16), checked like any input. */
import { keyIsItsId, directoryPublisherSchema, directoryRootSchema, directorySchema, type Directory, type DirectoryPublisher, type DirectoryRoot } from '../trust';
import { refused, usageError } from './exit';
import { readJson } from './files';

export async function readRoot(path: string): Promise<DirectoryRoot> {
  const root = await readJson(path, directoryRootSchema, 'directory root (pinned keys) file');
  for (const key of root.keys) if (!(await keyIsItsId(key))) throw refused(`${path}: the key id ${key.keyId} is not its key's`);
  return root;
}

export async function readDirectoryFile(path: string): Promise<Directory> {
  return readJson(path, directorySchema, 'directory of publishers');
}

export async function readEntry(path: string): Promise<DirectoryPublisher> {
  const entry = await readJson(path, directoryPublisherSchema, 'directory entry');
  for (const key of entry.keys) if (!(await keyIsItsId(key))) throw refused(`${path}: the key id ${key.keyId} is not its key's`);
  return entry;
}

/** An ISO time option (`--now`, `--issued`, `--since`, `--rollover`), or `fallback`. */
export function timeOption(value: string | undefined, flag: string, fallback: Date): Date {
  if (value === undefined) return fallback;
  const time = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(time.getTime())) throw usageError(`--${flag} takes an ISO time such as 2027-01-01T00:00:00Z, not "${value}"`);
  return time;
}

/** As the formats write a time: seconds, UTC, `Z`. */
export function isoSeconds(time: Date): string {
  return `${time.toISOString().slice(0, 19)}Z`;
}
