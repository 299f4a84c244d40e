/** Every difference between Chrome and Firefox that the code has to know about, in one room. */
export { actionApi } from './action';
export { SITE_ORIGINS } from './origins';
export { forgetSiteAccess, hasSiteAccess, knownSiteAccess, onSiteAccessChange, requestSiteAccess } from './site-access';
export { requestDataConsent } from './data-consent';
