import { browser } from 'wxt/browser';

/** The guide page, optionally at a section ("#report"). */
export const guideUrl = (section = '') => `${browser.runtime.getURL('/guide.html')}${section}`;
