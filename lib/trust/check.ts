/**
 * What a downloaded directory of publishers, its latest.json and a rotation statement go through
 * before anything is stored, in the order of docs/list-format.md §11 (size, signatures, UTF-8,
 * JSON, schema, id, version, dates), with the trust steps of §15-§16 in their places. Never
 * trusts a field before the signature over the exact bytes has been checked.
 */
import { checkDates, CLOCK_SKEW_MS, decodeJson, LIMITS, parse, Refused, latestSchema, type Latest } from '../lists';
import { keyIdOf, fromBase64, verify, verifyThreshold, type PublicKeyFile } from '../signing';
import { directorySchema, rotationSchema, TRUST_LIMITS, type Directory, type DirectoryRoot, type NamedKey, type Revocation, type Rotation } from './schema';

export function asKeyFile(key: NamedKey): PublicKeyFile {
  return { format: 1, algorithm: 'ed25519', keyId: key.keyId, publicKey: key.publicKey };
}

/** Whether a named key's id is its key's (the schema cannot hash). */
export async function keyIsItsId(key: NamedKey): Promise<boolean> {
  const raw = fromBase64(key.publicKey);
  return raw.length === 32 && (await keyIdOf(raw)) === key.keyId;
}

async function signedByRoot(bytes: Uint8Array, signature: string, root: DirectoryRoot, maxBytes: number, what: string): Promise<unknown> {
  if (bytes.byteLength > maxBytes) throw new Refused('too-large', `${what} is ${bytes.byteLength} bytes, more than ${maxBytes}`);
  const problem = await verifyThreshold(bytes, signature, root.keys.map(asKeyFile), root.threshold);
  if (problem === 'threshold') throw new Refused('threshold', `${what}: fewer than ${root.threshold} of the pinned keys signed it`);
  if (problem) throw new Refused(problem, `${what}: ${problem.replaceAll('-', ' ')}`);
  return decodeJson(bytes, what);
}

export interface DirectoryExpectation {
  readonly root: DirectoryRoot;
  /** The version in force (bundled or downloaded), or null when checking a file on its own. */
  readonly currentVersion: number | null;
  readonly now: Date;
  /** Skip the dates: the directory shipped in the package is in force whatever its dates. */
  readonly ignoreDates?: boolean;
}

/** The directory's latest.json: the list format's (§9), naming the directory file, with no deltas. */
export async function checkDirectoryLatest(bytes: Uint8Array, signature: string, expect: DirectoryExpectation): Promise<Latest> {
  const latest = parse(latestSchema, await signedByRoot(bytes, signature, expect.root, LIMITS.latestBytes, 'the directory’s latest.json'), 'the directory’s latest.json');
  if (latest.deltas.length > 0) throw new Refused('invalid', 'the directory’s latest.json: a directory has no deltas');
  if (latest.id !== expect.root.id) throw new Refused('wrong-id', `the directory’s latest.json is "${latest.id}", expected "${expect.root.id}"`);
  if (expect.currentVersion !== null && latest.version < expect.currentVersion) {
    throw new Refused('rollback', `the directory’s latest.json is version ${latest.version}; version ${expect.currentVersion} is in force`);
  }
  if (!expect.ignoreDates) checkDates(latest.issued, latest.expires, expect.now, 'the directory’s latest.json');
  return latest;
}

export async function checkDirectory(bytes: Uint8Array, signature: string, expect: DirectoryExpectation): Promise<Directory> {
  const directory = parse(directorySchema, await signedByRoot(bytes, signature, expect.root, TRUST_LIMITS.directoryBytes, 'the directory'), 'the directory');
  for (const publisher of directory.publishers) {
    for (const key of publisher.keys) {
      if (!(await keyIsItsId(key))) throw new Refused('invalid', `the directory: the key id ${key.keyId} of ${publisher.id} is not its key's`);
    }
  }
  if (directory.id !== expect.root.id) throw new Refused('wrong-id', `the directory is "${directory.id}", expected "${expect.root.id}"`);
  if (expect.currentVersion !== null && directory.version <= expect.currentVersion) {
    throw new Refused('rollback', `the directory is version ${directory.version}; version ${expect.currentVersion} is already in force`);
  }
  if (!expect.ignoreDates) checkDates(directory.issued, directory.expires, expect.now, 'the directory');
  return directory;
}

export interface RotationExpectation {
  readonly id: string;
  /** The key the subscription trusts now: the statement must be signed by it and hand it over. */
  readonly current: PublicKeyFile;
  /** Key ids the subscription already left: a statement back to one of them is a loop. */
  readonly left: readonly string[];
  /** The `issued` of the statement that brought the current key, if any (a later one must be newer). */
  readonly lastIssued: string | null;
  readonly revoked: (keyId: string) => Revocation | undefined;
  readonly now: Date;
}

export async function checkRotation(bytes: Uint8Array, signature: string, expect: RotationExpectation): Promise<Rotation> {
  const what = 'the rotation statement';
  if (bytes.byteLength > TRUST_LIMITS.rotationBytes) throw new Refused('too-large', `${what} is ${bytes.byteLength} bytes, more than ${TRUST_LIMITS.rotationBytes}`);
  if (signature.length > LIMITS.signatureBytes) throw new Refused('bad-signature-file', `${what}'s signature file is too large`);
  // A compromised key says nothing any more, least of all who comes next.
  if (expect.revoked(expect.current.keyId)) throw new Refused('revoked-key', `${what} is signed by ${expect.current.keyId}, which the directory revoked`);
  const problem = await verify(bytes, signature, expect.current);
  if (problem) throw new Refused(problem, `${what}: ${problem.replaceAll('-', ' ')}`);
  const rotation = parse(rotationSchema, decodeJson(bytes, what), what);
  if (!(await keyIsItsId(rotation.to))) throw new Refused('invalid', `${what}: the key id ${rotation.to.keyId} is not its key's`);
  if (rotation.id !== expect.id) throw new Refused('wrong-id', `${what} is for list "${rotation.id}", expected "${expect.id}"`);
  if (rotation.from !== expect.current.keyId) throw new Refused('invalid', `${what} hands over ${rotation.from}, not the key in force ${expect.current.keyId}`);
  if (expect.revoked(rotation.to.keyId)) throw new Refused('revoked-key', `${what} names ${rotation.to.keyId}, which the directory revoked`);
  if (expect.left.includes(rotation.to.keyId)) throw new Refused('rotation-loop', `${what} leads back to ${rotation.to.keyId}, a key this list already left`);
  if (expect.lastIssued !== null && Date.parse(rotation.issued) <= Date.parse(expect.lastIssued)) {
    throw new Refused('rotation-replay', `${what} was issued on ${rotation.issued}, not after the one already followed (${expect.lastIssued})`);
  }
  if (Date.parse(rotation.issued) > expect.now.getTime() + CLOCK_SKEW_MS) throw new Refused('not-yet-valid', `${what} is issued in the future (${rotation.issued})`);
  return rotation;
}
