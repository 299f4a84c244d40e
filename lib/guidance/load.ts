/**
 * Reading guidance and country data from the files the extension ships. Everything fetched is
 * validated first: a file with a missing or unknown field is refused with an error naming it.
 */
import * as z from 'zod/mini';
import { AUTHORITIES_FILE, guidanceFile, MEDICRIME_PARTIES_FILE } from './assets';
import { authoritiesSchema, medicrimePartiesSchema } from './authorities';
import type { CountryData } from './country';
import { issuesText } from './issues';
import type { GuidanceLanguage } from './languages';
import { guidanceSchema, type Guidance } from './schema';

/** Reads a JSON file shipped with the extension (in pages: fetch of runtime.getURL). */
export type FetchJson = (path: string) => Promise<unknown>;

export class GuidanceDataError extends Error {}

function parse<T>(schema: z.ZodMiniType<T>, value: unknown, file: string): T {
  const result = z.safeParse(schema, value, { reportInput: true });
  if (!result.success) throw new GuidanceDataError(`${file} is invalid: ${issuesText(result.error.issues)}`);
  return result.data;
}

export function parseGuidance(value: unknown, language: GuidanceLanguage, file = guidanceFile(language)): Guidance {
  const guidance = parse(guidanceSchema, value, file);
  if (guidance.language !== language) throw new GuidanceDataError(`${file} is invalid: language is ${guidance.language}, expected ${language}`);
  return guidance;
}

async function read(fetchJson: FetchJson, file: string): Promise<unknown> {
  try {
    return await fetchJson(file);
  } catch (error) {
    throw new GuidanceDataError(`${file} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The guidance in a language; English when that language's file cannot be used. */
export async function loadGuidance(language: GuidanceLanguage, fetchJson: FetchJson): Promise<Guidance> {
  try {
    return parseGuidance(await read(fetchJson, guidanceFile(language)), language);
  } catch (error) {
    if (language === 'en') throw error;
    // Better English guidance than none; the error still shows in the console for whoever ships it.
    console.error(error);
    return parseGuidance(await read(fetchJson, guidanceFile('en')), 'en');
  }
}

export async function loadCountryData(fetchJson: FetchJson): Promise<CountryData> {
  const [authorities, parties] = await Promise.all([read(fetchJson, AUTHORITIES_FILE), read(fetchJson, MEDICRIME_PARTIES_FILE)]);
  return {
    authorities: parse(authoritiesSchema, authorities, AUTHORITIES_FILE),
    parties: parse(medicrimePartiesSchema, parties, MEDICRIME_PARTIES_FILE),
  };
}
