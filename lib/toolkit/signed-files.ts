/**
 * The three kinds of signed file (a list, a delta, a latest.json) and the one check each goes
 * through: lib/lists/download.ts, exactly what the extension runs on a download.
 */
import { z } from 'zod';
import { checkDelta, checkedList, checkLatest, checkList, LIMITS, ListInvalid, unsignedChecks, type Delta, type Expectation, type Latest, type List } from '../lists';
import { refused } from './exit';
import { decodeUtf8, parseJsonText, readBytes } from './files';

export type SignedKind = 'list' | 'delta' | 'latest';
export const SIGNED_KINDS: readonly SignedKind[] = ['list', 'delta', 'latest'];

export type Checked = { kind: 'list'; value: List } | { kind: 'delta'; value: Delta } | { kind: 'latest'; value: Latest };

export async function checkSigned(kind: SignedKind, bytes: Uint8Array, signature: string, expect: Expectation): Promise<Checked> {
  if (kind === 'delta') return { kind, value: await checkDelta(bytes, signature, expect) };
  if (kind === 'latest') return { kind, value: await checkLatest(bytes, signature, expect) };
  return { kind, value: await checkList(bytes, signature, expect) };
}

/**
 * What subscribers check of the file besides its signature: only for `sign`, on the bytes it is
 * signing (lib/lists/download.ts, unsignedChecks). Throws Refused.
 */
export function checkUnsigned(kind: SignedKind, bytes: Uint8Array, expect: Expectation): void {
  unsignedChecks[kind](bytes, expect);
}

export interface Peek {
  readonly kind: SignedKind;
  readonly id: string | null;
  /** A delta's `from`. */
  readonly from: number | null;
}

const HEAD_BYTES = 64 * 1024;

/** The few fields a peek reads; anything else about the file is for the check to judge. */
const peekSchema = z.looseObject({
  type: z.unknown().optional(),
  id: z.string().optional().catch(undefined),
  from: z.number().optional().catch(undefined),
});

function fromObject(value: unknown): Peek {
  const o = peekSchema.safeParse(value).data ?? {};
  const kind: SignedKind = o.type === 'delta' ? 'delta' : o.type === 'latest' ? 'latest' : 'list';
  return { kind, id: o.id ?? null, from: o.from ?? null };
}

function wholeFile(bytes: Uint8Array): Peek {
  try {
    return fromObject(JSON.parse(new TextDecoder().decode(bytes)));
  } catch {
    return { kind: 'list', id: null, from: null };
  }
}

/**
 * What a file says it is, before anything is verified: only to choose the check and fill in the
 * expectations the user did not give. The check itself trusts none of it. A large file is a list
 * (deltas and latest.json are refused above their limits), read from its head when it can be.
 */
export function peek(bytes: Uint8Array): Peek {
  if (bytes.byteLength <= LIMITS.deltaBytes) return wholeFile(bytes);
  const head = new TextDecoder().decode(bytes.subarray(0, HEAD_BYTES));
  // In valid JSON, `"type"` then a colon can only be a key (inside a string the quotes are escaped).
  const type = /"type"\s*:\s*"(delta|latest)"/.exec(head)?.[1];
  const id = /"id"\s*:\s*"([a-z0-9-]{1,64})"/.exec(head)?.[1];
  if (id === undefined) return wholeFile(bytes);
  return { kind: type === 'delta' ? 'delta' : type === 'latest' ? 'latest' : 'list', id, from: null };
}

/**
 * A list file a command is given as input (not a download): strict UTF-8, JSON, the list schema
 * (checkedList: listSchema's decisions, in its words, without a million calls to zod).
 */
export async function readList(path: string): Promise<List> {
  const bytes = await readBytes(path);
  const value = parseJsonText(decodeUtf8(bytes, path), z.unknown(), path, 'list');
  try {
    return checkedList(value);
  } catch (error) {
    if (error instanceof ListInvalid) throw refused(`${path} is not a valid list: ${error.at ? `${error.at}: ` : ''}${error.detail}`);
    throw error;
  }
}
