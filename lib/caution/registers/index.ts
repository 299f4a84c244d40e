/**
 * The bundled registers (data/caution/registers.json) and the question the EU-logo check asks of
 * them: is this link on a register's host?
 */
import data from '../../../data/caution/registers.json';
import { lazy } from '../lazy';
import { registersSchema, type Register } from './schema';

export { REGISTER_VERIFICATIONS, registerSchema, registersSchema, type Register, type RegisterVerification } from './schema';

/** The bundled registers, checked on first use (see ../lazy.ts). */
export const allRegisters: () => readonly Register[] = lazy(() => registersSchema.parse(data));

function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase().replace(/\.$/, '') : null;
  } catch {
    return null;
  }
}

/** The register whose host (or a host under its registrable domain) the URL is on, or null. */
export function registerForUrl(url: string, registers: readonly Register[] = allRegisters()): Register | null {
  const host = hostOf(url);
  if (!host) return null;
  return registers.find((r) => r.hosts.includes(host) || r.domains.some((d) => host === d || host.endsWith(`.${d}`))) ?? null;
}
