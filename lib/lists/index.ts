export { entriesFromPlainText } from './build';
export type { LineProblem, PlainListOptions, PlainListResult } from './build';
export { CHUNK_SIZE, DETAIL_SIZE, openDatabase } from './db';
export type { ChunkRef, ListSource, OutboxItem, PharmacheckDb, RetiredKey, RuleState, StoredDirectory, StoredList, Subscription, UpdateError } from './db';
export { domainOrder } from './domain-order';
export { fingerprintOf, FingerprintSet } from './fingerprint-set';
export type { Candidate, Fingerprint, FingerprintFunction } from './fingerprint-set';
export { indexedList, indexList, ListIndex, candidatesOf, withList } from './list-index';
export type { ConfirmedHit, EntrySource, IndexedList, ListHit } from './list-index';
export { EMPTY_OVERLAY, overlayAfter, overlayDomains, overlaySize } from './overlay';
export type { ListOverlay } from './overlay';
export {
  CATEGORIES,
  categorySchema,
  entrySchema,
  listMetaSchema,
  listSchema,
  PUBLISHER_TYPES,
} from './schema';
export type { Category, Entry, Evidence, List, ListKind, ListMeta, Publisher } from './schema';
export { serializedPieces, serializeList } from './serialize';
export { allocateChunks, applyDeltaToStore, chunkDomains, compactedBase, detailKeys, domainAt, dropOldRows, inBaseOrder, indexBase, installList, prepareBase, removeList, removeOrphanChunks, storeBase, switchBase, writeBaseRows } from './store';
export type { BaseChunks, LoadedList, NewBase } from './store';
export { loadLists, readBaseDomains, readBaseEntries, readBaseEntry, readChunkDomains, readOverlay, readOverlayEntry, restoreLists, StoredListUnreadable } from './store-read';
export type { RestoredList } from './store-read';
export { applyDelta, DeltaMismatch, deltaSchema, diffLists, MAX_DELTA_CHANGES } from './delta';
export type { Delta } from './delta';
export { checkDates, checkDelta, checkLatest, checkList, checkListDomains, CLOCK_SKEW_MS, decodeJson, LIMITS, parse, Refused, unsignedChecks } from './download';
export { checkDomains, checkedList, ListInvalid } from './list-check';
export type { CheckedDomains } from './list-check';
export type { Expectation, RefusalReason } from './download';
export { deltaFileName, latestSchema, listFileName } from './latest';
export type { Latest } from './latest';
export { DEFAULT_DELTA_COUNT, deltaBytes, publishFiles } from './publish';
export type { PublishInput } from './publish';
export { entryDomainSchema, inForce, isExpired, listIdSchema, publisherSchema } from './schema';
export { parseCsv } from './csv';
export type { CsvProblem, CsvRecord, CsvResult } from './csv';
export { arrayElementLines } from './json-lines';
export { INPUT_COLUMNS, INPUT_FORMATS, inputRows, rowsFromCsv, rowsFromJson, rowsFromText } from './input-rows';
export type { InputFields, InputFormat, InputProblem, InputRow, RowsResult } from './input-rows';
export { entriesFromRows } from './input-entries';
export type { EntryDefaults, InputEntriesOptions, InputEntriesResult } from './input-entries';
export { describesLatest, publishedList, publishedListSchema, publishIndexBytes, publishIndexSchema } from './publish-index';
export type { PublishedList, PublishIndex } from './publish-index';
export { listKindSchema } from './schema';
export { readForWake } from './wake-read';
export { counts, defaultVouch, effectiveRank, vouchedType } from './standing';
export type { DirectoryPublisherRef, Rank, Standing, Vouch } from './standing';
