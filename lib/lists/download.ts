/**
 * What every downloaded file goes through before anything is stored, in this order: size, detached
 * signature over the exact bytes (with the one key the subscription trusts), strict UTF-8, JSON,
 * schema, list id, version (no rollback), validity dates. The extension's updater, the toolkit's
 * `verify` and the hub use this same code, so a file one accepts is exactly a file all accept.
 */
import type { z } from 'zod';
import { verify, type PublicKeyFile, type SignatureProblem } from '../signing';
import { deltaSchema, type Delta } from './delta';
import { latestSchema, type Latest } from './latest';
import { checkDomains, checkedList, ListInvalid, type CheckedDomains } from './list-check';
import type { List } from './schema';

export type RefusalReason =
  | SignatureProblem
  | 'too-large'
  | 'not-utf8'
  | 'not-json'
  | 'invalid'
  | 'wrong-id'
  | 'rollback'
  | 'expired'
  | 'not-yet-valid'
  | 'delta-gap'
  | 'delta-mismatch'
  // Trust (lib/trust, docs/list-format.md §15-§17): too few of the pinned keys signed the
  // directory; the key is revoked by the directory, or retired by a rotation whose rollover passed;
  // a rotation statement leads back to a key already left, or is not newer than the last one
  // followed; the directory names the list with other keys.
  | 'threshold'
  | 'revoked-key'
  | 'retired-key'
  | 'rotation-loop'
  | 'rotation-replay'
  | 'not-directory-key';

export class Refused extends Error {
  constructor(
    readonly reason: RefusalReason,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'Refused';
  }
}

export const LIMITS = {
  // A 1,000,000-entry list (DESIGN.md) takes 110-150 MB in this format (about 130 bytes an entry).
  listBytes: 256 * 1024 * 1024,
  deltaBytes: 16 * 1024 * 1024,
  latestBytes: 64 * 1024,
  signatureBytes: 1024,
} as const;

/** How far a publisher's clock may run ahead of ours before an issue date counts as the future. */
export const CLOCK_SKEW_MS = 10 * 60 * 1000;

export interface Expectation {
  readonly id: string;
  /** The key the subscription trusts, or the keys it accepts (during a rollover, or a directory's keys). */
  readonly key: PublicKeyFile | readonly PublicKeyFile[];
  /** The version in force, or null for a first download. */
  readonly currentVersion: number | null;
  readonly now: Date;
}

function withinLimit(bytes: Uint8Array, maxBytes: number, what: string): void {
  if (bytes.byteLength > maxBytes) throw new Refused('too-large', `${what} is ${bytes.byteLength} bytes, more than ${maxBytes}`);
}

/** Size, then the detached signature over the exact bytes (the first steps of the checks). */
async function checkSignature(bytes: Uint8Array, signature: string, key: Expectation['key'], maxBytes: number, what: string, onStep?: (step: string) => void): Promise<void> {
  withinLimit(bytes, maxBytes, what);
  if (signature.length > LIMITS.signatureBytes) throw new Refused('bad-signature-file', `${what}'s signature file is too large`);
  const problem = await verify(bytes, signature, key);
  if (problem) throw new Refused(problem, `${what}: ${problem.replaceAll('-', ' ')}`);
  onStep?.('signature');
}

/** Strict UTF-8, then JSON (steps 5 and 6 of the checks), for every signed file. */
export function decodeJson(bytes: Uint8Array, what: string, onStep?: (step: string) => void): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Refused('not-utf8', `${what} is not UTF-8`);
  }
  onStep?.('utf-8');
  try {
    const value: unknown = JSON.parse(text);
    onStep?.('json');
    return value;
  } catch {
    throw new Refused('not-json', `${what} is not JSON`);
  }
}

export function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Refused('invalid', `${what}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid'}`);
  }
  return result.data;
}

export function checkDates(issued: string, expires: string, now: Date, what: string): void {
  if (Date.parse(expires) <= now.getTime()) throw new Refused('expired', `${what} expired on ${expires}`);
  if (Date.parse(issued) > now.getTime() + CLOCK_SKEW_MS) throw new Refused('not-yet-valid', `${what} is issued in the future (${issued})`);
}

