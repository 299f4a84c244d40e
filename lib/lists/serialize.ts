import type { List } from './schema';

/**
 * A list as JSON with one entry per line: compact, and diffs of list files stay readable. In
 * pieces of `per` entries, so that a large list is written without one string of it all (the
 * pieces joined are exactly serializeList's text).
 */
export function* serializedPieces(list: List, per = 10_000): Generator<string> {
  const { entries, ...meta } = list;
  yield `${JSON.stringify(meta, null, 1).replace(/\n}$/, '')},\n "entries": [\n`;
  for (let at = 0; at < entries.length; at += per) {
    const body = entries.slice(at, at + per).map((e) => JSON.stringify(e)).join(',\n');
    yield at + per < entries.length ? `${body},\n` : body;
  }
  yield '\n ]\n}\n';
}

export function serializeList(list: List): string {
  return [...serializedPieces(list)].join('');
}
