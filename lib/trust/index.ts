/**
 * Trust that a list earns rather than declares (docs/list-format.md §15-§17): the directory of
 * publishers (which keys may speak as an authority or a register, and which keys are revoked), the
 * extension's pinned keys for it, and key rotation statements. Pure checks here; downloads are
 * lib/updater's, ranks lib/lists/standing.ts's.
 */
export { asKeyFile, checkDirectory, checkDirectoryLatest, checkRotation, keyIsItsId } from './check';
export type { DirectoryExpectation, RotationExpectation } from './check';
export { acceptedKeys, isRetired, publisherOf, publisherOfKey, revocationOf, vouchFor } from './keys';
export type { AcceptedKeys } from './keys';
export { directoryEntry, makeDirectory, makeRoot, makeRotation, trustFileText } from './make';
export type { EntryInput } from './make';
export {
  directoryListSchema,
  directoryPublisherSchema,
  directoryRootSchema,
  directorySchema,
  keyIdSchema,
  namedKeySchema,
  PUBLISHER_KINDS,
  REVOCATION_REASONS,
  revocationSchema,
  rotationFileName,
  rotationSchema,
  TRUST_LIMITS,
} from './schema';
export type { Directory, DirectoryPublisher, DirectoryRoot, NamedKey, Revocation, Rotation } from './schema';
export { DIRECTORY_ASSETS, ensureShippedDirectory, readDirectory, readShippedDirectory, readShippedRoot, shippedDirectory } from './store';
export type { FetchText, ShippedDirectory } from './store';
export { syncVouches } from './sync';
