/** A list's text (serialize.ts): one entry a line, the same whichever way a piece is made. */
import { describe, expect, it } from 'vitest';
import { listSchema, serializedPieces, serializeList, type Entry } from '../../../lib/lists';
import { entry, makeList } from './fixtures';

/** The text entry by entry, as the serializer wrote it before it stringified pieces whole. */
function entryByEntry(entries: readonly Entry[], meta: object): string {
  const head = `${JSON.stringify(meta, null, 1).replace(/\n}$/, '')},\n "entries": [\n`;
  return `${head}${entries.map((e) => JSON.stringify(e)).join(',\n')}\n ]\n}\n`;
}

const tricky = [
  entry('a-rogue.example', { note: '},{' }),
  entry('b-rogue.example', { note: 'ends with a brace }' }),
  entry('c-rogue.example', { note: '{"domain":"x.example"},{"domain":"y.example"}' }),
  entry('d-rogue.example', { note: 'quote \\" then },{ and }},{{' }),
  entry('e-rogue.example'),
];

describe('serializeList', () => {
  it.each([
    ['ordinary entries', Array.from({ length: 25 }, (_, i) => entry(`shop${i}.example`))],
    ['notes that hold "},{", quotes and braces', tricky],
    ['one entry', [entry('only.example')]],
    ['no entries', []],
  ])('%s: the same text as entry by entry, one entry a line, and it parses back to the list', (_, entries: Entry[]) => {
    const list = makeList({ entries });
    const { entries: _e, ...meta } = list;
    const text = serializeList(list);
    expect(text).toBe(entryByEntry(entries, meta));
    expect(listSchema.parse(JSON.parse(text))).toEqual(list);
    const lines = text.split('\n').filter((l) => l.startsWith('{"domain"'));
    expect(lines).toHaveLength(entries.length);
  });

  it('gives the same text whatever the piece size, a "},{" in a note in any piece', () => {
    const entries = [...Array.from({ length: 7 }, (_, i) => entry(`shop${i}.example`)), ...tricky, entry('z.example')];
    const list = makeList({ entries });
    const whole = serializeList(list);
    for (const per of [1, 2, 3, 5, 100]) expect([...serializedPieces(list, per)].join(''), `per ${per}`).toBe(whole);
  });
});
