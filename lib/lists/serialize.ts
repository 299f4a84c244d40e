import type { List } from './schema';

/** A list as JSON with one entry per line: compact, and diffs of list files stay readable. */
export function serializeList(list: List): string {
  const { entries, ...meta } = list;
  const head = JSON.stringify(meta, null, 1).replace(/\n}$/, '');
  const body = entries.map((e) => JSON.stringify(e)).join(',\n');
  return `${head},\n "entries": [\n${body}\n ]\n}\n`;
}
