import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { latestSchema, listFileName, Refused, type Latest } from '../../../lists';
import { sign, signaturesText } from '../../../signing';
import { checkDirectory, checkDirectoryLatest } from '../../../trust';
import { nowOf, parseCommand, required, type Command } from '../../command';
import { ioError, refused, usageError } from '../../exit';
import { ioReason, readBytes, readText, writeFileAtomic } from '../../files';
import { readSecretKey } from '../../keys';
import { readRoot } from '../../trust-files';


async function publishedLatest(path: string): Promise<Latest | null> {
  try {
    return latestSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return null;
  }
}

export const directoryPublishCommand: Command = {
  name: 'directory publish',
  async run(argv, io) {
    const args = parseCommand(directoryPublishCommand, argv, io, { root: { type: 'string' }, key: { type: 'string', multiple: true }, out: { type: 'string' } }, ['directory']);
    if (!args) return;
    const file = args.positionals[0]!;
    const out = resolve(required(args.values.out, 'out'));
    const keyPaths = args.values.key ?? [];
    if (keyPaths.length === 0) throw usageError('--key is required');
    for (const path of keyPaths) {
      if (resolve(path).startsWith(`${out}${sep}`)) throw refused(`the secret key ${path} is inside ${out}, which is served to anyone; keep it elsewhere`);
    }
    const root = await readRoot(required(args.values.root, 'root'));
    const keys = await Promise.all(keyPaths.map((p) => readSecretKey(p)));
    const bytes = await readBytes(file);
    const signature = await readText(`${file}.sig`);
    const now = nowOf(io);
    const checked = async <T>(what: string, check: () => Promise<T>) => {
      try {
        return await check();
      } catch (error) {
        if (error instanceof Refused) throw refused(`nothing published: the extension would refuse ${what}: ${error.message}`);
        throw error;
      }
    };
    const directory = await checked(file, () => checkDirectory(bytes, signature, { root, currentVersion: null, now }));
    const name = listFileName(directory.version);
    const before = await publishedLatest(join(out, 'latest.json'));
    if (before && before.version > directory.version) throw refused(`version ${before.version} is already published; the extension would refuse version ${directory.version} as a rollback`);
    const published = await readFile(join(out, name)).catch(() => null);
    if (published && !published.equals(Buffer.from(bytes))) throw refused(`version ${directory.version} is already published with other content; give the directory a new version`);
    const latest: Latest = {
      format: 1,
      type: 'latest',
      id: directory.id,
      version: directory.version,
      issued: directory.issued,
      expires: directory.expires,
      list: name,
      deltas: [],
      ...(directory.updateIntervalMinutes ? { updateIntervalMinutes: directory.updateIntervalMinutes } : {}),
    };
    const latestBytes = new TextEncoder().encode(`${JSON.stringify(latest, null, 1)}\n`);
    const latestSig = signaturesText(await Promise.all(keys.map((k) => sign(latestBytes, k))));
    await checked('latest.json', () => checkDirectoryLatest(latestBytes, latestSig, { root, currentVersion: null, now }));
    await mkdir(out, { recursive: true }).catch((error) => {
      throw ioError(`cannot create ${out}: ${ioReason(error)}`);
    });
    // The directory file first, latest.json (which names it) last.
    await writeFileAtomic(join(out, name), bytes);
    await writeFileAtomic(join(out, `${name}.sig`), signature);
    await writeFileAtomic(join(out, 'latest.json.sig'), latestSig);
    await writeFileAtomic(join(out, 'latest.json'), latestBytes);
    io.stdout.write(`published directory "${directory.id}" version ${directory.version} in ${args.values.out}: ${name} (+ .sig), latest.json (+ .sig, ${keys.length} signature${keys.length > 1 ? 's' : ''})\n`);
  },
};
