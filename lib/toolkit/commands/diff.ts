import { dirname, join } from 'node:path';
import { checkDelta, deltaBytes, deltaFileName, deltaSchema, diffLists, LIMITS, Refused, serializeList } from '../../lists';
import { publicPart, sign, signatureText } from '../../signing';
import { nowOf, parseCommand, type Command } from '../command';
import { refused } from '../exit';
import { firstIssue, writeFileAtomic } from '../files';
import { readSecretKey } from '../keys';
import { readList } from '../signed-files';


export const diff: Command = {
  name: 'diff',
  async run(argv, io) {
    const args = parseCommand(diff, argv, io, { out: { type: 'string' }, key: { type: 'string' } }, ['old-list', 'new-list']);
    if (!args) return;
    const [oldPath, newPath] = args.positionals as [string, string];
    const key = args.values.key === undefined ? null : await readSecretKey(args.values.key);
    const before = await readList(oldPath);
    const after = await readList(newPath);
    if (before.id !== after.id) throw refused(`${oldPath} is list "${before.id}" and ${newPath} is list "${after.id}": a delta joins two versions of one list`);
    if (after.version <= before.version) throw refused(`${newPath} is version ${after.version}, not later than ${oldPath} (version ${before.version})`);
    const delta = diffLists(before, after);
    const bytes = deltaBytes(delta);
    const valid = deltaSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    if (!valid.success) throw refused(`the delta is not valid: ${firstIssue(valid.error)}`);
    if (bytes.byteLength > LIMITS.deltaBytes) {
      throw refused(`the delta is ${bytes.byteLength} bytes, more than subscribers accept (${LIMITS.deltaBytes}): they need the full list`);
    }
    const out = args.values.out ?? join(dirname(newPath), deltaFileName(before.version, after.version));
    let signature: string | null = null;
    if (key) {
      signature = signatureText(await sign(bytes, key));
      try {
        await checkDelta(bytes, signature, { id: after.id, key: publicPart(key), currentVersion: before.version, now: nowOf(io) });
      } catch (error) {
        if (error instanceof Refused) throw refused(`not written: subscribers would refuse this delta: ${error.message}`);
        throw error;
      }
    }
    await writeFileAtomic(out, bytes);
    if (signature !== null) await writeFileAtomic(`${out}.sig`, signature);
    const full = new TextEncoder().encode(serializeList(after)).byteLength;
    io.stdout.write(
      `wrote ${out}${signature ? ` and ${out}.sig` : ''}: list "${after.id}" from version ${before.version} to ${after.version}, ` +
        `${delta.remove.length} removed, ${delta.add.length} added (${bytes.byteLength} bytes, ${((100 * bytes.byteLength) / full).toFixed(1)}% of the full list)\n`,
    );
  },
};
