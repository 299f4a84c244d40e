import { z } from 'zod';
import { makeDirectory, REVOCATION_REASONS, trustFileText, type Directory, type Revocation } from '../../../trust';
import { intOption, nowOf, parseCommand, required, type Command } from '../../command';
import { refused, usageError } from '../../exit';
import { firstIssue, writeFileAtomic } from '../../files';
import { isoSeconds, readDirectoryFile, readEntry, timeOption } from '../../trust-files';

const DAY_MS = 86_400_000;
export const DEFAULT_DIRECTORY_ID = 'pharmacheck-directory';

const help = `Usage: pharmacheck directory build --out <directory.json> (--previous <directory.json> | --version <n>) [options]

Writes a directory of publishers (docs/list-format.md, section 15) from publishers' entries
("pharmacheck directory entry"): which keys may speak as an authority or a register, for which list
ids, and which keys are revoked. Built from --previous, it takes the next version, the previous id
and update address, and keeps every earlier revocation: a revoked key never comes back by mistake.
Publishers are taken from the --entry files only. Sign it with "pharmacheck directory sign".

Options:
  --out <file>          where to write the directory (required)
  --entry <file>        a publisher's entry (repeatable; none: a directory without publishers)
  --previous <file>     the directory in force, to follow
  --version <n>         the version (default: the previous one's plus 1)
  --id <id>             the directory's id (default: the previous one's, or ${DEFAULT_DIRECTORY_ID})
  --update-url <url>    the directory's latest.json, which the extension polls (default: the previous one's)
  --revoke <key id>     revoke a key (repeatable): lists signed with it stop counting, and a rotation
                        statement signed by it is refused; take the key out of its entry first
  --reason <reason>     why: ${REVOCATION_REASONS.join(', ')} (default compromised)
  --since <iso time>    from when the key is not trusted (default: now)
  --issued <iso time>   the issue time (default: now)
  --days <n>            days of validity (default 365)
  -h, --help            show this help
`;

export const directoryBuildCommand: Command = {
  name: 'directory build',
  summary: 'a directory of publishers from their entries',
  help,
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
