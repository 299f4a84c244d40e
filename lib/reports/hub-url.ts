/**
 * The hub's base URL: https, no credentials, no query or fragment; null when it is not one. A
 * report may carry a page address and an e-mail address, so it never travels in clear text:
 * plain http is accepted only for a hub on this machine (loopback), as in development and tests.
 */
const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|\[::1\]|localhost)$/;

export function normalizeHubUrl(input: string): string | null {
  try {
    const url = new URL(input.trim());
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
    // A bare `?` or `#` leaves search and hash empty but stays in href, where the reports path would follow it.
    if (!secure || url.username || url.password || /[?#]/.test(url.href)) return null;
    return url.href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}
