export { canonicalHost, hostFromUrl, hostFromUserInput, isWebUrl, lookupNames, MAX_URL_LENGTH } from './host';
export type { Host, HostKind } from './host';
export { checkEntryDomain, isPublicSuffix } from './entry';
export type { EntryCheck, EntryOptions, EntryProblem } from './entry';
