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

const shared = { source: 'Shared authority', reference: 'case 1' };
/** Entries the template does not write (other keys, another order, values of other types), and ones it does. */
const unusual = [
  { category: 'illegal-pharmacy', domain: 'order.example', added: '2026-01-15', evidence: shared },
  { ...entry('extra.example'), extra: 1 },
  { ...entry('undefined-note.example'), note: undefined },
  { ...entry('number-added.example'), added: 20260115 },
  { ...entry('array-evidence.example'), evidence: ['a', { b: 1 }] },
  Object.assign(Object.create({ inherited: true }), entry('inherited.example')),
  { ...entry('quote"and\\back.example'), note: 'line\nbreak, tab\t, \u2028, é, 🧪, lone \ud800' },
  { domain: 'shared-1.example', category: 'illegal-pharmacy', added: '2026-01-15', evidence: shared },
  { domain: 'shared-2.example', category: 'illegal-pharmacy', added: '2026-01-15', evidence: shared },
  { domain: 'other.example', category: 'illegal-pharmacy', added: '2026-01-15', evidence: { source: 'Other' } },
  { domain: 'shared-3.example', category: 'illegal-pharmacy', added: '2026-01-15', evidence: shared, note: 'n' },
] as unknown as Entry[];

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

  it('writes entries of any shape exactly as JSON.stringify does, evidence shared or not', () => {
    const list = { ...makeList(), entries: unusual };
    const { entries: _e, ...meta } = list;
    expect(serializeList(list)).toBe(entryByEntry(unusual, meta));
    // An evidence object changed between two serialisations is written as it is now.
    const before = serializeList(list);
    shared.reference = 'case 2';
    try {
      const after = serializeList(list);
      expect(after).not.toBe(before);
      expect(after).toBe(entryByEntry(unusual, meta));
    } finally {
      shared.reference = 'case 1';
    }
  });

  it('gives the same text whatever the piece size, a "},{" in a note in any piece', () => {
    const entries = [...Array.from({ length: 7 }, (_, i) => entry(`shop${i}.example`)), ...tricky, entry('z.example')];
    const list = makeList({ entries });
    const whole = serializeList(list);
    for (const per of [1, 2, 3, 5, 100]) expect([...serializedPieces(list, per)].join(''), `per ${per}`).toBe(whole);
  });
});
