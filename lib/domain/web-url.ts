/**
 * True for http(s) URLs only: web pages, which lists and the caution verdict judge (and the only
 * kind a page may navigate to from a list verdict). A module of its own, without tldts, so that the
 * popup and the warning page can use it without loading the public-suffix list.
 */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
