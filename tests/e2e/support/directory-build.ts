/**
 * A copy of the built extension that ships a test directory of publishers, signed by a test
 * directory key pinned in it (docs/list-format.md §15): how an end-to-end test makes a publisher
 * an authority or a register, as the real directory would, without the real directory's keys.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign, signatureText, type SecretKeyFile } from '../../../lib/signing';
import { makeRoot, trustFileText, type Directory } from '../../../lib/trust';
import { EXTENSION_DIR } from './chromium';

/** Writes the copy and returns its directory; the caller removes it. */
export async function buildWithDirectory(directory: Directory, directoryKey: SecretKeyFile, prefix = 'pharmacheck-directory-extension-'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const shipped = trustFileText(directory);
  writeFileSync(join(dir, 'directory/root.json'), trustFileText(makeRoot(directory.id, [directoryKey], 1)));
  writeFileSync(join(dir, 'directory/directory.json'), shipped);
  writeFileSync(join(dir, 'directory/directory.json.sig'), signatureText(await sign(new TextEncoder().encode(shipped), directoryKey)));
  return dir;
}
