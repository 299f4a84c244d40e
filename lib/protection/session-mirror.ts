/**
 * A storage area read through a copy in memory, for the per-tab records the background reads at
 * every navigation (caution-tabs.ts, frames.ts). In Firefox each `storage.session` call is a round
 * trip to the parent process, which also carries the pages' loads (README, "Page load"); the copy
 * answers what this background wrote or read before, and the area stays the truth that outlives a
 * stopped background. Only for keys that nothing but this background writes. The copy is filled by
 * one read of the whole area, at the first call: from then on it knows every key's absence too, so
 * a new tab's records cost no read and removing what is not there costs no call.
 */
export interface MirrorableArea {
  /** `null`: everything the area holds. */
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** A key the copy knows to be absent. */
const ABSENT = Symbol('absent');
/** A key whose write failed: what the area holds for it is unknown until read. */
const UNKNOWN = Symbol('unknown');

export function mirrored(area: MirrorableArea): MirrorableArea {
  const copy = new Map<string, unknown>();
  let complete = false;
  // Each key's latest write: an earlier write that fails late must not undo a later one's copy.
  const latest = new Map<string, object>();
  // Resolves once the copy holds the whole area; a failed read is tried again at the next call.
  let filled: Promise<void> | null = null;
  const fill = (): Promise<void> => {
    filled ??= area.get(null).then(
      (all) => {
        // A write made while the area was read is newer than what the read saw.
        for (const [key, value] of Object.entries(all)) if (!copy.has(key) && !latest.has(key)) copy.set(key, structuredClone(value));
        complete = true;
      },
      (error: unknown) => {
        filled = null;
        throw error;
      },
    );
    return filled;
  };
  const written = async (entries: [string, unknown][], write: () => Promise<void>) => {
    const token = {};
    for (const [key, value] of entries) {
      copy.set(key, value);
      latest.set(key, token);
    }
    try {
      await write();
    } catch (error) {
      // Unknown what the area holds now: the next read asks it.
      for (const [key] of entries) if (latest.get(key) === token) copy.set(key, UNKNOWN);
      throw error;
    } finally {
      for (const [key] of entries) if (latest.get(key) === token) latest.delete(key);
    }
  };
  return {
    async get(key) {
      if (key === null) return area.get(null);
      if (!complete) await fill().catch(() => undefined);
      const value = copy.has(key) ? copy.get(key) : complete ? ABSENT : UNKNOWN;
      if (value === ABSENT) return {};
      if (value !== UNKNOWN) return { [key]: structuredClone(value) };
      // The whole area could not be read, or a write to this key failed: this key alone.
      const before = copy.get(key);
      const read = await area.get(key);
      // Unless a write came meanwhile, which is newer than what the read saw.
      if (copy.get(key) === before && !latest.has(key)) copy.set(key, key in read ? structuredClone(read[key]) : ABSENT);
      return read;
    },
    set(items) {
      const entries = Object.entries(items).map(([key, value]): [string, unknown] => [key, structuredClone(value)]);
      return written(entries, () => area.set(items));
    },
    async remove(keys) {
      const list = typeof keys === 'string' ? [keys] : keys;
      if (!complete) await fill().catch(() => undefined);
      // Nothing to remove: every key is known to be absent, and no write to one is under way.
      const absent = (key: string) => (copy.has(key) ? copy.get(key) === ABSENT : complete) && !latest.has(key);
      if (list.every(absent)) return;
      const entries = list.map((key): [string, unknown] => [key, ABSENT]);
      return written(entries, () => area.remove(keys));
    },
  };
}
