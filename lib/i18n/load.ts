/** Reading a shipped catalogue (messages/<code>.json), checked before use; English when it cannot be used. */
import * as z from 'zod/mini';
import { useCatalogue } from './catalogue';
import type { ShippedCatalogue } from './compile';
import { DEFAULT_LANGUAGE, type LanguageCode } from './languages';

export const catalogueFile = (code: string) => `messages/${code}.json`;

const shippedSchema = z.strictObject({
  format: z.literal(1),
  language: z.string(),
  messages: z.record(z.string(), z.string()),
  args: z.record(z.string(), z.array(z.string())),
});

export class CatalogueError extends Error {}

export function parseShippedCatalogue(value: unknown, code: string): ShippedCatalogue {
  const parsed = z.safeParse(shippedSchema, value);
  if (!parsed.success) throw new CatalogueError(`${catalogueFile(code)} is not a message catalogue`);
  if (parsed.data.language !== code) throw new CatalogueError(`${catalogueFile(code)} is for ${parsed.data.language}, not ${code}`);
  return parsed.data as ShippedCatalogue;
}

const cache = new Map<string, Promise<ShippedCatalogue>>();

/** The catalogue of a language (each fetched once per page or worker), or English's when it fails. */
export async function fetchCatalogue(code: LanguageCode, fetchJson: (path: string) => Promise<unknown>): Promise<ShippedCatalogue> {
  const get = (c: string) => {
    let found = cache.get(c);
    if (!found) {
      found = fetchJson(catalogueFile(c)).then((value) => parseShippedCatalogue(value, c));
      found.catch(() => cache.delete(c));
      cache.set(c, found);
    }
    return found;
  };
  try {
    return await get(code);
  } catch (error) {
    if (code === DEFAULT_LANGUAGE) throw error;
    console.error(error);
    return get(DEFAULT_LANGUAGE);
  }
}

/** Fetches and puts a language's catalogue in use; returns the language actually used. */
export async function loadLanguage(code: LanguageCode, fetchJson: (path: string) => Promise<unknown>): Promise<string> {
  const catalogue = await fetchCatalogue(code, fetchJson);
  useCatalogue(catalogue);
  return catalogue.language;
}
