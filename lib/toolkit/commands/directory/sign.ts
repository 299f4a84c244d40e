import { readFile } from 'node:fs/promises';
import { latestSchema } from '../../../lists';
import { sign, signaturesText, signatureFileSchema, MAX_SIGNATURES, type SignatureFile } from '../../../signing';
import { directorySchema } from '../../../trust';
import { parseCommand, required, type Command } from '../../command';
import { refused } from '../../exit';
import { decodeUtf8, readBytes, writeFileAtomic } from '../../files';
import { readSecretKey } from '../../keys';

const help = `Usage: pharmacheck directory sign <file> --key <secret-key.json> [options]

Adds a signature to a directory of publishers or to its latest.json: writes <file>.sig, or adds this
key's signature to the ones already there (a directory signed by several keys, each holder signing
in turn where the key is kept; the extension needs as many of its pinned keys as its threshold).
A signature this key made before is replaced. The file itself is never changed.

Options:
  --key <file>   a secret key file of a directory key (required)
  --out <file>   the signature file (default: <file>.sig)
  -h, --help     show this help
`;

async function existing(path: string): Promise<SignatureFile[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return [];
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw refused(`${path} is not a signature file (not JSON); move it away to start over`);
  }
  const list = Array.isArray(value) ? value : [value];
  const parsed = list.map((s) => signatureFileSchema.safeParse(s));
  if (parsed.some((p) => !p.success)) throw refused(`${path} is not a signature file; move it away to start over`);
  return parsed.map((p) => p.data!);
}

export const directorySignCommand: Command = {
  name: 'directory sign',
  summary: 'add a signature to a directory of publishers or its latest.json',
  help,
  async run(argv, io) {
    const args = parseCommand(directorySignCommand, argv, io, { key: { type: 'string' }, out: { type: 'string' } }, ['file']);
    if (!args) return;
    const file = args.positionals[0]!;
    const out = args.values.out ?? `${file}.sig`;
    const key = await readSecretKey(required(args.values.key, 'key'));
    const bytes = await readBytes(file);
    let value: unknown;
    try {
      value = JSON.parse(decodeUtf8(bytes, file));
    } catch (error) {
      if (error instanceof SyntaxError) throw refused(`${file} is not JSON`);
      throw error;
    }
    const what = directorySchema.safeParse(value).success ? 'directory' : latestSchema.safeParse(value).success ? 'latest.json' : null;
    if (!what) throw refused(`${file} is neither a directory of publishers nor a latest.json: nothing signed`);
    const others = (await existing(out)).filter((s) => s.keyId !== key.keyId);
    if (others.length >= MAX_SIGNATURES) throw refused(`${out} already holds ${others.length} signatures, the most a file may have`);
    const signatures = [...others, await sign(bytes, key)];
    await writeFileAtomic(out, signaturesText(signatures));
    io.stdout.write(`wrote ${out}: ${what} signed with key ${key.keyId} (${signatures.length} signature${signatures.length > 1 ? 's' : ''}: ${signatures.map((s) => s.keyId).join(', ')})\n`);
  },
};
