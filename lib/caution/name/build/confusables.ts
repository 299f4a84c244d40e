/**
 * Cuts Unicode's confusables mapping down to what a host-label check needs (run by
 * `npm run data:caution-confusables`, checked by a unit test). Kept: characters that can still be
 * in a label after IDNA's mapping and NFD (NFKC, lower case), whose prototype is made of ASCII
 * letters, digits and "-". Everything else can never make a label look like an ASCII one.
 */

export interface ConfusablesData {
  readonly format: 1;
  readonly source: string;
  readonly unicodeVersion: string;
  /** Character → its prototype (confusables.txt's target), in code point order. */
  readonly map: Readonly<Record<string, string>>;
}

const ASCII_PROTOTYPE = /^[A-Za-z0-9-]+$/;

export function compactConfusables(raw: Readonly<Record<string, string>>, source: string, unicodeVersion: string): ConfusablesData {
  const kept: [string, string][] = [];
  for (const [from, to] of Object.entries(raw)) {
    if ([...from].length !== 1) continue;
    const prototype = to.normalize('NFD');
    if (!ASCII_PROTOTYPE.test(prototype)) continue;
    if (from.normalize('NFKC').toLowerCase().normalize('NFD') !== from) continue;
    kept.push([from, prototype]);
  }
  kept.sort(([a], [b]) => a.codePointAt(0)! - b.codePointAt(0)!);
  return { format: 1, source, unicodeVersion, map: Object.fromEntries(kept) };
}

/** The committed file's text: one entry a line, so a change of Unicode version reads as a diff. */
export function serializeConfusables(data: ConfusablesData): string {
  const entries = Object.entries(data.map).map(([from, to]) => `    ${JSON.stringify(from)}: ${JSON.stringify(to)}`);
  return `{\n  "format": ${data.format},\n  "source": ${JSON.stringify(data.source)},\n  "unicodeVersion": ${JSON.stringify(data.unicodeVersion)},\n  "map": {\n${entries.join(',\n')}\n  }\n}\n`;
}
