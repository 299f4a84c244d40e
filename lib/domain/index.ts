export { canonicalHost, hostFromUrl, hostFromUserInput, lookupNames, MAX_URL_LENGTH } from './host';
export type { Host, HostKind } from './host';
export { isWebUrl } from './web-url';
export { checkEntryDomain, isPublicSuffix } from './entry';
export type { EntryCheck, EntryOptions, EntryProblem } from './entry';
