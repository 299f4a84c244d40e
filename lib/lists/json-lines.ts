/**
 * Line numbers for JSON input. JSON.parse says neither where an array element starts nor (in a
 * form we can rely on) where a syntax error is, and a maintainer fixing a file needs the line.
 */

/** 1-based line of each element of the top-level array, in order. Assumes valid JSON. */
export function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (depth === 1 && expectElement && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1 && c === '[') expectElement = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

/** The line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Where JSON.parse failed, when V8's message gives a position (it does not for every error). */
export function jsonErrorLine(text: string, error: unknown): number | null {
  const position = error instanceof Error ? /at position (\d+)/.exec(error.message) : null;
  return position ? lineAt(text, Number(position[1])) : null;
}
