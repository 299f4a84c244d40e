/**
 * Domain names and addresses read left to right whatever the page's direction, and never mix with
 * the text around them: in right-to-left Arabic a name such as "pharmacy.example-shop.com" must not
 * be reordered into something that reads like another site. Pages put them in <bdi dir="ltr">
 * (lib/ui/Domain.tsx); plain text (the badge's title, a notice, an aria-label) uses the Unicode
 * isolates below. LRI rather than FSI: FSI would guess the direction from the first letter, and a
 * host with an Arabic label first would then be laid out right to left.
 */
export const LRI = '\u2066';
export const PDI = '\u2069';

/** The text in a left-to-right isolate, for plain-text places. */
export function isolateLtr(text: string): string {
  return `${LRI}${text}${PDI}`;
}

export const FSI = '\u2068';

/**
 * An argument of a message that comes from a page or a detector (a caution reason's brand, domain,
 * medicine names or a quote): a host or an address goes in a left-to-right isolate; any other text
 * in a first-strong isolate, so a quote in the page's own language keeps its direction and never
 * reorders the translated sentence around it.
 */
export function isolateArg(text: string): string {
  if (/^(https?:\/\/)?[^\s/]+\.[^\s/]+(\/\S*)?$/i.test(text)) return isolateLtr(text);
  return `${FSI}${text}${PDI}`;
}
