/** The hub's base URL: http(s), no credentials, no query or fragment. Null when it is not one. */
export function normalizeHubUrl(input: string): string | null {
  try {
    const url = new URL(input.trim());
    // A bare `?` or `#` leaves search and hash empty but stays in href, where the reports path would follow it.
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || /[?#]/.test(url.href)) return null;
    return url.href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}
