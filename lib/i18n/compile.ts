/**
 * From the catalogues translators edit (locales/<code>.json, ARB-shaped: "key": "message" with the
 * English file's "@key": { description, placeholders } beside each) to the file a page fetches
 * (messages/<code>.json in the package): the messages, and each message's argument names in the
 * order callers pass them, taken from English. A key a translation lacks gets the English text, so
 * a page never shows a bare key; the locale tests fail on it long before a release.
 */
export interface ShippedCatalogue {
  readonly format: 1;
  readonly language: string;
  readonly messages: Readonly<Record<string, string>>;
  /** Argument names in call order, for messages that take any. */
  readonly args: Readonly<Record<string, readonly string[]>>;
}

export interface EnglishMeta {
  readonly description?: string;
  readonly placeholders?: Readonly<Record<string, { readonly example?: string }>>;
}

export type SourceCatalogue = Readonly<Record<string, unknown>>;

const isKey = (key: string) => !key.startsWith('@');

/** The messages of a source catalogue, without its metadata ("@@locale", "@key"). */
export function messagesOf(source: SourceCatalogue): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((e): e is [string, string] => isKey(e[0]) && typeof e[1] === 'string'));
}

export function metaOf(english: SourceCatalogue, key: string): EnglishMeta {
  const meta = english[`@${key}`];
  return typeof meta === 'object' && meta !== null ? (meta as EnglishMeta) : {};
}

/** Each English message's argument names in call order ({} for those without). */
export function argumentOrder(english: SourceCatalogue): Record<string, string[]> {
  const order: Record<string, string[]> = {};
  for (const key of Object.keys(messagesOf(english))) {
    const names = Object.keys(metaOf(english, key).placeholders ?? {});
    if (names.length > 0) order[key] = names;
  }
  return order;
}

export function compileCatalogue(language: string, source: SourceCatalogue, english: SourceCatalogue): { catalogue: ShippedCatalogue; missing: string[] } {
  const own = messagesOf(source);
  const base = messagesOf(english);
  const missing = Object.keys(base).filter((key) => !Object.hasOwn(own, key));
  const messages = Object.fromEntries(Object.keys(base).map((key) => [key, Object.hasOwn(own, key) ? own[key]! : base[key]!]));
  return { catalogue: { format: 1, language, messages, args: argumentOrder(english) }, missing };
}
