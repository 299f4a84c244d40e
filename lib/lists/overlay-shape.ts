/**
 * The shape of a list's overlay (overlay.ts says what it is), apart from the code that changes it, so
 * that the wake read (wake-read.ts), which the background begins at its script's first lines, needs
 * nothing else of the lists' code to be evaluated first.
 */
export interface ListOverlay {
  /** Domains added since the base (their entries are stored beside: overlayEntries). */
  readonly adds: ReadonlySet<string>;
  /** Domains the base holds that are no longer on the list, or that an add replaced. */
  readonly removes: ReadonlySet<string>;
}

export const EMPTY_OVERLAY: ListOverlay = Object.freeze({ adds: new Set<string>(), removes: new Set<string>() });
