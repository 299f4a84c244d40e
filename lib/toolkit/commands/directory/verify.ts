import { Refused } from '../../../lists';
import { signerIds } from '../../../signing';
import { checkDirectory, checkDirectoryLatest, type Directory, type DirectoryRoot } from '../../../trust';
import { intOption, nowOf, parseCommand, required, type Command } from '../../command';
import { refused } from '../../exit';
import { readBytes, readText } from '../../files';
import { peek } from '../../signed-files';
import { readRoot, timeOption } from '../../trust-files';


function describe(directory: Directory, root: DirectoryRoot, signers: readonly string[]): string {
  const pinned = signers.filter((id) => root.keys.some((k) => k.keyId === id));
  const lines = [
    `directory "${directory.id}" version ${directory.version}: ${directory.publishers.length} publishers, ${directory.revoked.length} revoked keys; issued ${directory.issued}, expires ${directory.expires}`,
    `  signed by ${pinned.length} of the ${root.keys.length} pinned keys (threshold ${root.threshold}): ${pinned.join(', ')}`,
    `  updates: ${directory.updateUrl ?? 'none (it changes with the extension only)'}`,
    ...directory.publishers.map((p) => `  ${p.type} ${p.id} (${p.country}) ${p.name}: lists ${p.lists.map((l) => l.id).join(', ')}; keys ${p.keys.map((k) => k.keyId).join(', ')}`),
    ...directory.revoked.map((r) => `  revoked ${r.keyId} since ${r.since} (${r.reason})`),
  ];
  return `${lines.join('\n')}\n`;
}

export const directoryVerifyCommand: Command = {
  name: 'directory verify',
  async run(argv, io) {
    const args = parseCommand(
      directoryVerifyCommand,
      argv,
      io,
      { root: { type: 'string' }, sig: { type: 'string' }, current: { type: 'string' }, now: { type: 'string' }, json: { type: 'boolean' } },
      ['file'],
    );
    if (!args) return;
    const v = args.values;
    const file = args.positionals[0]!;
    const now = timeOption(v.now, 'now', nowOf(io));
    const currentVersion = intOption(v.current, 'current', 1) ?? null;
    const root = await readRoot(required(v.root, 'root'));
    const bytes = await readBytes(file);
    const signature = await readText(v.sig ?? `${file}.sig`);
    const expect = { root, currentVersion, now };
    const latest = peek(bytes).kind === 'latest';
    try {
      if (latest) {
        const checked = await checkDirectoryLatest(bytes, signature, expect);
        if (v.json) return void io.stdout.write(`${JSON.stringify({ ok: true, file, ...checked })}\n`);
        return void io.stdout.write(`verified ${file}: the directory's latest.json, version ${checked.version} in ${checked.list}; expires ${checked.expires}\n`);
      }
      const directory = await checkDirectory(bytes, signature, expect);
      if (v.json) return void io.stdout.write(`${JSON.stringify({ ok: true, file, signers: signerIds(signature), ...directory })}\n`);
      io.stdout.write(`verified ${file}\n${describe(directory, root, signerIds(signature) ?? [])}`);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      if (v.json) io.stdout.write(`${JSON.stringify({ ok: false, file, type: latest ? 'latest' : 'directory', reason: error.reason, message: error.message })}\n`);
      throw refused(`${file} is refused: ${error.message}`);
    }
  },
};
