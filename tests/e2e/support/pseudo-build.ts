/**
 * A copy of the Chrome build with the pseudo-locale en-XA written into it, made at test time from
 * the English catalogue and guidance (lib/i18n/pseudo.ts): it never ships.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ShippedCatalogue } from '../../../lib/i18n/compile';
import { PSEUDO_LANGUAGE, pseudoGuidance, pseudoMessages } from '../../../lib/i18n/pseudo';
import { EXTENSION_DIR } from './chromium';

export function pseudoBuild(): { dir: string; remove: () => void } {
  const dir = join(mkdtempSync(join(tmpdir(), 'pharmacheck-pseudo-')), 'chrome-mv3');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const english = JSON.parse(readFileSync(join(dir, 'messages/en.json'), 'utf8')) as ShippedCatalogue;
  const pseudo: ShippedCatalogue = { ...english, language: PSEUDO_LANGUAGE, messages: pseudoMessages(english.messages) };
  writeFileSync(join(dir, `messages/${PSEUDO_LANGUAGE}.json`), JSON.stringify(pseudo));
  const guidance = JSON.parse(readFileSync(join(dir, 'guidance/en.json'), 'utf8')) as unknown;
  writeFileSync(join(dir, `guidance/${PSEUDO_LANGUAGE}.json`), JSON.stringify(pseudoGuidance(guidance)));
  return { dir, remove: () => rmSync(join(dir, '..'), { recursive: true, force: true }) };
}
