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
