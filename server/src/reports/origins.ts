/**
 * Which browser origins may send reports: the extension's pages and background. Entries are exact
 * origins (`chrome-extension://abcdefghijklmnopabcdefghijklmnop`) or a whole scheme
 * (`moz-extension://*`: Firefox gives each installation its own random origin).
 */
export function originMatcher(allowed: readonly string[]): (origin: string) => boolean {
  const exact = new Set(allowed.filter((o) => !o.endsWith('://*')).map((o) => o.toLowerCase()));
  const schemes = new Set(allowed.filter((o) => o.endsWith('://*')).map((o) => o.slice(0, -1).toLowerCase()));
  return (origin) => {
    const lower = origin.toLowerCase();
    if (exact.has(lower)) return true;
    const scheme = /^[a-z-]+:\/\//.exec(lower)?.[0];
    // A scheme-wide entry still needs a plain host after it: no path, user-info or port tricks.
    return scheme !== undefined && schemes.has(scheme) && /^[a-z0-9-]{1,64}$/.test(lower.slice(scheme.length));
  };
}
