import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Refused } from '../../lists';
import { publicPart, sign, signatureFileSchema, signatureText } from '../../signing';
import { checkRotation, makeRotation, rotationFileName, rotationSchema, trustFileText, type Rotation } from '../../trust';
import { intOption, nowOf, parseCommand, required, type Command } from '../command';
import { ioError, refused } from '../exit';
import { firstIssue, ioReason, writeFileAtomic } from '../files';
import { readPublicKey, readSecretKey } from '../keys';
import { isoSeconds, timeOption } from '../trust-files';

const DAY_MS = 86_400_000;
export const DEFAULT_ROLLOVER_DAYS = 14;


async function signedWith(dir: string, keyId: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name).sort();
  } catch (error) {
    throw ioError(`cannot read ${dir}: ${ioReason(error)}`);
  }
  const ids: string[] = [];
  for (const id of names) {
    const sig = await readFile(join(dir, id, 'latest.json.sig'), 'utf8').catch(() => null);
    if (sig === null) continue;
    try {
      if (signatureFileSchema.parse(JSON.parse(sig)).keyId === keyId) ids.push(id);
    } catch {
      continue;
    }
  }
  return ids;
}

async function existingStatement(path: string): Promise<Rotation | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  let value: unknown = null;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  const parsed = rotationSchema.safeParse(value);
  if (!parsed.success) throw refused(`${path} exists and is not a rotation statement; move it away first`);
  return parsed.data;
}

export const rotate: Command = {
  name: 'rotate',
  helpArgs: [DEFAULT_ROLLOVER_DAYS],
  async run(argv, io) {
    const args = parseCommand(rotate, argv, io, {
      key: { type: 'string' },
      next: { type: 'string' },
      dir: { type: 'string' },
      list: { type: 'string', multiple: true },
      rollover: { type: 'string' },
      days: { type: 'string' },
    });
    if (!args) return;
    const v = args.values;
    const dir = required(v.dir, 'dir');
    const key = await readSecretKey(required(v.key, 'key'));
    const next = await readPublicKey(required(v.next, 'next'));
    const now = nowOf(io);
    const days = intOption(v.days, 'days', 0) ?? DEFAULT_ROLLOVER_DAYS;
    const rollover = timeOption(v.rollover, 'rollover', new Date(now.getTime() + days * DAY_MS));
    const ids = v.list ?? (await signedWith(dir, key.keyId));
    if (ids.length === 0) throw refused(`no list in ${dir} has a latest.json signed with key ${key.keyId}: nothing to hand over`);
    const lines: string[] = [];
    for (const id of ids) {
      let statement: Rotation;
      try {
        statement = makeRotation({ id, from: key.keyId, to: next, issued: isoSeconds(now), rollover: isoSeconds(rollover) });
      } catch (error) {
        if (error instanceof z.ZodError) throw refused(`not a valid rotation statement for "${id}": ${firstIssue(error)}`);
        throw error;
      }
      const path = join(dir, id, rotationFileName(key.keyId));
      const before = await existingStatement(path);
      if (before && before.to.keyId !== next.keyId) throw refused(`${path} already hands "${id}" over to ${before.to.keyId}; a key hands a list over once`);
      if (before) {
        lines.push(`  ${path}: already written (to ${next.keyId}, rollover ${before.rollover})`);
        continue;
      }
      const bytes = new TextEncoder().encode(trustFileText(statement));
      const signature = signatureText(await sign(bytes, key));
      try {
        await checkRotation(bytes, signature, { id, current: publicPart(key), left: [], lastIssued: null, revoked: () => undefined, now });
      } catch (error) {
        if (error instanceof Refused) throw refused(`not written: subscribers would refuse the statement for "${id}": ${error.message}`);
        throw error;
      }
      // The signature first: a statement is never served without it.
      await writeFileAtomic(`${path}.sig`, signature);
      await writeFileAtomic(path, bytes);
      lines.push(`  ${path} (+ .sig)`);
    }
    io.stdout.write(
      `key ${key.keyId} hands ${ids.length === 1 ? `list "${ids[0]}"` : `${ids.length} lists`} over to ${next.keyId}; files signed by ${key.keyId} are accepted until ${isoSeconds(rollover)}\n` +
        `${lines.join('\n')}\nnow publish with the next key: pharmacheck publish <list> --key <next secret key> --out ${dir}\n`,
    );
  },
};
