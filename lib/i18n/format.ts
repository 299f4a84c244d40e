/**
 * A small ICU MessageFormat subset, enough for Pharmacheck's messages and no more:
 *   text {0} text                          an argument (a number is written with Intl.NumberFormat)
 *   {0, plural, =0 {…} one {# list} other {# lists}}   Intl.PluralRules picks the branch; # is the number
 *   {0, select, a {…} other {…}}           a branch by value
 * Quoting as ICU's default (DOUBLE_OPTIONAL) mode: '' is an apostrophe, and an apostrophe starts a
 * quoted run only before { } or #, so "l'autorité" and "authority's" need no escaping.
 *
 * Arguments are named ({site}, {count}); callers of t() pass them in the order the English
 * catalogue declares (catalogue.ts), so translators see names and callers keep t(key, a, b).
 * Why not intl-messageformat: it brings a full ICU parser and formatters (dates, skeletons) that
 * no message needs, several times this file's weight on every page.
 */
export type Node =
  | string
  | { readonly arg: string }
  | { readonly arg: string; readonly type: 'plural' | 'select'; readonly branches: Readonly<Record<string, readonly Node[]>> }
  | { readonly pound: true };

export class MessageSyntaxError extends Error {}

/** Parses a message; throws MessageSyntaxError with the position of the first mistake. */
export function parseMessage(source: string): Node[] {
  let i = 0;
  const fail = (what: string): never => {
    throw new MessageSyntaxError(`${what} at ${i} in ${JSON.stringify(source)}`);
  };

  function nodes(inPlural: boolean, depth: number): Node[] {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push(text);
      text = '';
    };
    while (i < source.length) {
      const c = source[i]!;
      if (c === "'") {
        const next = source[i + 1];
        if (next === "'") {
          text += "'";
          i += 2;
        } else if (next === '{' || next === '}' || (inPlural && next === '#')) {
          const end = source.indexOf("'", i + 1);
          if (end < 0) fail('unclosed quote');
          text += source.slice(i + 1, end).replaceAll("''", "'");
          i = end + 1;
        } else {
          text += c;
          i++;
        }
      } else if (c === '{') {
        flush();
        i++;
        out.push(argument(depth));
      } else if (c === '}') {
        if (depth === 0) fail('unmatched }');
        break;
      } else if (c === '#' && inPlural) {
        flush();
        out.push({ pound: true });
        i++;
      } else {
        text += c;
        i++;
      }
    }
    flush();
    return out;
  }

  const skipSpace = () => {
    while (/\s/.test(source[i] ?? '')) i++;
  };
  const word = (): string => {
    skipSpace();
    const match = /^[^\s{},]+/.exec(source.slice(i));
    if (!match) fail('expected a name');
    i += match![0].length;
    skipSpace();
    return match![0];
  };

  function argument(depth: number): Node {
    const arg = word();
    if (source[i] === '}') {
      i++;
      return { arg };
    }
    if (source[i] !== ',') fail('expected , or }');
    i++;
    const type = word();
    if (type !== 'plural' && type !== 'select') fail(`unknown argument type ${type}`);
    if (source[i] !== ',') fail('expected ,');
    i++;
    const branches: Record<string, Node[]> = {};
    for (;;) {
      skipSpace();
      if (source[i] === '}') {
        i++;
        break;
      }
      const key = word();
      if (source[i] !== '{') fail(`expected { after ${key}`);
      if (Object.hasOwn(branches, key)) fail(`branch ${key} given twice`);
      i++;
      branches[key] = nodes(type === 'plural', depth + 1);
      if (source[i] !== '}') fail('unclosed branch');
      i++;
    }
    if (!Object.hasOwn(branches, 'other')) fail(`${type} without an "other" branch`);
    return { arg, type: type as 'plural' | 'select', branches };
  }

  const result = nodes(false, 0);
  if (i < source.length) fail('unexpected }');
  return result;
}

