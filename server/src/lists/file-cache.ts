/**
 * The immutable published files most recently served, in memory, up to a byte budget. Safe in any
 * number of processes: a version's files never change, so a copy is never stale.
 */
import type { StoredFile } from './published-files';

export class FileCache {
  private readonly files = new Map<string, StoredFile>();
  private bytes = 0;

  constructor(private readonly budget: number) {}

  get(path: string): StoredFile | null {
    const file = this.files.get(path);
    if (!file) return null;
    // Most recently used last: Map keeps insertion order.
    this.files.delete(path);
    this.files.set(path, file);
    return file;
  }

  set(path: string, file: StoredFile): void {
    const size = file.bytes?.byteLength ?? 0;
    if (size === 0 || size > this.budget / 4 || this.files.has(path)) return;
    this.files.set(path, file);
    this.bytes += size;
    for (const [oldest, old] of this.files) {
      if (this.bytes <= this.budget) break;
      this.files.delete(oldest);
      this.bytes -= old.bytes?.byteLength ?? 0;
    }
  }
}
