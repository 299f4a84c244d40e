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
