/**
 * When to look for a new version. Pure, so it is tested without clocks.
 * Success: the list's own interval, between 15 and 60 minutes (60 by default), so a change
 * reaches every subscriber within the hour. Failure: Safe Browsing's back-off, 15 minutes doubling
 * up to 24 hours, each stretched by a random factor in [1, 2) so clients do not retry in step.
 */
export const DEFAULT_INTERVAL_MINUTES = 60;
export const MIN_INTERVAL_MINUTES = 15;
const MINUTE = 60_000;
const MAX_BACKOFF = 24 * 60 * MINUTE;

export function successDelayMs(intervalMinutes: number | undefined): number {
  const minutes = Math.min(DEFAULT_INTERVAL_MINUTES, Math.max(MIN_INTERVAL_MINUTES, intervalMinutes ?? DEFAULT_INTERVAL_MINUTES));
  return minutes * MINUTE;
}

/** `failures` counts this one too (1 after the first failure). `random` returns [0, 1). */
export function failureDelayMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF, 15 * MINUTE * 2 ** Math.max(0, Math.min(failures - 1, 20)));
  const jitter = random();
  // NaN passes Math.min and Math.max unchanged, and a NaN delay makes nextCheck an invalid date.
  return Math.round(base * (1 + Math.min(Math.max(Number.isNaN(jitter) ? 0 : jitter, 0), 0.999_999)));
}

/** True when a subscription with this next-check time should be checked now. */
export function isDue(nextCheck: string | null, now: Date): boolean {
  return nextCheck === null || Date.parse(nextCheck) <= now.getTime();
}
