/** The warning page's address scheme, shared by the rules, the background and the pages. */

/**
 * The original URL a warning page was opened for: everything after the first `?url=`, raw (an
 * `&` in it would split a URLSearchParams read). The fragment stays attached, as the browser keeps
 * it across the redirect.
 */
export function originalUrlFromWarning(warningHref: string): string | null {
  const at = warningHref.indexOf('?url=');
  return at === -1 ? null : warningHref.slice(at + '?url='.length);
}

/** The warning page's address for a URL (used by the popup's "details" link). */
export function warningPageFor(warningPageUrl: string, url: string): string {
  return `${warningPageUrl}?url=${url}`;
}
