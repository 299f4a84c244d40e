/**
 * The files of a published list, ready for any static web server or CDN (layout in
 * docs/list-format.md): `<id>/latest.json`, `<id>/v<N>.json`, deltas from recent versions to N,
 * and a detached `.sig` beside each. The toolkit's `publish` and the hub both call this.
 */
import { sign, signatureText, type SecretKeyFile } from '../signing';
import { diffLists } from './delta';
import { LIMITS } from './download';
import { deltaFileName, listFileName, type Latest } from './latest';
import type { List } from './schema';
import { serializeList } from './serialize';

export const DEFAULT_DELTA_COUNT = 10;

/**
 * An earlier version that is read only when its delta is made, and let go after it: a publisher of
 * a million-entry list holds the new list and one earlier version at a time, not ten.
 */
export interface EarlierVersion {
  readonly id: string;
  readonly version: number;
  read(): Promise<List>;
}

export interface PublishInput {
  readonly list: List;
  /** Earlier versions of the same list (any order), whole or read on demand; deltas are made from the most recent ones. */
  readonly history?: readonly (List | EarlierVersion)[];
  readonly key: SecretKeyFile;
  readonly deltaCount?: number;
}

const encoder = new TextEncoder();

export function deltaBytes(delta: ReturnType<typeof diffLists>): Uint8Array {
  const { add, remove, ...head } = delta;
  const lines = [
    JSON.stringify(head).replace(/}$/, ','),
    ` "remove": [${remove.map((d) => `\n${JSON.stringify(d)}`).join(',')}${remove.length ? '\n' : ''}],`,
    ` "add": [${add.map((e) => `\n${JSON.stringify(e)}`).join(',')}${add.length ? '\n' : ''}]`,
    '}',
  ];
  return encoder.encode(`${lines.join('\n')}\n`);
}

/** Paths (relative to the publish root) and their bytes. */
export async function publishFiles({ list, history = [], key, deltaCount = DEFAULT_DELTA_COUNT }: PublishInput): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const put = async (name: string, bytes: Uint8Array) => {
    files.set(`${list.id}/${name}`, bytes);
    files.set(`${list.id}/${name}.sig`, encoder.encode(signatureText(await sign(bytes, key))));
  };
  await put(listFileName(list.version), encoder.encode(serializeList(list)));
  const previous = history
    .filter((old) => old.id === list.id && old.version < list.version)
    .sort((a, b) => b.version - a.version)
    .slice(0, deltaCount);
  const deltas: Latest['deltas'] = [];
  for (const earlier of previous) {
    const old = 'read' in earlier ? await earlier.read() : earlier;
    if (old.id !== list.id || old.version !== earlier.version) throw new Error(`version ${earlier.version} of "${list.id}" reads as version ${old.version} of "${old.id}"`);
    const file = deltaFileName(old.version, list.version);
    const bytes = deltaBytes(diffLists(old, list));
    // Subscribers refuse a larger delta (checkDelta): they take the full list, so none is offered.
    if (bytes.byteLength > LIMITS.deltaBytes) continue;
    await put(file, bytes);
    deltas.push({ from: old.version, file });
  }
  const latest: Latest = {
    format: 1,
    type: 'latest',
    id: list.id,
    version: list.version,
    issued: list.issued,
    expires: list.expires,
    list: listFileName(list.version),
    deltas,
    ...(list.updateIntervalMinutes ? { updateIntervalMinutes: list.updateIntervalMinutes } : {}),
  };
  await put('latest.json', encoder.encode(`${JSON.stringify(latest, null, 1)}\n`));
  return files;
}
