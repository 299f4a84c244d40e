export { AUTHORITIES_FILE, GUIDANCE_ASSETS, GUIDANCE_FILES, guidanceFile, MEDICRIME_PARTIES_FILE } from './assets';
export {
  AUTHORITY_REGIONS,
  authoritiesSchema,
  authoritySchema,
  MEDICRIME_STATUSES,
  medicrimePartiesSchema,
  medicrimePartySchema,
  VERIFICATION_STATUSES,
} from './authorities';
export type { Authority, MedicrimeParty, MedicrimeStatus, VerificationStatus } from './authorities';
export { countryFromLocales, knownCountries, reportTarget, resolveCountry } from './country';
export type { CountryData, ResolvedCountry } from './country';
export { GUIDANCE_LANGUAGES, guidanceLanguageFor } from './languages';
export type { GuidanceLanguage } from './languages';
export { GuidanceDataError, loadCountryData, loadGuidance, parseGuidance } from './load';
export type { FetchJson } from './load';
export { GUIDANCE_CATEGORIES, guidanceSchema, MEDICRIME_ARTICLES, VERDICTS } from './schema';
export type { Guidance, GuidanceCategory, GuidanceVerdict, MedicrimeArticle } from './schema';
export { readCountrySetting, watchCountrySetting, writeCountrySetting } from './settings';
export { parseCountrySetting } from './settings-value';
export type { CountrySetting } from './settings-value';
export { authoritiesFromCsv, medicrimePartiesFromCsv, toDataJson, verificationStatus } from './convert';
export { CsvError, parseCsv } from './csv';
