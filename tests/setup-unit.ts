import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '../locales/en.json';
import { compileCatalogue } from '../lib/i18n/compile';
import { useCatalogue } from '../lib/i18n/catalogue';

// Code under test writes English unless a test puts another catalogue in use.
const { catalogue } = compileCatalogue('en', english, english);

beforeEach(() => {
  fakeBrowser.reset();
  useCatalogue(catalogue);
});
