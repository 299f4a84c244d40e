/**
 * Right-to-left pages mirror only if the style sheets never say left or right: every margin,
 * padding, border, position and alignment is logical (inline-start, inline-end, block-…).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const UI = fileURLToPath(new URL('../../../lib/ui/', import.meta.url));
const PHYSICAL = /(?:^|[\s;{])(?:(?:margin|padding|border|inset)-(?:left|right)[\w-]*|left|right|float|clear)\s*:|text-align\s*:\s*(?:left|right)|(?:float|clear)\s*:\s*(?:left|right)/;

/** Declarations that name a physical side, with their file and line; comments are skipped. */
export function physicalDeclarations(css: string): string[] {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .split('\n')
    .flatMap((line, i) => (PHYSICAL.test(line) ? [`${i + 1}: ${line.trim()}`] : []));
}

const sheets = readdirSync(UI, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.css'));

describe('the style sheets', () => {
  it('include the shared and the guidance sheets', () => {
    expect(sheets).toEqual(expect.arrayContaining(['styles.css', join('guidance', 'guidance.css')]));
  });

  it.each(sheets)('%s uses logical properties only', (sheet) => {
    expect(physicalDeclarations(readFileSync(join(UI, sheet), 'utf8'))).toEqual([]);
  });

  it('catches a physical property (the check can fail)', () => {
    expect(physicalDeclarations('.a { margin-left: 1px }\n.b { text-align: right; }\n/* left: 0 */\n.c { border-right-color: red }\n.d { padding-inline-start: 0 }')).toEqual([
      '1: .a { margin-left: 1px }',
      '2: .b { text-align: right; }',
      '4: .c { border-right-color: red }',
    ]);
  });
});
