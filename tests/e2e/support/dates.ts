/**
 * Dates for lists the browser reads. A browser checks a list's dates against its own clock, which
 * an end-to-end test cannot move, so fixture lists are valid around the real now (issued yesterday,
 * valid for a year) instead of on fixed days that would expire under the suite one day.
 */
const DAY_MS = 86_400_000;

const isoSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export function validAroundNow(now = Date.now()): { issued: string; expires: string; added: string } {
  const issued = isoSeconds(now - DAY_MS);
  return { issued, expires: isoSeconds(now + 365 * DAY_MS), added: issued.slice(0, 10) };
}
