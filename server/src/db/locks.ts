/**
 * Advisory lock keys: what serialises work across every hub process on one database. Any
 * constants do; they name this hub's locks among the server's advisory locks.
 */
export const LOCKS = {
  /** Two starting hubs never migrate at once. */
  migrate: 7_461_330,
  /** Publications, of any list, one at a time: each rewrites index.json, which names every list. */
  publish: 7_461_331,
  /** Exports to a directory, one at a time, each from the latest committed publications. */
  export: 7_461_332,
} as const;
export type LockKey = (typeof LOCKS)[keyof typeof LOCKS];
