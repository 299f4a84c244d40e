import { readFile } from 'node:fs/promises';
import { latestSchema } from '../../../lists';
import { sign, signaturesText, signatureFileSchema, MAX_SIGNATURES, type SignatureFile } from '../../../signing';
import { directorySchema } from '../../../trust';
import { parseCommand, required, type Command } from '../../command';
import { refused } from '../../exit';
import { decodeUtf8, readBytes, writeFileAtomic } from '../../files';
import { readSecretKey } from '../../keys';


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
