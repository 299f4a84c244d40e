/**
 * What the browser itself reads from public/_locales: the extension's name and description (the
 * store and the extensions page) and the toolbar button's title before the background sets its
 * own. Written from the catalogues by `npm run i18n:sync`, for every language whose browserLocale
 * Chrome and Firefox accept (lib/i18n/languages.ts); everything else is Pharmacheck's catalogue.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { metaOf, messagesOf } from './compile';
import { LANGUAGES, type Language } from './languages';

export const MANIFEST_KEYS = ['extName', 'extDescription', 'actionTitle'] as const;

export type ChromeFile = Record<string, { message: string; description?: string }>;

/** public/_locales/<dir>/messages.json for each language that has a browser locale, by directory. */
export function browserLocaleFiles(localesDir: string): Map<string, ChromeFile> {
  const english = JSON.parse(readFileSync(join(localesDir, 'en.json'), 'utf8')) as Record<string, unknown>;
  const files = new Map<string, ChromeFile>();
  for (const language of LANGUAGES as readonly Language[]) {
    const path = join(localesDir, `${language.code}.json`);
    if (!language.browserLocale || !existsSync(path)) continue;
    const own = messagesOf(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>);
    const file: ChromeFile = {};
    for (const key of MANIFEST_KEYS) {
      const message = own[key];
      if (message === undefined) continue;
      // Chrome reads $ as a placeholder marker; these messages have none, so a literal $ is $$.
      const entry: { message: string; description?: string } = { message: message.replaceAll('$', '$$$$') };
      const description = language.code === 'en' ? metaOf(english, key).description : undefined;
      if (description) entry.description = description;
      file[key] = entry;
    }
    files.set(language.browserLocale, file);
  }
  return files;
}
