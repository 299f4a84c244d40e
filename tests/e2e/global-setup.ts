import { existsSync } from 'node:fs';
import { CHROMIUM, EXTENSION_DIR } from './support/chromium';

/** Fails early, with what to do, when the browser or the built extension is missing. */
export default function setup(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}. Install it: apt-get install -y chromium`);
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) throw new Error(`No built extension in ${EXTENSION_DIR}. Run: npm run build`);
}
