/**
 * Resolves when `event` does or once `ms` have passed, whichever comes first, and leaves no timer
 * behind when the event comes first (a service worker with a pending timer is kept awake for it).
 * A failed event counts as come: what waits for it is only being polite.
 */
export function untilOrAfter(event: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  const came = event.then(
    () => undefined,
    () => undefined,
  );
  return Promise.race([came, waited]).finally(() => clearTimeout(timer));
}
