import { Refused } from '../../lists';
import { intOption, nowOf, parseCommand, required, type Command } from '../command';
import { refused, usageError } from '../exit';
import { readBytes, readText } from '../files';
import { readPublicKey } from '../keys';
import { checkSigned, peek, type Checked } from '../signed-files';
import { kindOption } from './sign';


export function describe(checked: Checked): string {
  if (checked.kind === 'delta') {
    const d = checked.value;
    return `delta for list "${d.id}" from version ${d.from} to ${d.to}: ${d.remove.length} removed, ${d.add.length} added; version ${d.to} expires ${d.meta.expires}`;
  }
  if (checked.kind === 'latest') {
    const l = checked.value;
    const deltas = l.deltas.length ? `, deltas from version${l.deltas.length > 1 ? 's' : ''} ${l.deltas.map((d) => d.from).join(', ')}` : ', no deltas';
    return `latest.json for list "${l.id}": version ${l.version} in ${l.list}${deltas}; expires ${l.expires}`;
  }
  const l = checked.value;
  const where = l.publisher.country ? `, ${l.publisher.country}` : '';
  return `list "${l.id}" version ${l.version}: ${l.name}\n  ${l.kind} list by ${l.publisher.name} (${l.publisher.type}${where}), ${l.entries.length} entries, issued ${l.issued}, expires ${l.expires}`;
}

function summary(checked: Checked): Record<string, unknown> {
  if (checked.kind === 'delta') {
    const { remove, add, ...rest } = checked.value;
    return { ...rest, removed: remove.length, added: add.length };
  }
  if (checked.kind === 'latest') return { ...checked.value };
  const { entries, ...meta } = checked.value;
  return { ...meta, entryCount: entries.length };
}

export const verify: Command = {
  name: 'verify',
  async run(argv, io) {
    const args = parseCommand(
      verify,
      argv,
      io,
      {
        key: { type: 'string' },
        sig: { type: 'string' },
        type: { type: 'string' },
        id: { type: 'string' },
        current: { type: 'string' },
        now: { type: 'string' },
        json: { type: 'boolean' },
      },
      ['file'],
    );
    if (!args) return;
    const v = args.values;
    const file = args.positionals[0]!;
    const kindFlag = kindOption(v.type);
    const current = intOption(v.current, 'current', 1, io);
    const now = v.now === undefined ? nowOf(io) : new Date(v.now);
    if (Number.isNaN(now.getTime())) throw usageError(`--now takes an ISO time, not "${v.now}"`);
    const key = await readPublicKey(required(v.key, 'key', io));
    const bytes = await readBytes(file);
    const signature = await readText(v.sig ?? `${file}.sig`);
    io.progress.start('verifying');
    const seen = peek(bytes);
    const kind = kindFlag ?? seen.kind;
    const expect = { id: v.id ?? seen.id ?? '', key, currentVersion: current ?? (kind === 'delta' ? seen.from : null), now };
    let checked: Checked;
    try {
      checked = await checkSigned(kind, bytes, signature, expect);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      if (v.json) io.stdout.write(`${JSON.stringify({ ok: false, file, type: kind, reason: error.reason, message: error.message })}\n`);
      throw refused(`${file} is refused: ${error.message}`);
    } finally {
      io.progress.done();
    }
    if (v.json) io.stdout.write(`${JSON.stringify({ ok: true, file, type: kind, keyId: key.keyId, ...summary(checked) })}\n`);
    else io.stdout.write(`verified ${file}, signed by key ${key.keyId}\n  ${describe(checked)}\n`);
  },
};