function checkIdAndVersion(id: string, version: number, expect: Expectation, what: string, allowSame: boolean): void {
  if (id !== expect.id) throw new Refused('wrong-id', `${what} is list "${id}", expected "${expect.id}"`);
  const current = expect.currentVersion;
  if (current !== null && (version < current || (version === current && !allowSame))) {
    throw new Refused('rollback', `${what} is version ${version}; version ${current} is already in force`);
  }
}


function asRefused<T>(what: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ListInvalid) throw new Refused('invalid', `${what}: ${error.message}`);
    throw error;
  }
}

/** A whole list, every field checked (listSchema's rules, list-check.ts). */
export async function checkList(bytes: Uint8Array, signature: string, expect: Expectation): Promise<List> {
  await checkSignature(bytes, signature, expect.key, LIMITS.listBytes, 'the list');
  return unsignedChecks.list(bytes, expect);
}

/**
 * A list checked as far as its blocking rules need: signature, metadata, id, version, dates and
 * every domain (not yet for repeats: indexing finds those). `entries()` checks the rest; it throws
 * Refused like everything here.
 */
export async function checkListDomains(bytes: Uint8Array, signature: string, expect: Expectation, onStep?: (step: string) => void): Promise<CheckedDomains> {
  await checkSignature(bytes, signature, expect.key, LIMITS.listBytes, 'the list', onStep);
  const value = decodeJson(bytes, 'the list', onStep);
  const checked = asRefused('the list', () => checkDomains(value));
  onStep?.('domains');
  checkIdAndVersion(checked.meta.id, checked.meta.version, expect, 'the list', false);
  checkDates(checked.meta.issued, checked.meta.expires, expect.now, 'the list');
  return { ...checked, entries: () => asRefused('the list', () => checked.entries()) };
}


export async function checkDelta(bytes: Uint8Array, signature: string, expect: Expectation, onStep?: (step: string) => void): Promise<Delta> {
  await checkSignature(bytes, signature, expect.key, LIMITS.deltaBytes, 'the delta', onStep);
  return unsignedChecks.delta(bytes, expect, onStep);
}

/** A subscription's `latest.json`. The same version as ours is fine (nothing to do). */
export async function checkLatest(bytes: Uint8Array, signature: string, expect: Expectation): Promise<Latest> {
  await checkSignature(bytes, signature, expect.key, LIMITS.latestBytes, 'latest.json');
  return unsignedChecks.latest(bytes, expect);
}

/**
 * Every check above but the signature's, in the same order (size, then UTF-8, JSON, schema, id,
 * version, dates): checkList, checkDelta and checkLatest run these once the signature passed. The
 * only other caller is a signer checking the bytes it is signing (`pharmacheck sign`, which makes
 * the signature off the main thread while these run, then verifies it): never bytes that came
 * from anyone else, whose signature must pass before anything reads them.
 */
export const unsignedChecks = {
  list(bytes: Uint8Array, expect: Expectation): List {
    withinLimit(bytes, LIMITS.listBytes, 'the list');
    const list = asRefused('the list', () => checkedList(decodeJson(bytes, 'the list')));
    checkIdAndVersion(list.id, list.version, expect, 'the list', false);
    checkDates(list.issued, list.expires, expect.now, 'the list');
    return list;
  },
  delta(bytes: Uint8Array, expect: Expectation, onStep?: (step: string) => void): Delta {
    withinLimit(bytes, LIMITS.deltaBytes, 'the delta');
    const delta = parse(deltaSchema, decodeJson(bytes, 'the delta', onStep), 'the delta');
    onStep?.('schema');
    checkIdAndVersion(delta.id, delta.to, expect, 'the delta', false);
    if (expect.currentVersion === null || delta.from !== expect.currentVersion) {
      throw new Refused('delta-gap', `the delta starts at version ${delta.from}, but version ${expect.currentVersion ?? 'none'} is in force`);
    }
    checkDates(delta.meta.issued, delta.meta.expires, expect.now, 'the delta');
    return delta;
  },
  latest(bytes: Uint8Array, expect: Expectation): Latest {
    withinLimit(bytes, LIMITS.latestBytes, 'latest.json');
    const latest = parse(latestSchema, decodeJson(bytes, 'latest.json'), 'latest.json');
    checkIdAndVersion(latest.id, latest.version, expect, 'latest.json', true);
    checkDates(latest.issued, latest.expires, expect.now, 'latest.json');
    return latest;
  },
};
