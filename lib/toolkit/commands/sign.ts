import { Refused } from '../../lists';
import { publicPart, signatureText, signer, verify } from '../../signing';
import { nowOf, parseCommand, required, type Command } from '../command';
import { refused, usageError } from '../exit';
import { readBytes, writeFileAtomic } from '../files';
import { readSecretKey } from '../keys';
import { checkUnsigned, peek, SIGNED_KINDS, type SignedKind } from '../signed-files';


export function kindOption(value: string | undefined): SignedKind | undefined {
  if (value === undefined) return undefined;
  if (!(SIGNED_KINDS as readonly string[]).includes(value)) throw usageError(`--type is one of ${SIGNED_KINDS.join(', ')}, not "${value}"`);
  return value as SignedKind;
}

export const sign: Command = {
  name: 'sign',
  async run(argv, io) {
    const args = parseCommand(sign, argv, io, { key: { type: 'string' }, out: { type: 'string' }, type: { type: 'string' } }, ['file']);
    if (!args) return;
    const file = args.positionals[0]!;
    const out = args.values.out ?? `${file}.sig`;
    const kindFlag = kindOption(args.values.type);
    const key = await readSecretKey(required(args.values.key, 'key', io));
    const bytes = await readBytes(file);
    const signBytes = await signer(key);
    io.progress.start('signing, and checking as a subscriber would');
    const seen = peek(bytes);
    const kind = kindFlag ?? seen.kind;
    // The signature is made off the main thread while the same bytes go through every check a
    // subscriber makes but the signature's; then the new signature goes through that one too.
    const signing = signBytes(bytes);
    let problem: unknown = null;
    try {
      checkUnsigned(kind, bytes, { id: seen.id ?? '', key: publicPart(key), currentVersion: kind === 'delta' ? seen.from : null, now: nowOf(io) });
    } catch (error) {
      problem = error;
    }
    let text: string;
    try {
      text = signatureText(await signing);
      if (problem) throw problem;
      const signatureProblem = await verify(bytes, text, publicPart(key));
      if (signatureProblem) throw new Refused(signatureProblem, `its new signature: ${signatureProblem.replaceAll('-', ' ')}`);
    } catch (error) {
      if (error instanceof Refused) throw refused(`not signed: subscribers would refuse this ${kind}: ${error.message}`);
      throw error;
    } finally {
      io.progress.done();
    }
    await writeFileAtomic(out, text);
    io.stdout.write(`wrote ${out}: ${kind} signed with key ${key.keyId}\n`);
  },
};
