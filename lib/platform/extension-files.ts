import { browser, type PublicPath } from 'wxt/browser';

/** Reads a JSON file shipped in the package (pages and the background alike: fetch of runtime.getURL). */
export async function fetchExtensionJson(path: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(`/${path}` as PublicPath));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}
