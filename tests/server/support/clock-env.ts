/**
 * The environment that sets a child process's clock. Child hubs get a minimal environment, but
 * the shifted-clock run (`npm run test:shifted-clock`: faketime moves the clock years ahead
 * through LD_PRELOAD) must reach them too, or a parent and its child would disagree on the date.
 */
export function clockEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && (e[0] === 'LD_PRELOAD' || e[0].startsWith('FAKETIME'))));
}
