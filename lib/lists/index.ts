export { entriesFromPlainText } from './build';
export type { LineProblem, PlainListOptions, PlainListResult } from './build';
export { CHUNK_SIZE, openDatabase } from './db';
export type { ListSource, PharmacheckDb, StoredList } from './db';
export { DomainSet } from './domain-set';
export { ListIndex } from './list-index';
export type { ListHit } from './list-index';
export {
  CATEGORIES,
  categorySchema,
  entrySchema,
  listMetaSchema,
  listRank,
  listSchema,
  PUBLISHER_TYPES,
} from './schema';
export type { Category, Entry, Evidence, List, ListKind, ListMeta, Publisher } from './schema';
export { serializeList } from './serialize';
export { installList, loadLists, readEntry, removeOrphanChunks } from './store';
export type { LoadedList } from './store';
export { applyDelta, DeltaMismatch, deltaSchema, diffLists, MAX_DELTA_CHANGES } from './delta';
export type { Delta } from './delta';
export { checkDelta, checkLatest, checkList, LIMITS, Refused } from './download';
export type { Expectation, RefusalReason } from './download';
export { deltaFileName, latestSchema, listFileName } from './latest';
export type { Latest } from './latest';
export { DEFAULT_DELTA_COUNT, deltaBytes, publishFiles } from './publish';
export type { PublishInput } from './publish';
export { entryDomainSchema, listIdSchema, publisherSchema } from './schema';
