import { z } from 'zod';
import { makeDirectory, REVOCATION_REASONS, trustFileText, type Directory, type Revocation } from '../../../trust';
import { intOption, nowOf, parseCommand, required, type Command } from '../../command';
import { refused, usageError } from '../../exit';
import { firstIssue, writeFileAtomic } from '../../files';
import { isoSeconds, readDirectoryFile, readEntry, timeOption } from '../../trust-files';

const DAY_MS = 86_400_000;
export const DEFAULT_DIRECTORY_ID = 'pharmacheck-directory';


export const directoryBuildCommand: Command = {
  name: 'directory build',
  helpArgs: [DEFAULT_DIRECTORY_ID, REVOCATION_REASONS.join(', ')],
  async run(argv, io) {
    const args = parseCommand(directoryBuildCommand, argv, io, {
      out: { type: 'string' },
      entry: { type: 'string', multiple: true },
      previous: { type: 'string' },
      version: { type: 'string' },
      id: { type: 'string' },
      'update-url': { type: 'string' },
      revoke: { type: 'string', multiple: true },
      reason: { type: 'string' },
      since: { type: 'string' },
      issued: { type: 'string' },
      days: { type: 'string' },
    });
    if (!args) return;
    const v = args.values;
    const out = required(v.out, 'out');
    const now = nowOf(io);
    const issued = timeOption(v.issued, 'issued', now);
    const since = timeOption(v.since, 'since', now);
    const days = intOption(v.days, 'days', 1) ?? 365;
    const reason = v.reason ?? 'compromised';
    if (!(REVOCATION_REASONS as readonly string[]).includes(reason)) throw usageError(`--reason is one of ${REVOCATION_REASONS.join(', ')}, not "${reason}"`);
    const previous: Directory | null = v.previous === undefined ? null : await readDirectoryFile(v.previous);
    const version = intOption(v.version, 'version', 1) ?? (previous ? previous.version + 1 : undefined);
    if (version === undefined) throw usageError('give --version (a first directory) or --previous (the directory in force)');
    if (previous && version <= previous.version) throw refused(`version ${version} is not after the previous directory's ${previous.version}: subscribers would refuse it as a rollback`);
    const entries = await Promise.all((v.entry ?? []).map((p) => readEntry(p)));
    const revoked = new Map<string, Revocation>((previous?.revoked ?? []).map((r) => [r.keyId, r]));
    for (const keyId of v.revoke ?? []) {
      if (revoked.has(keyId)) throw refused(`the key ${keyId} is already revoked (since ${revoked.get(keyId)!.since})`);
      revoked.set(keyId, { keyId, since: isoSeconds(since), reason: reason as Revocation['reason'] });
    }
    const updateUrl = v['update-url'] ?? previous?.updateUrl;
    let directory: Directory;
    try {
      directory = makeDirectory({
        id: v.id ?? previous?.id ?? DEFAULT_DIRECTORY_ID,
        version,
        issued: isoSeconds(issued),
        expires: isoSeconds(new Date(issued.getTime() + days * DAY_MS)),
        ...(updateUrl ? { updateUrl } : {}),
        ...(previous?.updateIntervalMinutes ? { updateIntervalMinutes: previous.updateIntervalMinutes } : {}),
        publishers: entries,
        revoked: [...revoked.values()],
      });
    } catch (error) {
      if (error instanceof z.ZodError) throw refused(`not a valid directory: ${firstIssue(error)}`);
      throw error;
    }
    await writeFileAtomic(out, trustFileText(directory));
    const kinds = (type: string) => directory.publishers.filter((p) => p.type === type).length;
    io.stdout.write(
      `wrote ${out}: directory "${directory.id}" version ${directory.version}, ${kinds('authority')} authorities, ${kinds('register')} registers, ` +
        `${directory.revoked.length} revoked keys, expires ${directory.expires}; sign it with "pharmacheck directory sign"\n`,
    );
  },
};
