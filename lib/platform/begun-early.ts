/**
 * A read that may be begun before anyone asks for it, and is then handed, once, to the first who
 * does (per key): the background begins the reads its first verdict waits for at its script's first
 * lines (lib/protection/wake-start.ts), and the code that needs them later takes them. Whoever asks
 * when nothing was begun, or after the begun read was taken, gets a new read.
 */
export function begunEarly<T>(read: (key: string) => Promise<T>): { begin(key: string): void; take(key: string): Promise<T> } {
  const begun = new Map<string, Promise<T>>();
  return {
    begin(key) {
      if (begun.has(key)) return;
      const reading = read(key);
      // Whoever takes it sees a failure; a read nobody takes is no reason for an unhandled rejection.
      reading.catch(() => undefined);
      begun.set(key, reading);
    },
    take(key) {
      const reading = begun.get(key);
      if (!reading) return read(key);
      begun.delete(key);
      return reading;
    },
  };
}
