export { entriesFromPlainText } from './build';
export type { LineProblem, PlainListOptions, PlainListResult } from './build';
export { CHUNK_SIZE, openDatabase } from './db';
export type { ChunkRef, ListSource, OutboxItem, PharmacheckDb, RetiredKey, StoredDirectory, StoredList, Subscription, UpdateError } from './db';
export { DomainSet } from './domain-set';
export { indexList, ListIndex, withSet } from './list-index';
export type { IndexedList, ListHit } from './list-index';
export {
  CATEGORIES,
  categorySchema,
  entrySchema,
  listMetaSchema,
  listSchema,
  PUBLISHER_TYPES,
} from './schema';
export type { Category, Entry, Evidence, List, ListKind, ListMeta, Publisher } from './schema';
export { serializeList } from './serialize';
export { applyDeltaToStore, installList, loadLists, locateEntry, readEntries, readEntry, removeList, removeOrphanChunks } from './store';
export type { KnownList, LoadedList } from './store';
export { applyDelta, DeltaMismatch, deltaSchema, diffLists, MAX_DELTA_CHANGES } from './delta';
export type { Delta } from './delta';
export { checkDates, checkDelta, checkLatest, checkList, CLOCK_SKEW_MS, decodeJson, LIMITS, parse, Refused } from './download';
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
export { counts, defaultVouch, effectiveRank, vouchedType } from './standing';
export type { DirectoryPublisherRef, Rank, Standing, Vouch } from './standing';
