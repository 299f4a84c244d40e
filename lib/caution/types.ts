/**
 * The caution verdict's shared shapes: what a page gives (PageFeatures, extracted on the device by
 * the features script in the page or, from a saved file, by the toolkit), what each signal family finds
 * (Signal, with a reason a person can read), and what the combination step concludes
 * (CautionAssessment). Pure data: no browser API, no DOM, so every context and Node can use it.
 *
 * Families, one folder or module each:
 * - `name`: the host name alone (a lookalike of a protected brand or domain);
 * - `page`: what the page offers and how (prescription-only medicines without a prescription step,
 *   drug classes rarely sold together, price per pill, payment only by crypto or transfer, …);
 * - `logo`: the EU common logo and where it links (it must link to a national register).
 */

/** Bounds of PageFeatures: the features script cuts to these, the background's schema refuses more. */
export const FEATURE_LIMITS = {
  url: 2048,
  lang: 35,
  title: 300,
  headings: 40,
  heading: 200,
  /** Characters of visible text, from the top of the page. */
  text: 20_000,
  /** Characters of visible text from the end of the page, when `text` stops before it. */
  textEnd: 4_000,
  links: 400,
  linkText: 120,
  images: 60,
  imageText: 200,
  forms: 20,
  formFields: 40,
  fieldText: 60,
} as const;

export interface PageLink {
  /** Absolute URL the link points to (http, https or mailto), as the document resolves it. */
  readonly href: string;
  /** The link's visible text, whitespace collapsed. */
  readonly text: string;
}

/** An image that may be a logo or a seal, and the link around it. */
export interface PageImage {
  /** Absolute URL of the image (may be a data: URL cut to its first bytes). */
  readonly src: string;
  readonly alt: string;
  readonly title: string;
  /** The href of the nearest enclosing link, or null. */
  readonly linkHref: string | null;
  /** Declared or rendered size in CSS pixels; 0 when unknown. */
  readonly width: number;
  readonly height: number;
}

export interface PageForm {
  /** Absolute URL the form submits to ('' for none). */
  readonly action: string;
  readonly method: string;
  /** One short description per field: its type and name/label, e.g. "file:prescription", "text:card-number". */
  readonly fields: readonly string[];
}

/**
 * A small, bounded summary of one page. It stays in the browser: the features script hands it to
 * the background as its result, and nothing sends it anywhere else (docs/privacy.md).
 */
export interface PageFeatures {
  /** The page's own address (document.URL). */
  readonly url: string;
  /** The document's declared language (`<html lang>`), lowercased, or ''. */
  readonly lang: string;
  readonly title: string;
  /** h1–h3 texts, in document order. */
  readonly headings: readonly string[];
  /** Visible text, whitespace collapsed, scripts, styles and hidden elements left out. */
  readonly text: string;
  /**
   * The last visible text (up to FEATURE_LIMITS.textEnd characters) when `text` stops before the
   * end of the page, '' otherwise: footers carry the address, the licence and the EU logo.
   */
  readonly textEnd: string;
  readonly links: readonly PageLink[];
  readonly images: readonly PageImage[];
  readonly forms: readonly PageForm[];
}

export type SignalFamily = 'name' | 'page' | 'logo';

/**
 * One thing a signal family found. Never a bare score for a person: `reason` is an i18n message
 * (locales/<code>.json) with its substitutions, which the popup shows and the toolkit prints in
 * English. `id` is stable and machine-readable (reports and `pharmacheck check --json` carry it).
 */
export interface Signal {
  /** `<family>.<rule>`, e.g. `name.lookalike`, `page.no-prescription`, `logo.not-a-register`. */
  readonly id: string;
  readonly family: SignalFamily;
  /** Its weight in the combination step (combine.ts), chosen on development data. */
  readonly weight: number;
  readonly reason: { readonly key: string; readonly subs: readonly string[] };
}

/** A register the page's EU common logo links to: a claim the person can check in one click. */
export interface RegisterClaim {
  /** The logo's link, exactly as the page has it (opened only when the person clicks). */
  readonly url: string;
  /** ISO 3166 code of the register's country. */
  readonly country: string;
  /** The authority that runs the register. */
  readonly authority: string;
}

export type CautionLevel = 'none' | 'caution' | 'strong';

export interface CautionAssessment {
  /** `caution`: amber badge and the popup's reasons; `strong`: also a notice on the page itself. */
  readonly level: CautionLevel;
  /** Every signal that fired, heaviest first. */
  readonly signals: readonly Signal[];
  readonly register: RegisterClaim | null;
}