/** Every argument a parsed message refers to, and how (a plural needs a number). */
export function argumentsOf(parsed: readonly Node[]): Map<string, 'text' | 'plural' | 'select'> {
  const found = new Map<string, 'text' | 'plural' | 'select'>();
  const walk = (list: readonly Node[]) => {
    for (const node of list) {
      if (typeof node === 'string' || 'pound' in node) continue;
      const kind = 'type' in node ? node.type : 'text';
      if (found.get(node.arg) !== 'plural') found.set(node.arg, kind);
      if ('branches' in node) Object.values(node.branches).forEach(walk);
    }
  };
  walk(parsed);
  return found;
}

/** The plural branches a message offers for an argument (categories and =N), to check a translation. */
export function pluralBranches(parsed: readonly Node[]): string[][] {
  const out: string[][] = [];
  const walk = (list: readonly Node[]) => {
    for (const node of list) {
      if (typeof node === 'string' || 'pound' in node || !('branches' in node)) continue;
      if (node.type === 'plural') out.push(Object.keys(node.branches));
      Object.values(node.branches).forEach(walk);
    }
  };
  walk(parsed);
  return out;
}

export type Arg = string | number;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const cached = <T>(map: Map<string, T>, language: string, make: () => T): T => {
  let value = map.get(language);
  if (!value) map.set(language, (value = make()));
  return value;
};

export function formatNumberIn(language: string, value: number): string {
  return cached(numberFormats, language, () => new Intl.NumberFormat(language)).format(value);
}

/**
 * The message as parts: strings, and any argument that is neither a string nor a number (a page
 * passes an element, such as a domain in its own bidi isolate) as it was given.
 */
export function formatParts<T = never>(parsed: readonly Node[], args: Readonly<Record<string, Arg | T>>, language: string): (string | T)[] {
  const out: (string | T)[] = [];
  const push = (part: string | T) => {
    if (typeof part === 'string' && typeof out.at(-1) === 'string') out[out.length - 1] += part;
    else if (part !== '') out.push(part);
  };
  const walk = (list: readonly Node[], pound: number | null) => {
    for (const node of list) {
      if (typeof node === 'string') push(node);
      else if ('pound' in node) push(pound === null ? '#' : formatNumberIn(language, pound));
      else {
        const value = Object.hasOwn(args, node.arg) ? args[node.arg] : undefined;
        if (!('type' in node)) {
          push(value === undefined ? '' : typeof value === 'number' ? formatNumberIn(language, value) : value);
        } else if (node.type === 'plural') {
          const n = typeof value === 'number' ? value : Number(value);
          const exact = node.branches[`=${n}`];
          const category = Number.isFinite(n) ? cached(pluralRules, language, () => new Intl.PluralRules(language)).select(n) : 'other';
          walk(exact ?? node.branches[category] ?? node.branches.other!, n);
        } else {
          walk(node.branches[String(value)] ?? node.branches.other!, pound);
        }
      }
    }
  };
  walk(parsed, null);
  return out;
}

export function formatMessage(parsed: readonly Node[], args: Readonly<Record<string, Arg>>, language: string): string {
  return formatParts(parsed, args, language).join('');
}

/** A parsed message written back in the same syntax (the pseudo-locale rewrites text and prints it). */
export function printMessage(parsed: readonly Node[], inPlural = false): string {
  return parsed
    .map((node) => {
      if (typeof node === 'string') return node.replace(inPlural ? /['{}#]/g : /['{}]/g, (c) => (c === "'" ? "''" : `'${c}'`));
      if ('pound' in node) return '#';
      if (!('type' in node)) return `{${node.arg}}`;
      const branches = Object.entries(node.branches).map(([key, list]) => `${key} {${printMessage(list, node.type === 'plural' || inPlural)}}`);
      return `{${node.arg}, ${node.type}, ${branches.join(' ')}}`;
    })
    .join('');
}

/** The same message with its text (not its arguments or branch names) rewritten by `change`. */
export function mapText(parsed: readonly Node[], change: (text: string) => string): Node[] {
  return parsed.map((node) => {
    if (typeof node === 'string') return change(node);
    if ('branches' in node) return { ...node, branches: Object.fromEntries(Object.entries(node.branches).map(([k, list]) => [k, mapText(list, change)])) };
    return node;
  });
}
