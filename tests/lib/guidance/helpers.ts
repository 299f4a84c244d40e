import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function readData(path: string): string {
  return readFileSync(`${ROOT}data/${path}`, 'utf8');
}

export function readJson(path: string): unknown {
  return JSON.parse(readData(path));
}

/** A deep copy to break on purpose. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}
