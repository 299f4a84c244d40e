/** A translator over one catalogue, for code that keeps its own (the toolkit) apart from the pages'. */
import type { ShippedCatalogue } from './compile';
import { formatMessage, parseMessage, type Arg, type Node } from './format';

export interface Translator<K extends string> {
  readonly language: string;
  t(key: K, ...subs: Arg[]): string;
}

export function createTranslator<K extends string>(catalogue: ShippedCatalogue): Translator<K> {
  const parsed = new Map<string, Node[]>();
  return {
    language: catalogue.language,
    t(key, ...subs) {
      let nodes = parsed.get(key);
      if (!nodes) parsed.set(key, (nodes = parseMessage(catalogue.messages[key] ?? key)));
      const names = catalogue.args[key] ?? [];
      return formatMessage(nodes, Object.fromEntries(names.map((name, i) => [name, subs[i] ?? ''])), catalogue.language);
    },
  };
}
