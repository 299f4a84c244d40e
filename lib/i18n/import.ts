/**
 * The browser's message format (messages.json: "$NAME$" placeholders declared with "$1" contents,
 * "$$" for a dollar) turned into a catalogue entry ("{name}"), for `npm run i18n:import`.
 */
import { metaOf, messagesOf, type SourceCatalogue } from './compile';

export type ChromeMessages = Record<string, { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> }>;

/** Placeholder names in argument order ($1, $2, …), lowercased as Chrome matches them. */
export function placeholderOrder(entry: ChromeMessages[string]): string[] {
  return Object.entries(entry.placeholders ?? {})
    .map(([name, p]) => ({ name: name.toLowerCase(), at: Number(/^\$(\d+)$/.exec(p.content)?.[1] ?? NaN) }))
    .sort((a, b) => a.at - b.at)
    .map((p) => p.name);
}

/** One message's text in the catalogue's syntax. */
export function convertMessage(message: string): string {
  return message
    .split('$$')
    .map((part) =>
      part
        .split(/(\$[A-Za-z0-9_@]+\$)/)
        .map((piece, i, pieces) => {
          if (i % 2 === 1) return `{${piece.slice(1, -1).toLowerCase()}}`;
          // ICU quoting: an apostrophe before a brace (a literal one, or the placeholder next) would
          // start a quoted run, so it is doubled; literal braces are quoted.
          const before = i + 1 < pieces.length ? piece.replace(/'$/, "''") : piece;
          return before.replace(/'(?=[{}])/g, "''").replace(/[{}]/g, (brace) => `'${brace}'`);
        })
        .join(''),
    )
    .join('$');
}

export function chromeToCatalogue(
  chrome: ChromeMessages,
  current: SourceCatalogue,
  english: SourceCatalogue | null,
  overwrite: boolean,
): { catalogue: Record<string, unknown>; added: string[]; differing: string[] } {
  const catalogue: Record<string, unknown> = { ...current };
  const have = messagesOf(current);
  const added: string[] = [];
  const differing: string[] = [];
  for (const [key, entry] of Object.entries(chrome)) {
    const text = convertMessage(entry.message);
    if (Object.hasOwn(have, key)) {
      if (have[key] === text) continue;
      differing.push(key);
      if (!overwrite) continue;
    } else added.push(key);
    catalogue[key] = text;
    if (english === null) {
      const meta: Record<string, unknown> = { ...metaOf(current, key) };
      if (entry.description) meta.description = entry.description;
      const order = placeholderOrder(entry);
      if (order.length > 0) {
        meta.placeholders = Object.fromEntries(order.map((name) => {
          const example = entry.placeholders?.[Object.keys(entry.placeholders).find((n) => n.toLowerCase() === name)!]?.example;
          return [name, example ? { example } : {}];
        }));
      }
      catalogue[`@${key}`] = meta;
    }
  }
  return { catalogue, added, differing };
}
